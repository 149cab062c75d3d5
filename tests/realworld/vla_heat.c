/* 2-D heat equation in the C99 style of numerical codes that use variable-length arrays (the
 * grids of C99 textbook solvers, `double u[nx][ny]` instead of a flat malloc'd block): the step
 * takes its grids as `double u[nx][ny]` and `double unew[nx][ny]`, the driver function
 * keeps the two fields in local VLAs and a scratch row `double flux[ny]` declared inside the
 * time loop, copies the new field back after each step, and returns the misfit to an observed
 * field. Differentiated with respect to the diffusivity and the initial field (only the
 * ADC_DIFF line is added). */
#include <adc.h>

static void heat_step(int nx, int ny, double alpha, double dt, double u[nx][ny], double unew[nx][ny])
{
  for (int i = 0; i < nx; i++)
    for (int j = 0; j < ny; j++)
      unew[i][j] = u[i][j];
  for (int i = 1; i < nx - 1; i++)
    for (int j = 1; j < ny - 1; j++) {
      double lap = u[i + 1][j] + u[i - 1][j] + u[i][j + 1] + u[i][j - 1] - 4.0 * u[i][j];
      unew[i][j] = u[i][j] + dt * alpha * lap;
    }
}

ADC_DIFF(wrt(alpha, u0))
double heat_vla_misfit(int nx, int ny, int nsteps, double alpha, double dt, const double u0[nx][ny],
                       const double uobs[nx][ny])
{
  double u[nx][ny], unew[nx][ny];
  for (int i = 0; i < nx; i++)
    for (int j = 0; j < ny; j++)
      u[i][j] = u0[i][j];
  for (int s = 0; s < nsteps; s++) {
    double flux[ny];                 /* a scratch row, declared in the loop body */
    heat_step(nx, ny, alpha, dt, u, unew);
    for (int j = 0; j < ny; j++)
      flux[j] = 0.5 * (unew[1][j] - unew[0][j]);
    for (int i = 0; i < nx; i++)
      for (int j = 0; j < ny; j++)
        u[i][j] = unew[i][j] + (i == 0 ? dt * flux[j] * flux[j] : 0.0);
  }
  double misfit = 0.0;
  for (int i = 0; i < nx; i++)
    for (int j = 0; j < ny; j++) {
      double d = u[i][j] - uobs[i][j];
      misfit += d * d;
    }
  return misfit;
}
