/* A Lennard-Jones molecular-dynamics code written the way ljmd-c and miniMD are: the system
 * is a struct of pointers to per-atom arrays that an init function allocates with malloc and
 * calloc, the neighbour list is a heap block of int indices (numneigh[i] neighbours of atom i
 * at nlist[i * maxneigh ...]) that grows with realloc when an atom has more neighbours than
 * it has room for, the force loop reads the arrays through local pointers (`double *rx =
 * sys->rx;`), and velocity Verlet integrates. Differentiated with respect to the whole system
 * (only the ADC_DIFF line is added): the gradient of the total energy after nsteps with
 * respect to the initial positions, the velocities, the mass and the Lennard-Jones
 * parameters. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

/* kcal/mol, angstrom, fs, amu */
static const double mvsq2e = 2390.05736153349;

typedef struct {
    int natoms, nfi, nsteps, nevery;
    double dt, mass, epsilon, sigma, box, rcut, rlist;
    double ekin, epot;
    double *rx, *ry, *rz;
    double *vx, *vy, *vz;
    double *fx, *fy, *fz;
    int maxneigh;  /* room for neighbours of each atom in nlist */
    int *numneigh; /* numneigh[i]: neighbours of atom i */
    int *nlist;    /* natoms * maxneigh neighbour indices */
} mdsys_t;

/* allocate the arrays of a system of natoms atoms; 0 on success */
int mdsys_init(mdsys_t *sys, int natoms)
{
    sys->natoms = natoms;
    sys->rx = (double *)malloc(natoms * sizeof(double));
    sys->ry = (double *)malloc(natoms * sizeof(double));
    sys->rz = (double *)malloc(natoms * sizeof(double));
    sys->vx = (double *)malloc(natoms * sizeof(double));
    sys->vy = (double *)malloc(natoms * sizeof(double));
    sys->vz = (double *)malloc(natoms * sizeof(double));
    sys->fx = (double *)calloc(natoms, sizeof(double));
    sys->fy = (double *)calloc(natoms, sizeof(double));
    sys->fz = (double *)calloc(natoms, sizeof(double));
    sys->maxneigh = 2;
    sys->numneigh = (int *)calloc(natoms, sizeof(int));
    sys->nlist = (int *)malloc(natoms * sys->maxneigh * sizeof(int));
    if (!sys->rx || !sys->ry || !sys->rz || !sys->vx || !sys->vy || !sys->vz || !sys->fx
        || !sys->fy || !sys->fz || !sys->numneigh || !sys->nlist)
        return 1;
    return 0;
}

void mdsys_free(mdsys_t *sys)
{
    free(sys->rx);
    free(sys->ry);
    free(sys->rz);
    free(sys->vx);
    free(sys->vy);
    free(sys->vz);
    free(sys->fx);
    free(sys->fy);
    free(sys->fz);
    free(sys->numneigh);
    free(sys->nlist);
}

/* minimum image convention */
static double pbc(double x, const double boxby2)
{
    while (x > boxby2)
        x -= 2.0 * boxby2;
    while (x < -boxby2)
        x += 2.0 * boxby2;
    return x;
}

/* build the half neighbour list of all pairs closer than rlist; when an atom has more
 * neighbours than maxneigh, grow the list and start again */
static void build_nlist(mdsys_t *sys)
{
    int i, j, n, overflow;
    double dx, dy, dz, rsq;
    double *rx = sys->rx, *ry = sys->ry, *rz = sys->rz;

    do {
        overflow = 0;
        for (i = 0; i < sys->natoms; ++i) {
            n = 0;
            for (j = i + 1; j < sys->natoms; ++j) {
                dx = pbc(rx[i] - rx[j], 0.5 * sys->box);
                dy = pbc(ry[i] - ry[j], 0.5 * sys->box);
                dz = pbc(rz[i] - rz[j], 0.5 * sys->box);
                rsq = dx * dx + dy * dy + dz * dz;
                if (rsq < sys->rlist * sys->rlist) {
                    if (n < sys->maxneigh)
                        sys->nlist[i * sys->maxneigh + n] = j;
                    else
                        overflow = 1;
                    ++n;
                }
            }
            sys->numneigh[i] = n;
        }
        if (overflow) {
            sys->maxneigh *= 2;
            sys->nlist = (int *)realloc(sys->nlist, sys->natoms * sys->maxneigh * sizeof(int));
        }
    } while (overflow);
}

/* kinetic energy */
static void ekin(mdsys_t *sys)
{
    int i;
    double *vx = sys->vx, *vy = sys->vy, *vz = sys->vz;

    sys->ekin = 0.0;
    for (i = 0; i < sys->natoms; ++i)
        sys->ekin += 0.5 * mvsq2e * sys->mass * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
}

/* forces and potential energy over the neighbour list, with a cutoff */
static void force(mdsys_t *sys)
{
    double r, rsq, ffac, sr2, sr6, c12, c6, rcsq;
    double dx, dy, dz;
    int i, j, k;
    double *rx = sys->rx, *ry = sys->ry, *rz = sys->rz;
    double *fx = sys->fx, *fy = sys->fy, *fz = sys->fz;

    sys->epot = 0.0;
    for (i = 0; i < sys->natoms; ++i) {
        fx[i] = 0.0;
        fy[i] = 0.0;
        fz[i] = 0.0;
    }
    c12 = 4.0 * sys->epsilon * pow(sys->sigma, 12.0);
    c6 = 4.0 * sys->epsilon * pow(sys->sigma, 6.0);
    rcsq = sys->rcut * sys->rcut;

    for (i = 0; i < sys->natoms; ++i) {
        for (k = 0; k < sys->numneigh[i]; ++k) {
            j = sys->nlist[i * sys->maxneigh + k];
            dx = pbc(rx[i] - rx[j], 0.5 * sys->box);
            dy = pbc(ry[i] - ry[j], 0.5 * sys->box);
            dz = pbc(rz[i] - rz[j], 0.5 * sys->box);
            rsq = dx * dx + dy * dy + dz * dz;
            if (rsq < rcsq) {
                r = sqrt(rsq);
                sr2 = 1.0 / rsq;
                sr6 = sr2 * sr2 * sr2;
                ffac = (12.0 * c12 * sr6 - 6.0 * c6) * sr6 / r;
                sys->epot += sr6 * (c12 * sr6 - c6);
                fx[i] += dx / r * ffac;
                fy[i] += dy / r * ffac;
                fz[i] += dz / r * ffac;
                fx[j] -= dx / r * ffac;
                fy[j] -= dy / r * ffac;
                fz[j] -= dz / r * ffac;
            }
        }
    }
}

/* one velocity Verlet step */
static void velverlet(mdsys_t *sys)
{
    int i;
    double *rx = sys->rx, *ry = sys->ry, *rz = sys->rz;
    double *vx = sys->vx, *vy = sys->vy, *vz = sys->vz;
    double *fx = sys->fx, *fy = sys->fy, *fz = sys->fz;
    double dtmf = 0.5 * sys->dt / mvsq2e / sys->mass;

    for (i = 0; i < sys->natoms; ++i) {
        vx[i] += dtmf * fx[i];
        vy[i] += dtmf * fy[i];
        vz[i] += dtmf * fz[i];
        rx[i] += sys->dt * vx[i];
        ry[i] += sys->dt * vy[i];
        rz[i] += sys->dt * vz[i];
    }
    force(sys);
    for (i = 0; i < sys->natoms; ++i) {
        vx[i] += dtmf * fx[i];
        vy[i] += dtmf * fy[i];
        vz[i] += dtmf * fz[i];
    }
}

/* run nsteps, rebuilding the neighbour list every nevery steps; the total energy at the end */
ADC_DIFF(wrt(sys), len(sys: 1, sys.rx: sys->natoms, sys.ry: sys->natoms, sys.rz: sys->natoms, sys.vx: sys->natoms, sys.vy: sys->natoms, sys.vz: sys->natoms, sys.fx: sys->natoms, sys.fy: sys->natoms, sys.fz: sys->natoms))
double simulate(mdsys_t *sys)
{
    build_nlist(sys);
    force(sys);
    ekin(sys);
    for (sys->nfi = 1; sys->nfi <= sys->nsteps; ++sys->nfi) {
        if (sys->nfi % sys->nevery == 0)
            build_nlist(sys);
        velverlet(sys);
        ekin(sys);
    }
    return sys->ekin + sys->epot;
}
