/* A local struct built from the parameters, `sys_t s = {n, x, v, f, mass};`, passed to a helper
 * by pointer: once refused ("'s', a local struct whose member 'x' points to floating data").
 * Its shadow struct points to the parameters' shadows (s_d.x = x_d, s_b.x = x_b). x and v are
 * updated in place (in-out), f is scratch. Gradient against FD, tangent against the gradient
 * (dot product), vector tangent against the tangent along each direction, Hessian-vector
 * product against FD of the gradient, and the closed form with no steps. */
#include <adc.h>

typedef struct { int n; double *x, *v, *f; double mass; } sys_t;

static void step(sys_t *s, double dt)
{
    for (int i = 0; i < s->n; i++) {
        s->f[i] = -s->x[i] * s->x[i] * s->x[i];
        s->v[i] += dt * s->f[i] / s->mass;
        s->x[i] += dt * s->v[i];
    }
}

ADC_DIFF(wrt(x, v, f, mass), len(x: n, v: n, f: n), modes(tangent, adjoint, grad, hvp), vector(2))
double oscillate(int n, double *x, double *v, double *f, double mass, int steps)
{
    sys_t s = {n, x, v, f, mass};
    for (int k = 0; k < steps; k++)
        step(&s, 0.1);
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += 0.5 * s.mass * v[i] * v[i] + 0.25 * x[i] * x[i] * x[i] * x[i];
    return e;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double oscillate_tangent(int n, double *x, double *x_d, double *v, double *v_d, double *f, double *f_d, double mass,
                         double mass_d, int steps, double *oscillate_d);
double oscillate_tangent_vector(int n, double *x, double (*x_d)[2], double *v, double (*v_d)[2], double *f,
                                double (*f_d)[2], double mass, const double *mass_d, int steps, double *oscillate_d);
double oscillate_grad(int n, double *x, double *v, double *f, double mass, int steps, double *x_grad,
                      double *v_grad, double *f_grad, double *mass_grad);
int oscillate_hvp(int n, double *x, const double *x_v, double *x_hv, double *v, const double *v_v, double *v_hv,
                  double *f, const double *f_v, double *f_hv, double mass, double mass_v, double *mass_hv,
                  int steps);

enum { N = 3, STEPS = 4, P = 3 * N + 1 };

/* Packed as (x[N], v[N], f[N], mass): copies, as the function moves x and v. */
static double primal(const double *p, void *ctx) {
    int steps = ctx ? *(const int *)ctx : STEPS;
    double x[N], v[N], f[N];
    memcpy(x, p, sizeof x);
    memcpy(v, p + N, sizeof v);
    memcpy(f, p + 2 * N, sizeof f);
    return oscillate(N, x, v, f, p[3 * N], steps);
}
static double grad(const double *p, double *g, void *ctx) {
    int steps = ctx ? *(const int *)ctx : STEPS;
    double x[N], v[N], f[N];
    memcpy(x, p, sizeof x);
    memcpy(v, p + N, sizeof v);
    memcpy(f, p + 2 * N, sizeof f);
    return oscillate_grad(N, x, v, f, p[3 * N], steps, g, g + N, g + 2 * N, g + 3 * N);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double x[N], v[N], f[N], xd[N], vd[N], fd[N];
    memcpy(x, p, sizeof x);
    memcpy(v, p + N, sizeof v);
    memcpy(f, p + 2 * N, sizeof f);
    memcpy(xd, dp, sizeof xd);
    memcpy(vd, dp + N, sizeof vd);
    memcpy(fd, dp + 2 * N, sizeof fd);
    return oscillate_tangent(N, x, xd, v, vd, f, fd, p[3 * N], dp[3 * N], STEPS, df);
}
static void gradient(const double *p, double *g, void *ctx) {
    grad(p, g, ctx);
}

int main(void) {
    e2e_begin("struct_local_param_members");
    double p[P];
    e2e_fill(p, N, 1u, -0.9, 0.9);
    e2e_fill(p + N, N, 2u, -0.5, 0.5);
    e2e_fill(p + 2 * N, N, 3u, -1.0, 1.0);
    p[3 * N] = 1.7;
    e2e_scalar c = {.label = "system", .n = P, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    double g[P];
    e2e_run_scalar(&c, g);

    /* No steps: d/dx_i = x_i^3, d/dv_i = mass v_i, d/dmass = sum v_i^2 / 2. */
    int none = 0;
    double g0[P], want[P] = {0};
    grad(p, g0, &none);
    for (int i = 0; i < N; i++) {
        want[i] = p[i] * p[i] * p[i];
        want[N + i] = p[3 * N] * p[N + i];
        want[3 * N] += 0.5 * p[N + i] * p[N + i];
    }
    e2e_expect_close("no steps", "gradient against the closed form", g0, want, P, E2E_CLOSED_TOL);

    /* Two directions at once against the tangent along each. */
    double dirs[2][P], along[2], both[2];
    double x[N], v[N], f[N], xd[N][2], vd[N][2], fd[N][2], md[2];
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], P, 40u + (unsigned)k, -1.0, 1.0);
        tangent(p, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++) {
            xd[i][k] = dirs[k][i];
            vd[i][k] = dirs[k][N + i];
            fd[i][k] = dirs[k][2 * N + i];
        }
        md[k] = dirs[k][3 * N];
    }
    memcpy(x, p, sizeof x);
    memcpy(v, p + N, sizeof v);
    memcpy(f, p + 2 * N, sizeof f);
    double fv = oscillate_tangent_vector(N, x, xd, v, vd, f, fd, p[3 * N], md, STEPS, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(p, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);

    /* Hessian-vector product against finite differences of the gradient. */
    double dir[P], hv[P];
    e2e_fill(dir, P, 9u, -1.0, 1.0);
    memcpy(x, p, sizeof x);
    memcpy(v, p + N, sizeof v);
    memcpy(f, p + 2 * N, sizeof f);
    int status = oscillate_hvp(N, x, dir, hv, v, dir + N, hv + N, f, dir + 2 * N, hv + 2 * N, p[3 * N], dir[3 * N],
                               hv + 3 * N, STEPS);
    e2e_expect_value("hvp", "hvp returns 0", status, 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(P, P, p, dir, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("hvp", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
