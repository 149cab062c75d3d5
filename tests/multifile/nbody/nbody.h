/* nbody.h: a small gravitational n-body code over three files: bodies.c (the pairwise
 * forces), integrate.c (a velocity-Verlet step) and energy.c (the energy after a run). */
#ifndef NBODY_H
#define NBODY_H

#define MAXBODIES 8
#define DIM 3

typedef struct Params {
    double G;
    double softening;
} Params;

void forces(int n, const Params *p, const double *m, const double *x, double *f);
void step(int n, const Params *p, const double *m, double *x, double *v, double dt);
double energy(int n, const Params *p, const double *m, const double *x, const double *v);
double simulate(int n, const double *m, const double *x0, const double *v0, int steps, double dt);

#endif
