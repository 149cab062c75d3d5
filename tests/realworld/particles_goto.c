/* A particle simulation step in the style of small molecular-dynamics codes: an array of
 * particle structs, pair forces from a soft Lennard-Jones-like potential with a cutoff,
 * velocity Verlet, and error handling with status codes and `goto fail` (from inside the pair
 * loop when two particles collapse, and on bad arguments). The objective is the total energy
 * after nsteps, differentiated with respect to the initial positions (only the ADC_DIFF line
 * is added). */
#include <math.h>
#include <adc.h>

#define NP 6
#define DIM 2
#define RCUT2 5.0
#define EPS2 1e-10

typedef struct particle {
    double x[DIM], v[DIM], f[DIM];
    double mass;
} particle;

/* pair forces; returns 0, or -1 when two particles (nearly) coincide */
static int compute_forces(particle *p, int n, double *epot)
{
    int i, j, d, status = 0;
    double r2, inv2, inv6, fr, dx[DIM];

    *epot = 0.0;
    for (i = 0; i < n; i++)
        for (d = 0; d < DIM; d++)
            p[i].f[d] = 0.0;
    for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
            r2 = 0.0;
            for (d = 0; d < DIM; d++) {
                dx[d] = p[i].x[d] - p[j].x[d];
                r2 += dx[d] * dx[d];
            }
            if (r2 < EPS2) {
                status = -1;
                goto fail;
            }
            if (r2 > RCUT2)
                continue;
            inv2 = 1.0 / (r2 + 0.5);
            inv6 = inv2 * inv2 * inv2;
            *epot += 4.0 * (inv6 * inv6 - inv6);
            fr = 24.0 * inv2 * (2.0 * inv6 * inv6 - inv6);
            for (d = 0; d < DIM; d++) {
                p[i].f[d] += fr * dx[d];
                p[j].f[d] -= fr * dx[d];
            }
        }
    }
fail:
    return status;
}

static int verlet_step(particle *p, int n, double dt, double *epot)
{
    int i, d, status;

    if (dt <= 0.0) {
        status = -2;
        goto out;
    }
    for (i = 0; i < n; i++)
        for (d = 0; d < DIM; d++) {
            p[i].v[d] += 0.5 * dt * p[i].f[d] / p[i].mass;
            p[i].x[d] += dt * p[i].v[d];
        }
    status = compute_forces(p, n, epot);
    if (status != 0)
        goto out;
    for (i = 0; i < n; i++)
        for (d = 0; d < DIM; d++)
            p[i].v[d] += 0.5 * dt * p[i].f[d] / p[i].mass;
out:
    return status;
}

ADC_DIFF(wrt(x0), len(x0: NP * DIM))
double energy_after(const double *x0, int nsteps, double dt)
{
    particle p[NP];
    double epot = 0.0, ekin = 0.0;
    int i, d, step;

    for (i = 0; i < NP; i++) {
        p[i].mass = 1.0 + 0.1 * i;
        for (d = 0; d < DIM; d++) {
            p[i].x[d] = x0[DIM * i + d];
            p[i].v[d] = 0.0;
        }
    }
    if (compute_forces(p, NP, &epot) != 0)
        return NAN;
    for (step = 0; step < nsteps; step++)
        if (verlet_step(p, NP, dt, &epot) != 0)
            return NAN;
    for (i = 0; i < NP; i++)
        for (d = 0; d < DIM; d++)
            ekin += 0.5 * p[i].mass * p[i].v[d] * p[i].v[d];
    return ekin + epot;
}
