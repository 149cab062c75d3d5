/* bodies.c: the pairwise gravitational forces, softened. */
#include <math.h>
#include "nbody.h"

static double inv_cube(double r2, double eps)
{
    double r = sqrt(r2 + eps * eps);
    return 1.0 / (r * r * r);
}

void forces(int n, const Params *p, const double *m, const double *x, double *f)
{
    for (int i = 0; i < DIM * n; i++)
        f[i] = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double d[DIM], r2 = 0.0;
            for (int k = 0; k < DIM; k++) {
                d[k] = x[DIM * j + k] - x[DIM * i + k];
                r2 += d[k] * d[k];
            }
            double s = p->G * m[i] * m[j] * inv_cube(r2, p->softening);
            for (int k = 0; k < DIM; k++) {
                f[DIM * i + k] += s * d[k];
                f[DIM * j + k] -= s * d[k];
            }
        }
}
