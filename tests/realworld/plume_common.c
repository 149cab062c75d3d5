/* A pollutant-plume model in the style of Fortran 77 codes translated to C: the state, the grid
 * and the physical parameters live in global arrays and scalars grouped like COMMON blocks,
 * subroutines take no arguments and communicate through them, loop bounds are copied to i__1
 * first and temporaries are named d__1, as f2c writes them. SIMUL sets the parameters from its
 * arguments, INITPL fills the state, STEPPL advances it by upwind advection, diffusion and
 * first-order decay with point sources, and the misfit against observations at the gauges is
 * returned. Differentiated with respect to the parameters and the source strengths (only the
 * ADC_DIFF line is added): the globals become active and get shadow globals. */
#include <math.h>
#include <adc.h>

#define NXMAX 64
#define NSRC 3
#define NGAUGE 4

/* COMMON /GRID/ */
int nx;
double dx, dt;
/* COMMON /STATE/ */
double conc[NXMAX], cnew[NXMAX];
/* COMMON /PARAM/ */
double vel, diffus, decay;
/* COMMON /SOURCE/ */
int isrc[NSRC];
double qsrc[NSRC];
/* COMMON /OBS/ */
int igauge[NGAUGE];
double cobs[NGAUGE];
/* COMMON /CNTRL/ */
int nstep, ncall;

void initpl(void)
{
    int i, i__1;

    i__1 = nx;
    for (i = 0; i < i__1; ++i) {
        conc[i] = 0.0;
        cnew[i] = 0.0;
    }
}

void steppl(void)
{
    int i, k, i__1;
    double d__1, flux, diff2;

    i__1 = nx - 1;
    for (i = 1; i < i__1; ++i) {
        if (vel >= 0.0)
            flux = vel * (conc[i] - conc[i - 1]) / dx;
        else
            flux = vel * (conc[i + 1] - conc[i]) / dx;
        diff2 = diffus * (conc[i + 1] - 2.0 * conc[i] + conc[i - 1]) / (dx * dx);
        d__1 = conc[i];
        cnew[i] = d__1 + dt * (diff2 - flux - decay * d__1);
    }
    cnew[0] = 0.0;
    cnew[nx - 1] = cnew[nx - 2];
    for (k = 0; k < NSRC; ++k)
        cnew[isrc[k]] += dt * qsrc[k] / dx;
    i__1 = nx;
    for (i = 0; i < i__1; ++i)
        conc[i] = cnew[i];
}

double costpl(void)
{
    int k;
    double d__1, cost;

    cost = 0.0;
    for (k = 0; k < NGAUGE; ++k) {
        d__1 = conc[igauge[k]] - cobs[k];
        cost += d__1 * d__1;
    }
    return cost * 0.5;
}

ADC_DIFF(wrt(v, d, lambda, q), len(q: NSRC))
double simul(double v, double d, double lambda, const double *q)
{
    int n, k;

    vel = v;
    diffus = d;
    decay = lambda;
    for (k = 0; k < NSRC; ++k)
        qsrc[k] = q[k];
    initpl();
    for (n = 1; n <= nstep; ++n)
        steppl();
    ++ncall;
    return costpl();
}
