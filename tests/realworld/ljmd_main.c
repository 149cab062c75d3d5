/* Driver of ljmd.c: 27 argon atoms on a jittered 3x3x3 lattice in a periodic box, 10 velocity
 * Verlet steps. Packed inputs: positions and velocities (x, y, z of each), masses, epsilon and
 * sigma, given to ljmd(), which builds its system struct locally. No pair distance comes near
 * the cutoff (9.3, between the lattice's 8.66 and 10 shells), so the energy is smooth where
 * finite differences probe it. */
#include "realworld.h"

#define NATOMS 27

double ljmd(int natoms, const double *pos, const double *vel, const double *mass, double epsilon, double sigma);
double ljmd_grad(int natoms, const double *pos, const double *vel, const double *mass, double epsilon, double sigma,
                 double *pos_grad, double *vel_grad, double *mass_grad, double *epsilon_grad, double *sigma_grad);
double ljmd_tangent(int natoms, const double *pos, const double *pos_d, const double *vel, const double *vel_d,
                    const double *mass, const double *mass_d, double epsilon, double epsilon_d, double sigma,
                    double sigma_d, double *ljmd_d);

enum { PACKED = 7 * NATOMS + 2 };

/* Packed as the driver takes them: positions, velocities, masses, epsilon, sigma. */
static double f(const double *x, void *ctx) {
    (void)ctx;
    return ljmd(NATOMS, x, x + 3 * NATOMS, x + 6 * NATOMS, x[7 * NATOMS], x[7 * NATOMS + 1]);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return ljmd_grad(NATOMS, x, x + 3 * NATOMS, x + 6 * NATOMS, x[7 * NATOMS], x[7 * NATOMS + 1], g,
                     g + 3 * NATOMS, g + 6 * NATOMS, g + 7 * NATOMS, g + 7 * NATOMS + 1);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return ljmd_tangent(NATOMS, x, v, x + 3 * NATOMS, v + 3 * NATOMS, x + 6 * NATOMS, v + 6 * NATOMS,
                        x[7 * NATOMS], v[7 * NATOMS], x[7 * NATOMS + 1], v[7 * NATOMS + 1], dv);
}

int main(void) {
    static double x[PACKED];
    unsigned long seed = 12345;
    for (int i = 0; i < NATOMS; i++) {
        int lattice[3] = {i % 3, (i / 3) % 3, i / 9};
        for (int d = 0; d < 3; d++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            double u = (double)(seed >> 11) / 9007199254740992.0 - 0.5;
            x[3 * i + d] = 5.0 * lattice[d] + 2.5 + 0.1 * u;             /* jitter within 0.05 */
            x[3 * NATOMS + 3 * i + d] = 0.004 * sin(1.0 + i + 0.7 * d); /* angstrom/fs */
        }
        x[6 * NATOMS + i] = 39.948 * (1.0 + 0.01 * (i % 4));
    }
    x[7 * NATOMS] = 0.2379;    /* epsilon, kcal/mol */
    x[7 * NATOMS + 1] = 3.405; /* sigma, angstrom */
    rw_problem p = {"ljmd", PACKED, x, f, grad, tangent, NULL, 0};
    return rw_run(&p);
}
