/* memcpy, memmove and memset over active arrays (issue 13, reproducer 4): they were taken for
 * inactive calls and the derivative through them came out 0. Byte counts as `sizeof a`,
 * `k * sizeof(double)`, `sizeof a[0] * k` and `n * sizeof *in`; pointers as arrays, a
 * parameter, `&c[1]` and `b + 2`; copies that overwrite values the backward sweep reads
 * (a[i] * a[i] before memmove overwrites a), and a helper copying into its output. */
#include <math.h>
#include <string.h>
#include <adc.h>

#define N 6

static void save(int n, double *out, const double *in)
{
    memcpy(out, in, (size_t)n * sizeof *in);
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double calls_memory(int n, const double *x)
{
    double a[N], b[N], c[N], d[N];
    for (int i = 0; i < N; i++)
        a[i] = sin(x[i % n]) * x[i % n];
    memcpy(b, a, sizeof a);
    double s = 0.0;
    for (int i = 0; i < N; i++)
        s += b[i] * b[(i + 1) % N] + a[i] * a[i];
    memcpy(&c[1], x, (size_t)(N - 1) * sizeof(double));
    c[0] = s;
    memmove(a, c, sizeof a[0] * N);
    memset(b + 2, 0, 2 * sizeof(double));
    save(N, d, a);
    for (int i = 0; i < N; i++)
        s += a[i] * b[i] + c[i] * d[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_memory_tangent(int n, const double *x, const double *x_d, double *calls_memory_d);
double calls_memory_adjoint(int n, const double *x, double *x_b, double calls_memory_b);
double calls_memory_grad(int n, const double *x, double *x_grad);
int calls_memory_hvp(int n, const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return calls_memory(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_memory_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_memory_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_memory_adjoint(N, x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    calls_memory_grad(N, x, g);
}

int main(void) {
    e2e_begin("calls_memory");
    double x[N], v[N], hv[N], g[N];
    e2e_fill(x, N, 113u, -1.0, 1.0);
    e2e_fill(v, N, 7u, -1.0, 1.0);
    e2e_scalar s = {.label = "calls_memory", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    calls_memory_hvp(N, x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("calls_memory", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
