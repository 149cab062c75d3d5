/* Homework in the style of an old numerical-methods course: K&R definitions, `register`
 * variables, an implicit-int helper, function-like macros with operators, float data and
 * double arithmetic. Fits y = a exp(-b t) + c sin(w t) to samples by least squares; the
 * objective is the sum of squared residuals (only the ADC_DIFF line is added).
 * Needs libclang >= 17 (operators inside SQR and MAX). */
#include <math.h>
#include <adc.h>

#define SQR(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define NDATA 40

float tdata[NDATA], ydata[NDATA];

/* 1 for samples that count fully, 0 for the first few (a start-up transient) */
static weight(i)
    int i;
{
    return i >= 3;
}

void make_data(n)
    int n;
{
    register int i;
    for (i = 0; i < n; i++) {
        tdata[i] = 0.25f * i;
        ydata[i] = (float)(2.0 * exp(-0.3 * tdata[i]) + 0.5 * sin(1.7 * tdata[i]));
    }
}

double model(a, b, c, w, t)
    double a, b, c, w, t;
{
    return a * exp(-b * t) + c * sin(w * t);
}

ADC_DIFF(wrt(p))
double sse(p, n)
    double p[4];
    int n;
{
    register int i;
    double s = 0.0, r;

    for (i = 0; i < n; i++) {
        r = model(p[0], p[1], p[2], p[3], (double)tdata[i]) - ydata[i];
        s += (weight(i) ? 1.0 : 0.1) * SQR(r);
    }
    return s / MAX(n, 1);
}
