/* A finite-difference heat solver in the style of teaching and research codes: a 1-D rod
 * u_t = kappa u_xx + q(x, t) stepped by explicit FTCS or by Crank-Nicolson (a tridiagonal
 * Thomas solve), with boundary conditions given as callbacks (a struct of a kind and a function
 * pointer per end: Dirichlet values, Neumann fluxes, a Robin cooling law) and a source term
 * passed as a function pointer. The objective is the mismatch of the final temperature against
 * sensor readings, differentiated with respect to the initial temperature profile and the
 * conductivity (only the ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define NX 24
#define DIRICHLET 0
#define NEUMANN 1

typedef double (*bc_func)(double t, double u_edge);
typedef double (*source_func)(double x, double t);

typedef struct {
    int kind;
    bc_func value;
} boundary;

double wall_hot(double t, double u_edge) { (void)u_edge; return 1.0 + 0.3 * sin(2.0 * t); }
double wall_cold(double t, double u_edge) { (void)t; (void)u_edge; return 0.0; }
double insulated(double t, double u_edge) { (void)t; (void)u_edge; return 0.0; }
double cooling(double t, double u_edge) { (void)t; return -0.8 * (u_edge - 0.2); }

double no_source(double x, double t) { (void)x; (void)t; return 0.0; }
double heater(double x, double t) { return 2.0 * exp(-40.0 * (x - 0.5) * (x - 0.5)) * (1.0 + t); }

/* Ghost values from the boundary conditions: a Dirichlet edge is set, a Neumann (flux) edge
 * takes its neighbour plus dx times the flux. */
static void apply_bc(const boundary *left, const boundary *right, double t, double dx, double *u)
{
    if (left->kind == DIRICHLET)
        u[0] = left->value(t, u[0]);
    else
        u[0] = u[1] - dx * left->value(t, u[1]);
    if (right->kind == DIRICHLET)
        u[NX - 1] = right->value(t, u[NX - 1]);
    else
        u[NX - 1] = u[NX - 2] + dx * right->value(t, u[NX - 2]);
}

static void ftcs_step(double *u, double r, double dt, double dx, double t, source_func q)
{
    double un[NX];
    int i;
    for (i = 0; i < NX; i++)
        un[i] = u[i];
    for (i = 1; i < NX - 1; i++)
        u[i] = un[i] + r * (un[i + 1] - 2.0 * un[i] + un[i - 1]) + dt * q(i * dx, t);
}

/* Thomas algorithm for a[i] x[i-1] + b[i] x[i] + c[i] x[i+1] = d[i], i = 0..n-1. */
static void tridiag(int n, const double *a, const double *b, const double *c, double *d, double *x)
{
    double cp[NX], dp[NX];
    int i;
    cp[0] = c[0] / b[0];
    dp[0] = d[0] / b[0];
    for (i = 1; i < n; i++) {
        double m = b[i] - a[i] * cp[i - 1];
        cp[i] = c[i] / m;
        dp[i] = (d[i] - a[i] * dp[i - 1]) / m;
    }
    x[n - 1] = dp[n - 1];
    for (i = n - 2; i >= 0; i--)
        x[i] = dp[i] - cp[i] * x[i + 1];
}

static void crank_nicolson_step(double *u, double r, double dt, double dx, double t, source_func q)
{
    double a[NX], b[NX], c[NX], d[NX], x[NX];
    int i, n = NX - 2;
    for (i = 0; i < n; i++) {
        a[i] = -0.5 * r;
        b[i] = 1.0 + r;
        c[i] = -0.5 * r;
        d[i] = u[i + 1] + 0.5 * r * (u[i + 2] - 2.0 * u[i + 1] + u[i]) + dt * q((i + 1) * dx, t + 0.5 * dt);
    }
    d[0] += 0.5 * r * u[0];
    d[n - 1] += 0.5 * r * u[NX - 1];
    tridiag(n, a, b, c, d, x);
    for (i = 0; i < n; i++)
        u[i + 1] = x[i];
}

/* case_id picks the boundary conditions and the source; implicit picks Crank-Nicolson. */
ADC_DIFF(wrt(u0, kappa), len(u0: NX))
double heat_misfit(const double *u0, double kappa, int case_id, int implicit, int nsteps, const double *sensors)
{
    boundary left, right;
    source_func q = case_id == 2 ? heater : no_source;
    double u[NX], dx = 1.0 / (NX - 1), dt = 0.4 * dx * dx, r, t = 0.0, misfit = 0.0;
    int i, step;

    left.kind = DIRICHLET;
    left.value = wall_hot;
    if (case_id == 0) {
        right.kind = DIRICHLET;
        right.value = wall_cold;
    } else {
        right.kind = NEUMANN;
        right.value = case_id == 1 ? insulated : cooling;
    }
    r = kappa * dt / (dx * dx);
    for (i = 0; i < NX; i++)
        u[i] = u0[i];
    for (step = 0; step < nsteps; step++) {
        apply_bc(&left, &right, t, dx, u);
        if (implicit)
            crank_nicolson_step(u, r, dt, dx, t, q);
        else
            ftcs_step(u, r, dt, dx, t, q);
        t += dt;
    }
    apply_bc(&left, &right, t, dx, u);
    for (i = 0; i < NX; i += 4) {
        double e = u[i] - sensors[i / 4];
        misfit += e * e;
    }
    return misfit;
}
