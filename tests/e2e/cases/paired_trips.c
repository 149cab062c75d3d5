/* Backward loops whose trips go in pairs (adjoint.c, paired_trips): the sum of the squares of
 * Q x, Q = diag(q) + a strictly lower triangle L stored column by column (gmm's Qtimesx). The
 * backward sweep of the inner loop sums x_b[i] in two halves, two trips at a time, after a
 * trip of its own for an odd count (the inner loop runs n - 1 - i times: both parities).
 * tri_form's reverse sweep has `restrict` shadows only where no function of the file calls it:
 * self_form calls it with one array for L and x, and checks that path against FD too. */
#include <adc.h>

#define MAXN 16

ADC_DIFF(wrt(q, L, x), len(q: n, L: n * (n - 1) / 2, x: n))
double tri_form(int n, const double *q, const double *L, const double *x)
{
    double out[MAXN];
    for (int j = 0; j < n; j++)
        out[j] = q[j] * x[j];
    int idx = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            out[j] = out[j] + L[idx] * x[i];
            idx++;
        }
    double s = 0.0;
    for (int j = 0; j < n; j++)
        s += out[j] * out[j];
    return s;
}

ADC_DIFF(wrt(a), len(a: n * (n - 1) / 2))
double self_form(int n, const double *a)
{
    return tri_form(n, a, a, a) + a[n];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double tri_form_tangent(int n, const double *q, const double *q_d, const double *L, const double *L_d,
                        const double *x, const double *x_d, double *tri_form_d);
double tri_form_adjoint(int n, const double *q, double *q_b, const double *L, double *L_b, const double *x,
                        double *x_b, double tri_form_b);
double tri_form_grad(int n, const double *q, const double *L, const double *x, double *q_grad, double *L_grad,
                     double *x_grad);
double self_form_tangent(int n, const double *a, const double *a_d, double *self_form_d);
double self_form_adjoint(int n, const double *a, double *a_b, double self_form_b);
double self_form_grad(int n, const double *a, double *a_grad);

#define N 7
#define NL (N * (N - 1) / 2)
#define NP (N + NL + N)
static double primal(const double *p, void *c) {
    (void)c;
    return tri_form(N, p, p + N, p + N + NL);
}
static double grad(const double *p, double *g, void *c) {
    (void)c;
    return tri_form_grad(N, p, p + N, p + N + NL, g, g + N, g + N + NL);
}
static double tangent(const double *p, const double *v, double *dv, void *c) {
    (void)c;
    return tri_form_tangent(N, p, v, p + N, v + N, p + N + NL, v + N + NL, dv);
}
static double adjoint(const double *p, double *pb, double seed, void *c) {
    (void)c;
    return tri_form_adjoint(N, p, pb, p + N, pb + N, p + N + NL, pb + N + NL, seed);
}
static double self_primal(const double *a, void *c) {
    (void)c;
    return self_form(N, a);
}
static double self_grad(const double *a, double *g, void *c) {
    (void)c;
    return self_form_grad(N, a, g);
}
static double self_tangent(const double *a, const double *v, double *dv, void *c) {
    (void)c;
    return self_form_tangent(N, a, v, dv);
}
static double self_adjoint(const double *a, double *ab, double seed, void *c) {
    (void)c;
    return self_form_adjoint(N, a, ab, seed);
}

int main(void) {
    e2e_begin("paired_trips");
    double p[NP], g[NP], out[N];
    e2e_fill(p, NP, 1607u, -1.0, 1.0);
    e2e_scalar s = {.label = "tri_form", .n = NP, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* closed form: with out = Q x, d/dq_j = 2 out_j x_j, d/dL(i,j) = 2 out_j x_i,
     * d/dx = 2 Q^T out */
    const double *q = p, *L = p + N, *x = p + N + NL;
    double want[NP];
    for (int j = 0; j < N; j++)
        out[j] = q[j] * x[j];
    for (int i = 0, idx = 0; i < N; i++)
        for (int j = i + 1; j < N; j++, idx++)
            out[j] += L[idx] * x[i];
    for (int j = 0; j < N; j++) {
        want[j] = 2.0 * out[j] * x[j];
        want[N + NL + j] = 2.0 * q[j] * out[j];
    }
    for (int i = 0, idx = 0; i < N; i++)
        for (int j = i + 1; j < N; j++, idx++) {
            want[N + idx] = 2.0 * out[j] * x[i];
            want[N + NL + i] += 2.0 * L[idx] * out[j];
        }
    e2e_expect_close(s.label, "grad vs closed form", g, want, NP, 1e-13);
    double a[NL];
    e2e_fill(a, NL, 1609u, -1.0, 1.0);
    e2e_scalar t = {.label = "self_form (one array for q, L and x)", .n = NL, .x = a, .f = self_primal,
                    .grad = self_grad, .tangent = self_tangent, .adjoint = self_adjoint};
    e2e_run_scalar(&t, NULL);
    return e2e_finish();
}
#endif
