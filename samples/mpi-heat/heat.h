/* heat.h: the model of heat.c, a rod of CELLS cells with its ends held at 0, split across the
 * ranks, and its parameters. */
#ifndef HEAT_H
#define HEAT_H

#include <mpi.h>

enum { CELLS = 128, STEPS = 500, MAX_LOCAL = CELLS, PARAMS = 3 };

/* p = (kappa, amplitude, center): the temperature starts as amplitude * exp(-(x - center)^2
 * / 0.01) and diffuses with coefficient kappa for STEPS explicit steps (dt = dx^2 / 4). Each
 * rank of comm holds m cells, from cell first on (the ranks' cells follow each other in rank
 * order); heat_run writes the final temperature of its cells into u[0 .. m - 1]. */
void heat_run(const double *p, int first, int m, double *u, MPI_Comm comm);
/* The misfit 1/2 sum dx (u - obs)^2 of the final temperatures to obs (this rank's m cells in
 * obs[0 .. m - 1]), summed over the ranks of comm: the same on every rank. */
double heat_misfit(const double *p, int first, int m, const double *obs, MPI_Comm comm);

#endif
