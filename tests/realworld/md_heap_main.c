/* Driver of md_heap.c: 27 argon-like atoms on a jittered 3x3x3 lattice in a periodic box, 10
 * velocity Verlet steps, the neighbour list rebuilt every 4 (it starts with room for 2
 * neighbours an atom and grows by realloc on the first build). The systems are allocated by
 * the program's own mdsys_init; the gradient and tangent systems too (the shadow-struct
 * convention: the same type, its pointer members pointing to arrays the caller owns; their int
 * members are never read). Packed inputs: positions and velocities (x, y, z of each), the
 * mass, epsilon and sigma. No pair distance comes near the cutoff (9.3, between the lattice's
 * 8.66 and 10 shells), so the energy is smooth where finite differences probe it. */
#include <string.h>
#include "realworld.h"

#define NATOMS 27

typedef struct {
    int natoms, nfi, nsteps, nevery;
    double dt, mass, epsilon, sigma, box, rcut, rlist;
    double ekin, epot;
    double *rx, *ry, *rz;
    double *vx, *vy, *vz;
    double *fx, *fy, *fz;
    int maxneigh;
    int *numneigh;
    int *nlist;
} mdsys_t;

int mdsys_init(mdsys_t *sys, int natoms);
void mdsys_free(mdsys_t *sys);
double simulate(mdsys_t *sys);
double simulate_grad(mdsys_t *sys, mdsys_t *sys_grad);
double simulate_tangent(mdsys_t *sys, mdsys_t *sys_d, double *simulate_d);

enum { PACKED = 6 * NATOMS + 3 };

/* Sets system sys (allocated by mdsys_init) to packed point x: simulate moves it. */
static mdsys_t *unpack(mdsys_t *sys, const double *x) {
    double *r[3] = {sys->rx, sys->ry, sys->rz}, *v[3] = {sys->vx, sys->vy, sys->vz};
    for (int d = 0; d < 3; d++)
        for (int i = 0; i < NATOMS; i++) {
            r[d][i] = x[3 * i + d];
            v[d][i] = x[3 * NATOMS + 3 * i + d];
        }
    sys->nsteps = 10;
    sys->nevery = 4;
    sys->dt = 5.0;
    sys->box = 15.0;
    sys->rcut = 9.3;
    sys->rlist = 9.5;
    sys->mass = x[6 * NATOMS];
    sys->epsilon = x[6 * NATOMS + 1];
    sys->sigma = x[6 * NATOMS + 2];
    return sys;
}

/* The packed part of a gradient or tangent system. */
static void pack(const mdsys_t *sys, double *g) {
    const double *r[3] = {sys->rx, sys->ry, sys->rz}, *v[3] = {sys->vx, sys->vy, sys->vz};
    for (int d = 0; d < 3; d++)
        for (int i = 0; i < NATOMS; i++) {
            g[3 * i + d] = r[d][i];
            g[3 * NATOMS + 3 * i + d] = v[d][i];
        }
    g[6 * NATOMS] = sys->mass;
    g[6 * NATOMS + 1] = sys->epsilon;
    g[6 * NATOMS + 2] = sys->sigma;
}

static mdsys_t shadow; /* the gradient or tangent system, allocated once in main */
static int grown;      /* the room the neighbour list grew to */

/* simulate, simulate_grad or simulate_tangent (with the system at point x) on a system of its
 * own, allocated as the program does: its neighbour list grows (realloc) inside the call. */
static double run(const double *x, const double *v, double *dv) {
    mdsys_t sys;
    if (mdsys_init(&sys, NATOMS) != 0)
        exit(1);
    unpack(&sys, x);
    double value = v ? simulate_tangent(&sys, &shadow, dv) : dv ? simulate_grad(&sys, &shadow) : simulate(&sys);
    if (!dv)
        grown = sys.maxneigh; /* the adjoint modes restore it */
    mdsys_free(&sys);
    return value;
}

static double f(const double *x, void *ctx) {
    (void)ctx;
    return run(x, NULL, NULL);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    double value = run(x, NULL, g); /* simulate_grad zeroes the shadow first */
    pack(&shadow, g);
    return value;
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    unpack(&shadow, v); /* the direction; the tangents of dt, box, the forces, ... are zero */
    shadow.dt = shadow.box = shadow.rcut = shadow.rlist = 0.0;
    memset(shadow.fx, 0, sizeof *shadow.fx * NATOMS);
    memset(shadow.fy, 0, sizeof *shadow.fy * NATOMS);
    memset(shadow.fz, 0, sizeof *shadow.fz * NATOMS);
    return run(x, v, dv);
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
    }
    x[6 * NATOMS] = 39.948;     /* mass, amu */
    x[6 * NATOMS + 1] = 0.2379; /* epsilon, kcal/mol */
    x[6 * NATOMS + 2] = 3.405;  /* sigma, angstrom */
    if (mdsys_init(&shadow, NATOMS) != 0)
        return 1;
    rw_problem p = {"md_heap", PACKED, x, f, grad, tangent, NULL, 0};
    int status = rw_run(&p);
    printf("md_heap: the neighbour list grew from room for 2 neighbours an atom to %d\n", grown);
    mdsys_free(&shadow);
    return status;
}
