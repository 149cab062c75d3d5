/* Values overwritten in the same trip before the backward sweep reads them are not taped
 * (tbr.c, covered): sums restarted on every pair, an integer counted up in an inner loop and
 * read after it, next to cases that must still save: a running sum read inside the loop that
 * sums it, a restart under an if, a restart in a loop that may not run. Gradient checked
 * against finite differences and the tangent (dot-product test). */
#include <math.h>
#include <adc.h>

#define NP 5

ADC_DIFF(wrt(x), len(x: 2 * NP))
double overwritten(const double *x, int reps)
{
    double e = 0.0, r2, dx[2], t, q = 0.0, s = 1.0, acc = 0.0, w = 0.0;
    int m;
    for (int rep = 0; rep < reps; rep++)
        for (int i = 0; i < NP; i++) {
            for (int j = i + 1; j < NP; j++) {
                r2 = 0.0;
                for (int d = 0; d < 2; d++) {
                    dx[d] = x[2 * i + d] - x[2 * j + d];
                    r2 += dx[d] * dx[d];
                }
                e += 1.0 / (r2 + 0.5) + sin(r2);
            }
            t = 0.0;
            for (int d = 0; d < 2; d++) {
                t += x[2 * i + d];
                q += t * t;
            }
            m = 0;
            for (int k = 0; k < 3; k++)
                m += 2;
            acc += x[m] * x[i] * t;
            if (x[i] > 0.0)
                s = 0.5;
            s *= 1.0 + 0.1 * x[i];
            for (int k = 0; k < i % 2; k++)
                w = 0.0;
            w = w * x[i] + x[NP + i];
        }
    return e + q + s + acc + w;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double overwritten_grad(const double *x, int reps, double *x_grad);
double overwritten_tangent(const double *x, const double *x_d, int reps, double *overwritten_d);

static double f(const double *p, void *ctx) {
    (void)ctx;
    return overwritten(p, 2);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    return overwritten_grad(p, 2, g);
}
static double tangent(const double *p, const double *d, double *dv, void *ctx) {
    (void)ctx;
    return overwritten_tangent(p, d, 2, dv);
}

int main(void) {
    e2e_begin("tbr_overwritten_in_trip");
    double p[2 * NP];
    e2e_fill(p, 2 * NP, 5, -1.0, 1.0);
    e2e_scalar c = {.label = "overwritten", .n = 2 * NP, .x = p, .f = f, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    return e2e_finish();
}
#endif
