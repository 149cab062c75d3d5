/* An argument read through a pointer into memory the call writes (difftest seed 950745):
 * `mid = u + 1; relax(3, u, x0 * mid[0] * mid[0])`. The backward sweep passed relax_reverse
 * the argument computed from u after relax had written it (y's derivatives off by 12 %, with
 * the tangent right); any argument reading memory is now read into a variable of its own
 * before a call given memory to write. An integer argument too: `step(cnt, u, cnt[0])` with
 * step setting cnt[0] sent step's backward sweep to another element.
 * FD and the dot-product test; hvp against FD of the gradient. */
#include <adc.h>

static void relax(int n, double *u, double b) {
    for (int k = 0; k < n; k++)
        u[n - 1 - k] = b * u[n - 1 - k] + b * b;
}

static void step(int *cnt, double *u, int k) {
    u[k] = u[k] * u[k] + u[k - 1];
    cnt[0] = 0;
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double call_argument_through_pointer(const double *x)
{
    double u[3] = {x[0], x[1], x[2]};
    double *mid = u + 1;
    relax(3, u, x[0] * mid[0] * mid[0]);
    double v[3] = {x[2], x[1], x[0]};
    double *last = v + 2;
    relax(3, v, *last + 0.5 * mid[0]);
    int cnt[1] = {2};
    step(cnt, u, cnt[0]);
    double s = 0;
    for (int i = 0; i < 3; i++)
        s += (i + 1) * u[i] * u[i] + v[i] * u[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double call_argument_through_pointer_tangent(const double *x, const double *x_d, double *f_d);
double call_argument_through_pointer_adjoint(const double *x, double *x_b, double f_b);
double call_argument_through_pointer_grad(const double *x, double *x_grad);
int call_argument_through_pointer_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return call_argument_through_pointer(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return call_argument_through_pointer_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return call_argument_through_pointer_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return call_argument_through_pointer_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("call_argument_through_pointer");
    const double x[3] = {0.6, -0.8, 0.45};
    e2e_scalar s = {.label = "call_argument_through_pointer", .n = 3, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* H v against central differences of the gradient along v */
    const double v[3] = {0.3, -0.7, 0.5};
    double hv[3], gp[3], gm[3], xp[3], xm[3], fd[3], h = 1e-5;
    for (int i = 0; i < 3; i++) {
        xp[i] = x[i] + h * v[i];
        xm[i] = x[i] - h * v[i];
    }
    call_argument_through_pointer_grad(xp, gp);
    call_argument_through_pointer_grad(xm, gm);
    for (int i = 0; i < 3; i++)
        fd[i] = (gp[i] - gm[i]) / (2 * h);
    e2e_report(call_argument_through_pointer_hvp(x, v, hv) == 0, "call_argument_through_pointer", "hvp status");
    e2e_expect_close("call_argument_through_pointer", "hvp against FD of the gradient", hv, fd, 3, 1e-6);
    return e2e_finish();
}
#endif
