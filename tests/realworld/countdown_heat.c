/* An explicit heat-equation solver in the style of older C codes: arrays walked with counters
 * that count down (while (n--)), the step count decremented in the loop test, buffers indexed
 * with post-increments (out[k++] = ...), and a misfit against a measured profile. Differentiated
 * with respect to the initial temperature and the conductivity (only the ADC_DIFF line is
 * added). */
#include <adc.h>

#define NX 24

static void diffuse(const double *u, double *v, int n, double kappa)
{
    int i = 1, k = 1;
    v[0] = u[0];
    while (i < n - 1) {
        v[k++] = u[i] + kappa * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
        i++;
    }
    v[n - 1] = u[n - 1];
}

ADC_DIFF(wrt(u0, kappa), len(u0: NX))
double heat_misfit(const double *u0, double kappa, int steps, const double *measured)
{
    double a[NX], b[NX], misfit = 0.0;
    int n = NX, i = 0;

    while (n--)
        a[n] = u0[n];
    while (steps-- > 0) {
        diffuse(a, b, NX, kappa);
        diffuse(b, a, NX, kappa);
    }
    n = NX;
    while (n--) {
        double d = a[i] - measured[i];
        misfit += d * d;
        i++;
    }
    return misfit;
}
