/* Post-increment and post-decrement indices in loops, as older C codes write them: a buffer
 * filled with out[k++] = ..., two effects in one statement (v[k++] = w[j--] * ...), an
 * accumulation into buf[m++], and a copy used twice (not rewritten). In reverse mode the
 * statement runs with k itself and the step after it, so the backward sweep undoes the step
 * instead of taping the copy (filecheck post_increment_reverse). Gradient checked against
 * finite differences and the tangent (dot-product test). */
#include <math.h>
#include <adc.h>

#define NP 6

ADC_DIFF(wrt(x, kappa), len(x: NP))
double steps(const double *x, double kappa, int reps)
{
    double u[NP], v[NP], w[NP], s = 0.0;
    int i, k, j, m;
    for (i = 0; i < NP; i++)
        u[i] = x[i];
    while (reps-- > 0) {
        k = 1;
        i = 1;
        v[0] = u[0];
        while (i < NP - 1) {
            v[k++] = u[i] + kappa * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
            i++;
        }
        v[NP - 1] = u[NP - 1];
        k = 0;
        j = NP - 1;
        while (k < NP)
            w[k++] = v[j--] * u[2];
        m = 0;
        for (i = 0; i < NP; i++) {
            u[m++] += 0.1 * sin(w[i]);
        }
    }
    k = 0;
    while (k < NP) {
        int c = k++;
        s += u[c] * u[c] + x[c] * kappa;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double steps_grad(const double *x, double kappa, int reps, double *x_grad, double *kappa_grad);
double steps_tangent(const double *x, const double *x_d, double kappa, double kappa_d, int reps, double *steps_d);

static double f(const double *p, void *ctx) {
    (void)ctx;
    return steps(p, p[NP], 3);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    return steps_grad(p, p[NP], 3, g, &g[NP]);
}
static double tangent(const double *p, const double *d, double *dv, void *ctx) {
    (void)ctx;
    return steps_tangent(p, d, p[NP], d[NP], 3, dv);
}

int main(void) {
    e2e_begin("post_increment_steps");
    double p[NP + 1];
    e2e_fill(p, NP + 1, 7, -1.0, 1.0);
    p[NP] = 0.2;
    e2e_scalar c = {.label = "steps", .n = NP + 1, .x = p, .f = f, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    return e2e_finish();
}
#endif
