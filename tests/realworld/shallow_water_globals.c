/* A 1-D shallow-water model in the style of older teaching and research codes ported from
 * Fortran: the grid, the state and the next state live in global pointers that INIT_MODEL
 * mallocs once (the caller runs it first), subroutines take no arrays and communicate through
 * them, and the Lax-Friedrichs step writes the next state and then swaps the pointers of each
 * pair (tmp = h; h = hn; hn = tmp;) instead of copying. The bed (a global pointer too) is only
 * read. SIMULATE raises a Gaussian hump of water at rest, runs NSTEP steps with linear bottom
 * friction between reflecting walls, and returns the misfit of the depth at four gauges.
 * Differentiated with respect to the hump's amplitude and width and the friction coefficient
 * (only the ADC_DIFF line is added): h, hu, hn and hun get shadow pointers that the caller
 * points at blocks of NX elements. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

#define NGAUGE 4

/* grid */
int nx, nstep;
double dx, dt;
double grav = 9.81;
double *xc, *bed;
/* state: depth h and discharge hu, and the next state */
double *h, *hu, *hn, *hun;
/* observations */
int igauge[NGAUGE];
double hobs[NGAUGE];

int init_model(int n, double length)
{
    int i;

    nx = n;
    dx = length / n;
    xc = malloc(n * sizeof(double));
    bed = malloc(n * sizeof(double));
    h = malloc(n * sizeof(double));
    hu = malloc(n * sizeof(double));
    hn = malloc(n * sizeof(double));
    hun = malloc(n * sizeof(double));
    if (!xc || !bed || !h || !hu || !hn || !hun)
        return -1;
    for (i = 0; i < n; i++) {
        xc[i] = (i + 0.5) * dx;
        bed[i] = 0.1 * sin(3.0 * xc[i]);
    }
    return 0;
}

void free_model(void)
{
    free(xc);
    free(bed);
    free(h);
    free(hu);
    free(hn);
    free(hun);
}

static double momentum_flux(int i)
{
    return hu[i] * hu[i] / h[i] + 0.5 * grav * h[i] * h[i];
}

static void lax_friedrichs(double cf)
{
    int i;
    double r, *tmp;

    r = 0.5 * dt / dx;
    for (i = 1; i < nx - 1; i++) {
        hn[i] = 0.5 * (h[i - 1] + h[i + 1]) - r * (hu[i + 1] - hu[i - 1]);
        hun[i] = 0.5 * (hu[i - 1] + hu[i + 1]) - r * (momentum_flux(i + 1) - momentum_flux(i - 1))
                 - r * grav * h[i] * (bed[i + 1] - bed[i - 1]) - dt * cf * hu[i] / h[i];
    }
    /* reflecting walls */
    hn[0] = hn[1];
    hn[nx - 1] = hn[nx - 2];
    hun[0] = -hun[1];
    hun[nx - 1] = -hun[nx - 2];
    tmp = h; h = hn; hn = tmp;
    tmp = hu; hu = hun; hun = tmp;
}

ADC_DIFF(wrt(amp, width, cf), len(h: nx, hu: nx, hn: nx, hun: nx))
double simulate(double amp, double width, double cf)
{
    int i, k;
    double d, misfit;

    for (i = 0; i < nx; i++) {
        d = (xc[i] - 0.4) / width;
        h[i] = 1.0 - bed[i] + amp * exp(-d * d);
        hu[i] = 0.0;
    }
    for (k = 0; k < nstep; k++)
        lax_friedrichs(cf);
    misfit = 0.0;
    for (k = 0; k < NGAUGE; k++) {
        d = h[igauge[k]] - hobs[k];
        misfit += d * d;
    }
    return misfit;
}
