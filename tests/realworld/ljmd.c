/* A small Lennard-Jones molecular-dynamics code in the style of the ljmd teaching code used in
 * HPC courses: the system state lives in one struct of pointers to per-atom arrays (positions,
 * velocities, forces, masses), the forces are computed over a Verlet neighbour list with
 * minimum-image periodic boundaries, and velocity Verlet integrates the equations of motion.
 * The driver builds the system as ljmd-c's main does, in a local struct whose arrays it mallocs,
 * fills and frees (once refused: a local struct of pointers; the system was then taken as a
 * parameter). Differentiated as written (only the ADC_DIFF line is added): the gradient of the
 * total energy after nsteps with respect to the initial positions, velocities, masses and the
 * Lennard-Jones parameters. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

/* a few physical constants (kcal/mol, angstrom, fs, amu) */
static const double kboltz = 0.0019872067;
static const double mvsq2e = 2390.05736153349;

#define MAXPAIRS 512

/* structure to hold the complete information about the MD system */
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

/* helper function: zero out an array */
static void azzero(double *d, const int n)
{
    int i;
    for (i = 0; i < n; ++i) {
        d[i] = 0.0;
    }
}

/* helper function: apply minimum image convention */
static double pbc(double x, const double boxby2)
{
    while (x > boxby2)
        x -= 2.0 * boxby2;
    while (x < -boxby2)
        x += 2.0 * boxby2;
    return x;
}

/* build the Verlet neighbour list: all pairs closer than rlist */
static void build_list(mdsys_t *sys)
{
    int i, j;
    double rx, ry, rz, rsq;

    sys->npairs = 0;
    for (i = 0; i < sys->natoms - 1; ++i) {
        for (j = i + 1; j < sys->natoms; ++j) {
            rx = pbc(sys->rx[i] - sys->rx[j], 0.5 * sys->box);
            ry = pbc(sys->ry[i] - sys->ry[j], 0.5 * sys->box);
            rz = pbc(sys->rz[i] - sys->rz[j], 0.5 * sys->box);
            rsq = rx * rx + ry * ry + rz * rz;
            if (rsq < sys->rlist * sys->rlist && sys->npairs < MAXPAIRS) {
                sys->pi[sys->npairs] = i;
                sys->pj[sys->npairs] = j;
                sys->npairs++;
            }
        }
    }
}

/* compute kinetic energy */
static void ekin(mdsys_t *sys)
{
    int i;

    sys->ekin = 0.0;
    for (i = 0; i < sys->natoms; ++i) {
        sys->ekin += 0.5 * mvsq2e * sys->mass[i] * (sys->vx[i] * sys->vx[i] + sys->vy[i] * sys->vy[i] + sys->vz[i] * sys->vz[i]);
    }
    sys->temp = 2.0 * sys->ekin / (3.0 * sys->natoms - 3.0) / kboltz;
}

/* compute forces over the neighbour list */
static void force(mdsys_t *sys)
{
    double r, ffac, sr6;
    double rx, ry, rz;
    int i, j, k;

    /* zero energy and forces */
    sys->epot = 0.0;
    azzero(sys->fx, sys->natoms);
    azzero(sys->fy, sys->natoms);
    azzero(sys->fz, sys->natoms);

    for (k = 0; k < sys->npairs; ++k) {
        i = sys->pi[k];
        j = sys->pj[k];
        /* get distance between particle i and j */
        rx = pbc(sys->rx[i] - sys->rx[j], 0.5 * sys->box);
        ry = pbc(sys->ry[i] - sys->ry[j], 0.5 * sys->box);
        rz = pbc(sys->rz[i] - sys->rz[j], 0.5 * sys->box);
        r = sqrt(rx * rx + ry * ry + rz * rz);

        /* compute force and energy if within cutoff */
        if (r < sys->rcut) {
            sr6 = pow(sys->sigma / r, 6.0);
            ffac = 4.0 * sys->epsilon * (12.0 * sr6 * sr6 - 6.0 * sr6) / r;
            sys->epot += 4.0 * sys->epsilon * (sr6 * sr6 - sr6);

            sys->fx[i] += rx / r * ffac;
            sys->fy[i] += ry / r * ffac;
            sys->fz[i] += rz / r * ffac;
            sys->fx[j] -= rx / r * ffac;
            sys->fy[j] -= ry / r * ffac;
            sys->fz[j] -= rz / r * ffac;
        }
    }
}

/* velocity verlet */
static void velverlet(mdsys_t *sys)
{
    int i;

    /* first part: propagate velocities by half and positions by full step */
    for (i = 0; i < sys->natoms; ++i) {
        sys->vx[i] += 0.5 * sys->dt / mvsq2e * sys->fx[i] / sys->mass[i];
        sys->vy[i] += 0.5 * sys->dt / mvsq2e * sys->fy[i] / sys->mass[i];
        sys->vz[i] += 0.5 * sys->dt / mvsq2e * sys->fz[i] / sys->mass[i];
        sys->rx[i] += sys->dt * sys->vx[i];
        sys->ry[i] += sys->dt * sys->vy[i];
        sys->rz[i] += sys->dt * sys->vz[i];
    }

    /* compute forces and potential energy */
    force(sys);

    /* second part: propagate velocities by another half step */
    for (i = 0; i < sys->natoms; ++i) {
        sys->vx[i] += 0.5 * sys->dt / mvsq2e * sys->fx[i] / sys->mass[i];
        sys->vy[i] += 0.5 * sys->dt / mvsq2e * sys->fy[i] / sys->mass[i];
        sys->vz[i] += 0.5 * sys->dt / mvsq2e * sys->fz[i] / sys->mass[i];
    }
}

/* the driver, as ljmd-c's main: the system is a local struct whose arrays are malloc'd, filled
 * from the input (arrays here, where ljmd-c reads a restart file), run for nsteps with the
 * neighbour list rebuilt every 5 steps, and freed; returns the total energy at the end */
ADC_DIFF(wrt(pos, vel, mass, epsilon, sigma), len(pos: 3 * natoms, vel: 3 * natoms, mass: natoms))
double ljmd(int natoms, const double *pos, const double *vel, const double *mass, double epsilon, double sigma)
{
    mdsys_t sys;
    double etot;
    int i;

    sys.natoms = natoms;
    sys.nsteps = 10;
    sys.dt = 5.0;
    sys.box = 15.0;
    sys.rcut = 9.3;
    sys.rlist = 9.5;
    sys.epsilon = epsilon;
    sys.sigma = sigma;

    /* allocate memory */
    sys.rx = (double *)malloc(sys.natoms * sizeof(double));
    sys.ry = (double *)malloc(sys.natoms * sizeof(double));
    sys.rz = (double *)malloc(sys.natoms * sizeof(double));
    sys.vx = (double *)malloc(sys.natoms * sizeof(double));
    sys.vy = (double *)malloc(sys.natoms * sizeof(double));
    sys.vz = (double *)malloc(sys.natoms * sizeof(double));
    sys.fx = (double *)malloc(sys.natoms * sizeof(double));
    sys.fy = (double *)malloc(sys.natoms * sizeof(double));
    sys.fz = (double *)malloc(sys.natoms * sizeof(double));
    sys.mass = (double *)malloc(sys.natoms * sizeof(double));

    /* read the initial state */
    for (i = 0; i < sys.natoms; ++i) {
        sys.rx[i] = pos[3 * i];
        sys.ry[i] = pos[3 * i + 1];
        sys.rz[i] = pos[3 * i + 2];
        sys.vx[i] = vel[3 * i];
        sys.vy[i] = vel[3 * i + 1];
        sys.vz[i] = vel[3 * i + 2];
        sys.mass[i] = mass[i];
    }
    azzero(sys.fx, sys.natoms);
    azzero(sys.fy, sys.natoms);
    azzero(sys.fz, sys.natoms);

    /* initialize forces and energies */
    sys.nfi = 0;
    build_list(&sys);
    force(&sys);
    ekin(&sys);

    /* main MD loop */
    for (sys.nfi = 1; sys.nfi <= sys.nsteps; ++sys.nfi) {
        if (sys.nfi % 5 == 0)
            build_list(&sys);
        velverlet(&sys);
        ekin(&sys);
    }
    etot = sys.ekin + sys.epot;

    /* clean up */
    free(sys.rx);
    free(sys.ry);
    free(sys.rz);
    free(sys.vx);
    free(sys.vy);
    free(sys.vz);
    free(sys.fx);
    free(sys.fy);
    free(sys.fz);
    free(sys.mass);
    return etot;
}
