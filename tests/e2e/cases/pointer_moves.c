/* Pointers that move (issue 13, reproducers 7 and 8): a pointer parameter advanced in place
 * (x = x + 1, x++, x += 2, read at a negative offset), a helper that advances its own
 * parameter in a loop, a helper that writes through its parameter while advancing it, and a
 * helper that copies its parameter into a local pointer, called with the caller's local array
 * (whose forward and backward sweeps each have their own copy of it). The shadow pointer must
 * move in lockstep in every mode: checked against finite differences, tangent against adjoint
 * (dot product), the Hessian-vector product and the Hessian against finite differences of the
 * gradient, and each direction of the vector tangent against the scalar tangent (the vector
 * tangent of `*y = ...` was written *y_d[k], direction 0 of element k, for (*y_d)[k]). */
#include <math.h>
#include <adc.h>

static double sum_sq_advance(int n, const double *a)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        s += a[0] * a[0];
        a++;
    }
    return s;
}

static void scale_advance(int n, double *y, double c)
{
    for (int i = 0; i < n; i++) {
        *y = *y * c + sin(*y);
        y += 1;
    }
}

static double prod2(const double *a)
{
    double const *b = a;
    return b[0] * b[1];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector, adjoint, grad, hvp, hessian), vector(3))
double pointer_moves(int n, const double *x)
{
    double t[4] = {x[0] * 2.0, x[1] + x[0], x[2], x[3]};
    double s = x[0] + prod2(t) + prod2(x + 1);
    scale_advance(3, t + 1, x[4]);
    s += t[1] * t[2] + t[3];
    x = x + 1;
    s += 3.0 * x[0] * x[0];
    x++;
    s += sin(x[0]) * s;
    x += 2;
    s += x[-1] * x[0];
    return s + sum_sq_advance(n - 4, x);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_moves_tangent(int n, const double *x, const double *x_d, double *pointer_moves_d);
double pointer_moves_adjoint(int n, const double *x, double *x_b, double pointer_moves_b);
double pointer_moves_grad(int n, const double *x, double *x_grad);
int pointer_moves_hvp(int n, const double *x, const double *x_v, double *x_hv);
int pointer_moves_hessian(int n, const double *x, double *h);
double pointer_moves_tangent_vector(int n, const double *x, const double (*x_d)[3], double *pointer_moves_d);

#define N 7
static double primal(const double *x, void *p) {
    (void)p;
    return pointer_moves(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_moves_grad(N, x, g);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    pointer_moves_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_moves_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_moves_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("pointer_moves");
    double x[N], v[N], hv[N];
    e2e_fill(x, N, 13u, -1.0, 1.0);
    e2e_fill(v, N, 14u, -1.0, 1.0);
    e2e_scalar s = {.label = "pointer_moves", .n = N, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_expect_value("pointer_moves", "hvp returns 0", pointer_moves_hvp(N, x, v, hv), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("pointer_moves", "Hessian-vector product vs finite differences of the gradient", st, &r);
    double h[N * N], column[N];
    e2e_expect_value("pointer_moves", "hessian returns 0", pointer_moves_hessian(N, x, h), 0.0, 0.0);
    for (int j = 0; j < N; j++) {
        double e[N] = {0};
        e[j] = 1.0;
        for (int i = 0; i < N; i++)
            column[i] = h[i * N + j];
        st = adc_check_tangent(N, N, x, e, column, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status("pointer_moves", "Hessian column vs finite differences of the gradient", st, &r);
    }
    double directions[N][3], dv[3], want[3];
    for (int k = 0; k < 3; k++) {
        e2e_fill(v, N, 20u + (unsigned)k, -1.0, 1.0);
        for (int i = 0; i < N; i++)
            directions[i][k] = v[i];
        pointer_moves_tangent(N, x, v, &want[k]);
    }
    pointer_moves_tangent_vector(N, x, (const double (*)[3])directions, dv);
    e2e_expect_close("pointer_moves", "vector tangent directions equal scalar tangents", dv, want, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
