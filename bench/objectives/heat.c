/* Explicit heat equation u_t = u_xx on n cells with fixed ends: nsteps forward-Euler steps
 * (r = dt/dx^2 <= 1/2), updating u in place with a carry of the overwritten left neighbour;
 * returns the final energy (1/2) sum u_i^2 dx. Active: u (in-out: the gradient is with
 * respect to the initial state). */
#include <adc.h>
#include "heat.h"

ADC_DIFF(wrt(u), len(u: n))
double heat_energy(int n, int nsteps, double r, double *u)
{
    for (int step = 0; step < nsteps; step++) {
        double left = u[0];
        for (int i = 1; i < n - 1; i++) {
            double centre = u[i];
            u[i] = centre + r * (left - 2.0 * centre + u[i + 1]);
            left = centre;
        }
    }
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += u[i] * u[i];
    return 0.5 * e / (n - 1);
}
