/* 2-D heat equation on a grid struct, written the way the public teaching codes write it (the
 * "heat equation" exercises of HPC courses, Gray-Scott and Jacobi solvers): the struct holds
 * the sizes, the spacings, the diffusivity and two malloc'd fields, `u` and `unew`; a step
 * function takes the struct by pointer and computes `unew` from `u` with the five-point
 * Laplacian (explicit Euler, fixed boundary values); after each step the driver swaps the
 * fields THROUGH THE STRUCT, `tmp = g.u; g.u = g.unew; g.unew = tmp;`. The misfit of the final
 * field to an observed one is differentiated with respect to the diffusivity and the initial
 * field (only the ADC_DIFF line is added). Once refused ("re-pointing 'g.u'"); each member's
 * shadow block now moves with it, and the backward sweep restores both. */
#include <stdlib.h>
#include <string.h>
#include <adc.h>

typedef struct {
  int nx, ny;          /* grid points, boundaries included */
  double dx2, dy2;     /* squared spacings */
  double alpha;        /* diffusivity */
  double *u, *unew;    /* the field now and after the step, nx * ny, row-major */
} heat_grid;

static void heat_step(heat_grid *g, double dt)
{
  int i, j;
  for (i = 1; i < g->nx - 1; i++)
    for (j = 1; j < g->ny - 1; j++) {
      int c = i * g->ny + j;
      double uxx = (g->u[c + g->ny] - 2.0 * g->u[c] + g->u[c - g->ny]) / g->dx2;
      double uyy = (g->u[c + 1] - 2.0 * g->u[c] + g->u[c - 1]) / g->dy2;
      g->unew[c] = g->u[c] + dt * g->alpha * (uxx + uyy);
    }
}

ADC_DIFF(wrt(alpha, u0), len(u0: nx * ny))
double heat_misfit(double alpha, const double *u0, int nx, int ny, int nsteps, double dt, const double *uobs)
{
  heat_grid g;
  double *tmp, misfit = 0.0;
  int step, c;

  g.nx = nx;
  g.ny = ny;
  g.dx2 = 1.0 / ((nx - 1) * (nx - 1));
  g.dy2 = 1.0 / ((ny - 1) * (ny - 1));
  g.alpha = alpha;
  g.u = (double *)malloc(nx * ny * sizeof(double));
  g.unew = (double *)malloc(nx * ny * sizeof(double));
  memcpy(g.u, u0, nx * ny * sizeof(double));
  memcpy(g.unew, u0, nx * ny * sizeof(double)); /* the boundary values stay */

  for (step = 0; step < nsteps; step++) {
    heat_step(&g, dt);
    tmp = g.u;
    g.u = g.unew;
    g.unew = tmp;
  }

  for (c = 0; c < nx * ny; c++)
    misfit += (g.u[c] - uobs[c]) * (g.u[c] - uobs[c]);

  free(g.u);
  free(g.unew);
  return misfit;
}
