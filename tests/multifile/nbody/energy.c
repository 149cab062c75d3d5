/* energy.c: the total energy of the system, and the objective: the energy after a run. */
#include <adc.h>
#include <math.h>
#include "nbody.h"

static double kinetic(int n, const double *m, const double *v)
{
    double t = 0.0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < DIM; k++)
            t += 0.5 * m[i] * v[DIM * i + k] * v[DIM * i + k];
    return t;
}

double energy(int n, const Params *p, const double *m, const double *x, const double *v)
{
    double u = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double r2 = p->softening * p->softening;
            for (int k = 0; k < DIM; k++)
                r2 += (x[DIM * j + k] - x[DIM * i + k]) * (x[DIM * j + k] - x[DIM * i + k]);
            u -= p->G * m[i] * m[j] / sqrt(r2);
        }
    return kinetic(n, m, v) + u;
}

ADC_DIFF(wrt(m, x0, v0), len(m: n, x0: DIM * n, v0: DIM * n))
double simulate(int n, const double *m, const double *x0, const double *v0, int steps, double dt)
{
    Params p = {1.0, 0.1};
    double x[DIM * MAXBODIES], v[DIM * MAXBODIES];
    for (int i = 0; i < DIM * n; i++) {
        x[i] = x0[i];
        v[i] = v0[i];
    }
    for (int s = 0; s < steps; s++)
        step(n, &p, m, x, v, dt);
    return energy(n, &p, m, x, v) + x[0] * v[1];
}
