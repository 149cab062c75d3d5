/* heat.h: explicit time stepping of the 1-D heat equation, final energy. */
#ifndef BENCH_HEAT_H
#define BENCH_HEAT_H

double heat_energy(int n, int nsteps, double r, double *u);

#endif
