/* integrate.c: one velocity-Verlet step (kick, drift, kick). */
#include "nbody.h"

static void kick(int n, const double *m, const double *f, double *v, double h)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < DIM; k++)
            v[DIM * i + k] += h * f[DIM * i + k] / m[i];
}

void step(int n, const Params *p, const double *m, double *x, double *v, double dt)
{
    double f[DIM * MAXBODIES];
    forces(n, p, m, x, f);
    kick(n, m, f, v, 0.5 * dt);
    for (int i = 0; i < DIM * n; i++)
        x[i] += dt * v[i];
    forces(n, p, m, x, f);
    kick(n, m, f, v, 0.5 * dt);
}
