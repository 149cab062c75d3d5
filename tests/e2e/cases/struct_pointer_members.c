/* A struct whose members point to the state arrays, a system { n, x, v, f, mass, k }, passed
 * to helpers by pointer (forces writes s->f), by value (potential) and through its members
 * (kinetic(s->n, s->v, s->mass)), over velocity Verlet steps that update x and v in place,
 * counted by an integer member (for (s->step = 0; ...): once refused as an active update).
 * Once refused: "'s', a struct whose member 'x' points to floating data". Its shadow is a
 * struct of the same type whose pointer members point to the shadow arrays; grad zeroes what
 * they point to (len(s.x: s->n), ...) and leaves the pointers alone; the adjoint of the const
 * member mass is written through a cast (the caller's array is not const: the generated file
 * once did not compile). A pointer read from a member (spread: x = s->x) in tangent mode. The
 * vector mode's shadow is a struct of its own, struct sys_t_d2 (double (*x)[2], double k[2]):
 * once refused, and before that a file that did not compile. FD, tangent against grad (dot
 * product), vector tangent against the tangent in each direction, and closed forms. */
#include <math.h>
#include <adc.h>

typedef struct {
    int n, step;
    double *x, *v, *f;
    const double *mass;
    double k;
} sys_t;

static void forces(sys_t *s)
{
    for (int i = 0; i < s->n; i++) {
        int j = (i + 1) % s->n;
        s->f[i] = -s->k * sin(s->x[i] - s->x[j]);
    }
}

static double kinetic(int n, const double *v, const double *m)
{
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += 0.5 * m[i] * v[i] * v[i];
    return e;
}

static double potential(sys_t s)
{
    double e = 0.0;
    for (int i = 0; i < s.n; i++)
        e += s.k * (1.0 - cos(s.x[i] - s.x[(i + 1) % s.n]));
    return e;
}

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n, s.v: s->n, s.f: s->n, s.mass: s->n), modes(tangent, adjoint, grad), vector(2))
double struct_pointer_members(sys_t *s, double dt, int steps)
{
    forces(s);
    for (s->step = 0; s->step < steps; s->step++) {
        for (int i = 0; i < s->n; i++) {
            s->v[i] += 0.5 * dt * s->f[i] / s->mass[i];
            s->x[i] += dt * s->v[i];
        }
        forces(s);
        for (int i = 0; i < s->n; i++)
            s->v[i] += 0.5 * dt * s->f[i] / s->mass[i];
    }
    return kinetic(s->n, s->v, s->mass) + potential(*s);
}

ADC_DIFF(wrt(s), modes(tangent))
double spread(const sys_t *s)
{
    const double *x = s->x;
    double e = 0.0;
    for (int i = 0; i < s->n; i++)
        e += s->k * x[i] * x[i];
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_pointer_members_tangent(sys_t *s, sys_t *s_d, double dt, int steps, double *struct_pointer_members_d);
double struct_pointer_members_grad(sys_t *s, double dt, int steps, sys_t *s_grad);
double spread_tangent(const sys_t *s, const sys_t *s_d, double *spread_d);
struct sys_t_d2 {
    int n, step;
    double (*x)[2], (*v)[2], (*f)[2];
    const double (*mass)[2];
    double k[2];
};
double struct_pointer_members_tangent_vector(sys_t *s, struct sys_t_d2 *s_d, double dt, int steps, double *d);

enum { N = 4, STEPS = 3 };
#define DT 0.05

/* Packed as (x[N], v[N], mass[N], k); the arrays are copied: the function moves x and v. */
typedef struct {
    double x[N], v[N], f[N], mass[N];
    sys_t s;
} state;

static sys_t *unpack(state *st, const double *p) {
    for (int i = 0; i < N; i++) {
        st->x[i] = p[i];
        st->v[i] = p[N + i];
        st->mass[i] = p[2 * N + i];
        st->f[i] = 0.0;
    }
    st->s = (sys_t){N, 0, st->x, st->v, st->f, st->mass, p[3 * N]};
    return &st->s;
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    state st;
    return struct_pointer_members(unpack(&st, p), DT, STEPS);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    state st, gs;
    sys_t *s_grad = unpack(&gs, g); /* garbage (1e30) in every array: grad must zero it */
    s_grad->n = -7;
    double f = struct_pointer_members_grad(unpack(&st, p), DT, STEPS, s_grad);
    int untouched = s_grad->n == -7 && s_grad->x == gs.x && s_grad->f == gs.f && s_grad->mass == gs.mass;
    e2e_report(untouched, "system", "grad leaves the gradient struct's pointers and integers alone");
    for (int i = 0; i < N; i++) {
        g[i] = gs.x[i];
        g[N + i] = gs.v[i];
        g[2 * N + i] = gs.mass[i];
    }
    g[3 * N] = s_grad->k;
    return f;
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    state st, ds;
    return struct_pointer_members_tangent(unpack(&st, p), unpack(&ds, dp), DT, STEPS, df);
}
static double spread_primal(const double *p, void *ctx) {
    (void)ctx;
    state st;
    return spread(unpack(&st, p));
}
static void spread_vector(const double *p, double *y, void *ctx) {
    y[0] = spread_primal(p, ctx);
}

int main(void) {
    e2e_begin("struct_pointer_members");
    double p[3 * N + 1];
    e2e_fill(p, N, 1u, -0.8, 0.8);
    e2e_fill(p + N, N, 2u, -0.5, 0.5);
    e2e_fill(p + 2 * N, N, 3u, 0.7, 1.5);
    p[3 * N] = 1.3;
    e2e_scalar c = {.label = "system", .n = 3 * N + 1, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    double g[3 * N + 1];
    e2e_run_scalar(&c, g);
    /* Closed form with no steps: d/dv_i = m_i v_i, d/dm_i = v_i^2 / 2 (the potential reads
     * neither), and the gradient of the forces' scratch array f is not reported. */
    state st, gs;
    unpack(&gs, p);
    double f0 = struct_pointer_members_grad(unpack(&st, p), DT, 0, &gs.s);
    double want[2 * N], got[2 * N];
    for (int i = 0; i < N; i++) {
        want[i] = p[2 * N + i] * p[N + i];
        want[N + i] = 0.5 * p[N + i] * p[N + i];
        got[i] = gs.v[i];
        got[N + i] = gs.mass[i];
    }
    e2e_expect_close("no steps", "d/dv and d/dmass against the closed form", got, want, 2 * N, E2E_CLOSED_TOL);
    e2e_expect_value("no steps", "value returned by grad", f0, struct_pointer_members(unpack(&st, p), DT, 0),
                     E2E_EXACT_TOL);

    /* Two directions at once against the tangent along each. */
    double dirs[2][3 * N + 1], along[2], both[2] = {NAN, NAN};
    double xs[N][2] = {{0}}, vs[N][2] = {{0}}, fs[N][2] = {{0}}, ms[N][2] = {{0}};
    struct sys_t_d2 sd = {N, 0, xs, vs, fs, ms, {0, 0}};
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], 3 * N + 1, 20u + (unsigned)k, -1.0, 1.0);
        tangent(p, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++) {
            xs[i][k] = dirs[k][i];
            vs[i][k] = dirs[k][N + i];
            ms[i][k] = dirs[k][2 * N + i];
        }
        sd.k[k] = dirs[k][3 * N];
    }
    double fv = struct_pointer_members_tangent_vector(unpack(&st, p), &sd, DT, STEPS, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(p, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);

    /* spread: tangent of a pointer read from a member, against FD and 2 k x.dx + dk |x|^2. */
    double dp[3 * N + 1], d = NAN;
    e2e_fill(dp, 3 * N + 1, 5u, -1.0, 1.0);
    state ds;
    double v = spread_tangent(unpack(&st, p), unpack(&ds, dp), &d);
    e2e_expect_value("spread", "value returned by tangent", v, spread_primal(p, NULL), E2E_EXACT_TOL);
    adc_check_result r;
    int status = adc_check_tangent(3 * N + 1, 1, p, dp, &d, spread_vector, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("spread", "tangent vs finite differences", status, &r);
    double closed = dp[3 * N] * e2e_dot(p, p, N) + 2.0 * p[3 * N] * e2e_dot(p, dp, N);
    e2e_expect_value("spread", "tangent against the closed form", d, closed, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
