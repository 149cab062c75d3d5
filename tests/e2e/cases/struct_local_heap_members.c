/* The system state of an MD code kept as ljmd-c keeps it: a LOCAL struct of pointers to heap
 * arrays (mdsys_t sys; sys.rx = malloc(...); ...) filled in the driver and passed to the
 * helpers by pointer (force, verlet) and by value (kinetic), then freed. Once refused: "'sys',
 * a local struct whose member 'rx' points to floating data is not supported". Each member gets a
 * heap pointer of its own (sys_rx) whose shadow block is allocated and freed with it; the shadow
 * struct sys_d (sys_b) points to those blocks. Members from calloc and aligned_alloc, one from a
 * local heap pointer (vy = malloc(...); sys.vy = vy; free(vy)), one allocated in a branch, and a
 * pointer read from a member (tangent only: double *rx = sys.rx). Gradient against FD, tangent
 * against the gradient (dot product), vector tangent against the tangent along each direction,
 * Hessian-vector product against FD of the gradient. */
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int natoms;
    double *rx, *ry, *vx, *vy, *fx, *fy;
    double mass, epot;
} mdsys_t;

static void force(mdsys_t *sys)
{
    sys->epot = 0.0;
    for (int i = 0; i < sys->natoms; i++) {
        sys->fx[i] = 0.0;
        sys->fy[i] = 0.0;
    }
    for (int i = 0; i < sys->natoms; i++)
        for (int j = i + 1; j < sys->natoms; j++) {
            double dx = sys->rx[i] - sys->rx[j], dy = sys->ry[i] - sys->ry[j];
            double r2 = dx * dx + dy * dy + 1.0;
            double r6 = 1.0 / (r2 * r2 * r2);
            double ff = (6.0 * r6 - 2.0 / r2) / r2;
            sys->epot += r6 - 1.0 / r2;
            sys->fx[i] += ff * dx;
            sys->fy[i] += ff * dy;
            sys->fx[j] -= ff * dx;
            sys->fy[j] -= ff * dy;
        }
}

static void verlet(mdsys_t *sys, double dt)
{
    for (int i = 0; i < sys->natoms; i++) {
        sys->vx[i] += 0.5 * dt * sys->fx[i] / sys->mass;
        sys->vy[i] += 0.5 * dt * sys->fy[i] / sys->mass;
        sys->rx[i] += dt * sys->vx[i];
        sys->ry[i] += dt * sys->vy[i];
    }
    force(sys);
    for (int i = 0; i < sys->natoms; i++) {
        sys->vx[i] += 0.5 * dt * sys->fx[i] / sys->mass;
        sys->vy[i] += 0.5 * dt * sys->fy[i] / sys->mass;
    }
}

static double kinetic(mdsys_t sys)
{
    double e = 0.0;
    for (int i = 0; i < sys.natoms; i++)
        e += 0.5 * sys.mass * (sys.vx[i] * sys.vx[i] + sys.vy[i] * sys.vy[i]);
    return e;
}

ADC_DIFF(wrt(x0), len(x0: 2 * n), modes(tangent, adjoint, grad, hvp), vector(2))
double md(const double *x0, int n, int steps, double dt)
{
    mdsys_t sys;
    sys.natoms = n;
    sys.mass = 1.5;
    sys.rx = malloc(n * sizeof(double));
    sys.ry = (double *)aligned_alloc(64, 64 * ((n * sizeof(double) + 63) / 64));
    sys.vx = calloc(n, sizeof(double));
    double *vy = malloc(n * sizeof(double));
    sys.vy = vy;
    if (n > 0)
        sys.fx = malloc(n * sizeof(double));
    sys.fy = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++) {
        sys.rx[i] = x0[2 * i];
        sys.ry[i] = x0[2 * i + 1];
        sys.vy[i] = 0.1 * x0[2 * i];
    }
    force(&sys);
    for (int s = 0; s < steps; s++)
        verlet(&sys, dt);
    double e = sys.epot + kinetic(sys);
    free(sys.rx);
    free(sys.ry);
    free(sys.vx);
    free(vy);
    if (n > 0)
        free(sys.fx);
    free(sys.fy);
    return e;
}

/* A pointer read from a member of the local struct (tangent: rx_d = sys_d.rx). */
ADC_DIFF(wrt(x0), len(x0: n), modes(tangent))
double spread(const double *x0, int n)
{
    mdsys_t sys = {n, NULL, NULL, NULL, NULL, NULL, NULL, 1.0, 0.0};
    sys.rx = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        sys.rx[i] = x0[i] * x0[i];
    const double *rx = sys.rx;
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += rx[i] * x0[i];
    free(sys.rx);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double md_tangent(const double *x0, const double *x0_d, int n, int steps, double dt, double *md_d);
double md_tangent_vector(const double *x0, const double (*x0_d)[2], int n, int steps, double dt, double *md_d);
double md_adjoint(const double *x0, double *x0_b, int n, int steps, double dt, double md_b);
double md_grad(const double *x0, int n, int steps, double dt, double *x0_grad);
int md_hvp(const double *x0, const double *x0_v, double *x0_hv, int n, int steps, double dt);
double spread_tangent(const double *x0, const double *x0_d, int n, double *spread_d);

enum { N = 4, STEPS = 5 };
#define DT 0.02

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return md(x, N, STEPS, DT);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return md_grad(x, N, STEPS, DT, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return md_tangent(x, v, N, STEPS, DT, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return md_adjoint(x, xb, N, STEPS, DT, seed);
}
static void gradient(const double *x, double *g, void *ctx) {
    grad(x, g, ctx);
}
static void spread_vector(const double *x, double *y, void *ctx) {
    (void)ctx;
    y[0] = spread(x, N);
}

int main(void) {
    e2e_begin("struct_local_heap_members");
    double x[2 * N];
    for (int i = 0; i < N; i++) { /* atoms on a slightly perturbed line */
        x[2 * i] = 1.1 * i;
        x[2 * i + 1] = 0.0;
    }
    double jitter[2 * N];
    e2e_fill(jitter, 2 * N, 7u, -0.2, 0.2);
    for (int i = 0; i < 2 * N; i++)
        x[i] += jitter[i];
    e2e_scalar c = {.label = "md", .n = 2 * N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[2 * N];
    e2e_run_scalar(&c, g);

    /* Two directions at once against the tangent along each. */
    double dirs[2][2 * N], dv[2 * N][2], along[2], both[2];
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], 2 * N, 30u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < 2 * N; i++)
            dv[i][k] = dirs[k][i];
    }
    double fv = md_tangent_vector(x, (const double (*)[2])dv, N, STEPS, DT, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);

    /* Hessian-vector product against finite differences of the gradient. */
    double v[2 * N], hv[2 * N];
    e2e_fill(v, 2 * N, 11u, -1.0, 1.0);
    e2e_expect_value("hvp", "hvp returns 0", md_hvp(x, v, hv, N, STEPS, DT), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(2 * N, 2 * N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("hvp", "Hessian-vector product vs finite differences of the gradient", st, &r);

    /* spread = sum x_i^3: tangent 3 sum x_i^2 dx_i, and against FD. */
    double dx[N], d = 0.0, want = 0.0;
    e2e_fill(dx, N, 5u, -1.0, 1.0);
    double value = spread_tangent(x, dx, N, &d);
    for (int i = 0; i < N; i++)
        want += 3.0 * x[i] * x[i] * dx[i];
    e2e_expect_value("spread", "value returned by tangent", value, spread(x, N), E2E_EXACT_TOL);
    e2e_expect_value("spread", "tangent against the closed form", d, want, E2E_CLOSED_TOL);
    st = adc_check_tangent(N, 1, x, dx, &d, spread_vector, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("spread", "tangent vs finite differences", st, &r);
    return e2e_finish();
}
#endif
