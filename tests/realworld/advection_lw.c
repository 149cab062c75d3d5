/* 1-D linear advection a_t + u a_x = 0 in the style of teaching finite-volume codes (Zingale's
 * "Computational Hydrodynamics" advection solvers, LeVeque's CLAWPACK examples ported to C):
 * a grid struct whose arrays include NG ghost cells on each side, addressed through an
 * `IDX(i)` macro, filled periodically or by outflow (a switch over the boundary type);
 * interface states reconstructed with a minmod- or MC-limited slope (or the unlimited
 * Lax-Wendroff slope), the upwind flux, a CFL time step shortened to land on tmax, and the
 * new solution copied over the old each step (swapping the two heap pointers instead is
 * refused: README). The initial profile is a Gaussian pulse;
 * differentiated with respect to its amplitude, centre and width and the velocity (only the
 * ADC_DIFF line is added). Needs libclang >= 17 (operators inside IDX and SQR). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

#define NG 2
#define IDX(i) ((i) + NG)
#define SQR(x) ((x) * (x))

enum { PERIODIC, OUTFLOW };
enum { UNLIMITED, MINMOD, MC };

static double minmod(double a, double b)
{
    if (a * b <= 0.0)
        return 0.0;
    return fabs(a) < fabs(b) ? a : b;
}

static double mc_limiter(double dl, double dr)
{
    double dc = 0.5 * (dl + dr);
    if (dl * dr <= 0.0)
        return 0.0;
    return copysign(fmin(fabs(dc), fmin(2.0 * fabs(dl), 2.0 * fabs(dr))), dc);
}

void fill_ghost(int nx, int bc, double *a)
{
    int n;
    switch (bc) {
    case PERIODIC:
        for (n = 1; n <= NG; n++) {
            a[IDX(-n)] = a[IDX(nx - n)];
            a[IDX(nx - 1 + n)] = a[IDX(n - 1)];
        }
        break;
    case OUTFLOW:
    default:
        for (n = 1; n <= NG; n++) {
            a[IDX(-n)] = a[IDX(0)];
            a[IDX(nx - 1 + n)] = a[IDX(nx - 1)];
        }
        break;
    }
}

/* One step from a into anew: the upwind flux of reconstructed interface states, then the
 * conservative update. */
void advect_step(int nx, int bc, double dx, double *a, double *anew, double u, double dt, int limiter)
{
    int i;
    double *flux = malloc((nx + 1) * sizeof(double));
    double nu = u * dt / dx;

    fill_ghost(nx, bc, a);
    for (i = 0; i <= nx; i++) {
        /* the interface between cells i-1 and i: its upwind side's reconstruction */
        int up = u > 0.0 ? i - 1 : i;
        double dl = a[IDX(up)] - a[IDX(up - 1)];
        double dr = a[IDX(up + 1)] - a[IDX(up)];
        double slope;
        switch (limiter) {
        case MINMOD: slope = minmod(dl, dr); break;
        case MC: slope = mc_limiter(dl, dr); break;
        default: slope = dr; break; /* Lax-Wendroff */
        }
        if (u > 0.0)
            flux[i] = u * (a[IDX(up)] + 0.5 * (1.0 - nu) * slope);
        else
            flux[i] = u * (a[IDX(up)] - 0.5 * (1.0 + nu) * slope);
    }
    for (i = 0; i < nx; i++)
        anew[IDX(i)] = a[IDX(i)] + dt / dx * (flux[i] - flux[i + 1]);
    free(flux);
}

/* p: amplitude, centre and width of the initial pulse, and the velocity. Integrates to tmax
 * and returns the squared misfit against the target profile. */
ADC_DIFF(wrt(p), len(p: 4))
double advection_misfit(const double p[], int nx, int bc, int limiter, double tmax, const double target[])
{
    double xmin = 0.0, xmax = 1.0, dx = (xmax - xmin) / nx;
    double t = 0.0, cfl = 0.8, misfit = 0.0;
    double *x, *a, *anew;
    int i, n = nx + 2 * NG;

    x = malloc(n * sizeof(double));
    a = malloc(n * sizeof(double));
    anew = malloc(n * sizeof(double));
    for (i = -NG; i < nx + NG; i++) {
        x[IDX(i)] = xmin + (i + 0.5) * dx;
        a[IDX(i)] = 1.0 + p[0] * exp(-SQR((x[IDX(i)] - p[1]) / p[2]));
        anew[IDX(i)] = 0.0;
    }
    while (t < tmax) {
        double dt = cfl * dx / fabs(p[3]);
        if (t + dt > tmax)
            dt = tmax - t;
        advect_step(nx, bc, dx, a, anew, p[3], dt, limiter);
        for (i = 0; i < nx; i++)
            a[IDX(i)] = anew[IDX(i)];
        t += dt;
    }
    for (i = 0; i < nx; i++)
        misfit += SQR(a[IDX(i)] - target[i]);
    free(x);
    free(a);
    free(anew);
    return misfit * dx;
}
