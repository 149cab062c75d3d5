/* hvp and hessian through loops marked ADC_CHECKPOINT (issue 18): second order drops the marks
 * and tapes those loops in full (adc warns). A nonlinear time-stepping loop in the function
 * (Hessian by vector(2)), the same loop in a helper (scalar route), and difftest's bug 3
 * reproducer, whose body reads user variables named like the checkpoint code's (steps, first,
 * done). Gradient against finite differences, Hessian-vector products against finite
 * differences of the gradient, the Hessian against n Hessian-vector products and for symmetry,
 * the two routes against each other. */
#include <math.h>
#include <adc.h>

#define STEPS 12

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian), vector(2))
double march_v(int n, const double *x)
{
    double u[4] = {x[0], x[1], x[2], x[3]};
    ADC_CHECKPOINT(3)
    for (int k = 0; k < STEPS; k++) {
        double left = u[0];
        for (int i = 0; i < n - 1; i++)
            u[i] = u[i] + 0.1 * (sin(u[i + 1]) - u[i] * left);
        u[n - 1] = u[n - 1] * (1.0 - 0.05 * u[0] * u[0]);
    }
    return u[0] * u[1] + u[2] * u[2] + u[3];
}

static double advance(int n, double *u)
{
    ADC_CHECKPOINT(2)
    for (int k = 0; k < STEPS; k++) {
        double left = u[0];
        for (int i = 0; i < n - 1; i++)
            u[i] = u[i] + 0.1 * (sin(u[i + 1]) - u[i] * left);
        u[n - 1] = u[n - 1] * (1.0 - 0.05 * u[0] * u[0]);
    }
    return u[0] * u[1] + u[2] * u[2] + u[3];
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian))
double march_s(int n, const double *x)
{
    double u[4] = {x[0], x[1], x[2], x[3]};
    return advance(n, u);
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian))
double named(int n, const double *x)
{
    double s = x[0], steps = 2.0, first = x[1], done = 0.5;
    ADC_CHECKPOINT(2)
    for (int k = 0; k < 3; k++)
        s = s * x[n - 1] / steps + first * done;
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double march_v_grad(int n, const double *x, double *x_grad);
int march_v_hvp(int n, const double *x, const double *x_v, double *x_hv);
int march_v_hessian(int n, const double *x, double *hessian);
double march_s_grad(int n, const double *x, double *x_grad);
int march_s_hvp(int n, const double *x, const double *x_v, double *x_hv);
int march_s_hessian(int n, const double *x, double *hessian);
double named_grad(int n, const double *x, double *x_grad);
int named_hvp(int n, const double *x, const double *x_v, double *x_hv);
int named_hessian(int n, const double *x, double *hessian);

enum { N = 4 };

typedef struct Second {
    const char *label;
    double (*f)(int, const double *);
    double (*grad)(int, const double *, double *);
    int (*hvp)(int, const double *, const double *, double *);
    int (*hessian)(int, const double *, double *);
} Second;

static double primal(const double *x, void *p) {
    return ((const Second *)p)->f(N, x);
}
static double grad(const double *x, double *g, void *p) {
    return ((const Second *)p)->grad(N, x, g);
}
static void gradient(const double *x, double *g, void *p) {
    ((const Second *)p)->grad(N, x, g);
}

/* Checks one function; its Hessian is returned in h. */
static void check(const Second *c, const double *x, double *h) {
    double v[N], hv[N], g[N], unit[N] = {0}, by_hvp[N * N];
    adc_check_result r;
    int st = adc_check_gradient(N, x, (c->grad(N, x, g), g), primal, (void *)c, E2E_FD_TOL, &r, NULL);
    e2e_check_status(c->label, "grad vs finite differences", st, &r);
    e2e_fill(v, N, 3u, -1.0, 1.0);
    e2e_report(c->hvp(N, x, v, hv) == 0, c->label, "hvp status");
    st = adc_check_tangent(N, N, x, v, hv, gradient, (void *)c, E2E_FD_TOL, &r, NULL);
    e2e_check_status(c->label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_report(c->hessian(N, x, h) == 0, c->label, "hessian status");
    e2e_expect_symmetric(c->label, h, N);
    for (int j = 0; j < N; j++) {
        unit[j] = 1.0;
        c->hvp(N, x, unit, hv);
        unit[j] = 0.0;
        for (int i = 0; i < N; i++)
            by_hvp[i * N + j] = hv[i];
    }
    e2e_expect_close(c->label, "Hessian vs n Hessian-vector products", h, by_hvp, N * N, E2E_EXACT_TOL);
    (void)grad;
}

int main(void) {
    e2e_begin("checkpoint_second_order");
    const double x[N] = {0.6, -0.3, 0.9, 0.4};
    double hv[N * N], hs[N * N], hn[N * N];
    Second v = {"march_v (vector(2) Hessian)", march_v, march_v_grad, march_v_hvp, march_v_hessian};
    Second s = {"march_s (checkpoint in a helper, scalar Hessian)", march_s, march_s_grad, march_s_hvp,
                march_s_hessian};
    Second b = {"named (steps, first, done)", named, named_grad, named_hvp, named_hessian};
    check(&v, x, hv);
    check(&s, x, hs);
    e2e_expect_close("march", "vector(2) route vs scalar route", hv, hs, N * N, E2E_EXACT_TOL);
    check(&b, x, hn);
    /* s_{k+1} = s_k x3 / 2 + x1 / 2 from s_0 = x0: the closed form of d2/dx0dx3 */
    double want = 3.0 * x[3] * x[3] / 8.0;
    e2e_expect_value(b.label, "d2/dx0dx3 closed form", hn[0 * N + 3], want, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
