/* Gray-Scott reaction-diffusion on a periodic 2-D grid, written the way the many public
 * teaching and benchmark codes write it (Pearson's model; explicit Euler, five-point
 * Laplacian through an index macro): the two species live in malloc'd arrays, the new state is
 * computed into a second pair of arrays and the pointers are swapped each step,
 * `tmp = u; u = u_new; u_new = tmp;`. The misfit of the final v to an observed pattern is
 * differentiated with respect to the feed and kill rates and the two diffusivities (only the
 * ADC_DIFF line is added); each pointer's shadow block moves with it. Needs libclang >= 17
 * (operators inside IX). */
#include <stdlib.h>
#include <adc.h>

#define IX(i, j) ((((i) + nx) % nx) * ny + (((j) + ny) % ny))

static void laplacian(const double *a, double *lap, int nx, int ny)
{
  int i, j;
  for (i = 0; i < nx; i++)
    for (j = 0; j < ny; j++)
      lap[IX(i, j)] = a[IX(i - 1, j)] + a[IX(i + 1, j)] + a[IX(i, j - 1)] + a[IX(i, j + 1)] - 4.0 * a[IX(i, j)];
}

static void seed_square(double *u, double *v, int nx, int ny)
{
  int i, j;
  for (i = 0; i < nx; i++)
    for (j = 0; j < ny; j++) {
      u[IX(i, j)] = 1.0;
      v[IX(i, j)] = 0.0;
    }
  for (i = nx / 2 - 2; i < nx / 2 + 2; i++)
    for (j = ny / 2 - 2; j < ny / 2 + 2; j++) {
      u[IX(i, j)] = 0.5 + 0.01 * (i - j);
      v[IX(i, j)] = 0.25 + 0.01 * (i + j - nx);
    }
}

ADC_DIFF(wrt(F, k, Du, Dv))
double gray_scott_misfit(double F, double k, double Du, double Dv, int nx, int ny, int nsteps, double dt,
                         const double *vobs)
{
  double *u, *v, *u_new, *v_new, *lapu, *lapv, *tmp;
  double misfit = 0.0;
  int step, c;

  u = (double *)malloc(nx * ny * sizeof(double));
  v = (double *)malloc(nx * ny * sizeof(double));
  u_new = (double *)malloc(nx * ny * sizeof(double));
  v_new = (double *)malloc(nx * ny * sizeof(double));
  lapu = (double *)malloc(nx * ny * sizeof(double));
  lapv = (double *)malloc(nx * ny * sizeof(double));
  seed_square(u, v, nx, ny);

  for (step = 0; step < nsteps; step++) {
    laplacian(u, lapu, nx, ny);
    laplacian(v, lapv, nx, ny);
    for (c = 0; c < nx * ny; c++) {
      double uvv = u[c] * v[c] * v[c];
      u_new[c] = u[c] + dt * (Du * lapu[c] - uvv + F * (1.0 - u[c]));
      v_new[c] = v[c] + dt * (Dv * lapv[c] + uvv - (F + k) * v[c]);
    }
    tmp = u; u = u_new; u_new = tmp;
    tmp = v; v = v_new; v_new = tmp;
  }

  for (c = 0; c < nx * ny; c++)
    misfit += (v[c] - vobs[c]) * (v[c] - vobs[c]);

  free(u);
  free(v);
  free(u_new);
  free(v_new);
  free(lapu);
  free(lapv);
  return misfit;
}
