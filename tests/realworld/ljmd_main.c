/* Driver of ljmd.c: 27 argon atoms on a jittered 3x3x3 lattice in a periodic box, 10 velocity
 * Verlet steps. Packed inputs: positions and velocities (x, y, z of each), masses, epsilon and
 * sigma. The gradient struct is set up as the shadow-struct convention asks: the same type,
 * its pointer members pointing to arrays the caller owns (simulate_grad zeroes them). No pair
 * distance comes near the cutoff (9.3, between the lattice's 8.66 and 10 shells), so the energy
 * is smooth where finite differences probe it. */
#include <string.h>
#include "realworld.h"

#define MAXPAIRS 512
#define NATOMS 27

typedef struct _mdsys {
    int natoms, nfi, nsteps;
    double dt, box, rcut, rlist, epsilon, sigma;
    double ekin, epot, temp;
    double *rx, *ry, *rz;
    double *vx, *vy, *vz;
    double *fx, *fy, *fz;
    double *mass;
    int npairs;
    int pi[MAXPAIRS], pj[MAXPAIRS];
} mdsys_t;

double simulate(mdsys_t *sys);
double simulate_grad(mdsys_t *sys, mdsys_t *sys_grad);
double simulate_tangent(mdsys_t *sys, mdsys_t *sys_d, double *simulate_d);

enum { PACKED = 7 * NATOMS + 2 };

/* The arrays of one system, and the system pointing to them. */
typedef struct storage {
    double r[3][NATOMS], v[3][NATOMS], f[3][NATOMS], mass[NATOMS];
    mdsys_t sys;
} storage;

/* The system at packed point x (a fresh copy: simulate moves it). */
static mdsys_t *unpack(storage *s, const double *x) {
    memset(s, 0, sizeof *s);
    for (int d = 0; d < 3; d++)
        for (int i = 0; i < NATOMS; i++) {
            s->r[d][i] = x[(3 * i + d)];
            s->v[d][i] = x[3 * NATOMS + 3 * i + d];
        }
    memcpy(s->mass, x + 6 * NATOMS, sizeof s->mass);
    mdsys_t *sys = &s->sys;
    sys->natoms = NATOMS;
    sys->nsteps = 10;
    sys->dt = 5.0;
    sys->box = 15.0;
    sys->rcut = 9.3;
    sys->rlist = 9.5;
    sys->epsilon = x[7 * NATOMS];
    sys->sigma = x[7 * NATOMS + 1];
    sys->rx = s->r[0], sys->ry = s->r[1], sys->rz = s->r[2];
    sys->vx = s->v[0], sys->vy = s->v[1], sys->vz = s->v[2];
    sys->fx = s->f[0], sys->fy = s->f[1], sys->fz = s->f[2];
    sys->mass = s->mass;
    return sys;
}

/* The packed part of a gradient or tangent system. */
static void pack(const storage *s, double *g) {
    for (int d = 0; d < 3; d++)
        for (int i = 0; i < NATOMS; i++) {
            g[3 * i + d] = s->r[d][i];
            g[3 * NATOMS + 3 * i + d] = s->v[d][i];
        }
    memcpy(g + 6 * NATOMS, s->mass, sizeof s->mass);
    g[7 * NATOMS] = s->sys.epsilon;
    g[7 * NATOMS + 1] = s->sys.sigma;
}

static double f(const double *x, void *ctx) {
    (void)ctx;
    storage s;
    return simulate(unpack(&s, x));
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    static storage s, gs;
    unpack(&gs, x); /* any values: simulate_grad zeroes them */
    double value = simulate_grad(unpack(&s, x), &gs.sys);
    pack(&gs, g);
    return value;
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    static storage s, ds;
    unpack(&ds, v); /* the direction; the tangents of dt, box, the forces, ... are zero */
    ds.sys.dt = ds.sys.box = ds.sys.rcut = ds.sys.rlist = 0.0;
    return simulate_tangent(unpack(&s, x), &ds.sys, dv);
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
