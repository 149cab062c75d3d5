/* Inactive int, long, size_t, bool and unsigned values mixed into active double arithmetic: (int) and (long) casts of active values used as indices and factors (piecewise constant), integer division and modulo, (double) casts of integers. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <adc.h>

static const double bucket_weight[8] = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25};

ADC_DIFF(wrt(x), len(x: n))
double mixed_int_types(size_t n, const double *x, long scale, bool square, unsigned flags)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++) {
        long li = (long)i * scale;
        int bucket = (int)(x[i] * 4.0);
        if (bucket < 0)
            bucket = -bucket;
        double w = bucket_weight[bucket % 8] / (double)scale;
        s += w * x[i] + (double)li * 1e-2 * x[i];
        if (square)
            s += x[i] * x[i] / (double)(i + 1);
        if (flags & (1u << (i % 4)))
            s -= 0.5 * x[i] * x[(i + 1) % n];
        s += (double)(li / 3 % 5) * x[i];
    }
    int k = (int)s;
    s += (double)k * x[0];
    long j = (long)(x[1] * 10.0);
    return s + (double)j * x[2] + (double)(n % 3);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double mixed_int_types_tangent(size_t n, const double *x, const double *x_d, long scale,
                               bool square, unsigned flags, double *mixed_int_types_d);
double mixed_int_types_adjoint(size_t n, const double *x, double *x_b, long scale, bool square,
                               unsigned flags, double mixed_int_types_b);
double mixed_int_types_grad(size_t n, const double *x, long scale, bool square, unsigned flags,
                            double *x_grad);

#define N 6
static const long scale = 3;
static const unsigned flags = 0x5u;

static double primal(const double *x, void *p) {
    return mixed_int_types(N, x, scale, *(const bool *)p, flags);
}
static double grad(const double *x, double *g, void *p) {
    return mixed_int_types_grad(N, x, scale, *(const bool *)p, flags, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return mixed_int_types_tangent(N, x, v, scale, *(const bool *)p, flags, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return mixed_int_types_adjoint(N, x, xb, scale, *(const bool *)p, flags, seed);
}

int main(void) {
    e2e_begin("mixed_int_types");
    /* 4 x[i] has fractional part in [0.3, 0.7] and 10 x[1] = 8.5, and the running sum before
     * (int)s is 2.094 (square) or 0.852 (no square), so no cast changes its value under the
     * finite-difference steps (about 1e-3). */
    const double x[N] = {0.6, 0.85, -0.4, 1.1, -0.85, 0.35};
    bool yes = true, no = false;
    e2e_scalar s = {.label = "square", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &yes};
    e2e_run_scalar(&s, NULL);
    e2e_scalar s2 = {.label = "no square", .n = N, .x = x, .f = primal, .grad = grad,
                     .tangent = tangent, .adjoint = adjoint, .ctx = &no};
    e2e_run_scalar(&s2, NULL);
    return e2e_finish();
}
#endif
