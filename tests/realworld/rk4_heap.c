/* Lotka-Volterra parameter fit with a classical RK4 stepper in the style of John Burkardt's
 * rk4 codes (rk4vec.c): the right-hand side returns a newly malloc'd derivative vector, the
 * stepper returns a newly malloc'd state (`double *rk4vec(...)`) and frees its stage vectors,
 * and the driver loop copies the new state over the old one and frees it. Differentiated with
 * respect to the four rates and the two initial populations (only the ADC_DIFF line is
 * added); every block gets a shadow block, freed with it (tangent) or in the backward sweep. */
#include <stdlib.h>
#include <adc.h>

/* LOTKA_DERIV evaluates the right hand side of the Lotka-Volterra system. */
double *lotka_deriv(double t, int m, double u[], const double par[])
{
  double *uprime;

  uprime = (double *)malloc(m * sizeof(double));

  uprime[0] = par[0] * u[0] - par[1] * u[0] * u[1];
  uprime[1] = -par[2] * u[1] + par[3] * u[0] * u[1];

  return uprime;
}

/* RK4VEC takes one Runge-Kutta step for a vector ODE, returning the new state. */
double *rk4vec(double t0, int m, double u0[], double dt, const double par[])
{
  double *f0;
  double *f1;
  double *f2;
  double *f3;
  int i;
  double t1;
  double t2;
  double t3;
  double *u;
  double *u1;
  double *u2;
  double *u3;
/*
  Get four sample values of the derivative.
*/
  f0 = lotka_deriv(t0, m, u0, par);

  t1 = t0 + dt / 2.0;
  u1 = (double *)malloc(m * sizeof(double));
  for (i = 0; i < m; i++)
  {
    u1[i] = u0[i] + dt * f0[i] / 2.0;
  }
  f1 = lotka_deriv(t1, m, u1, par);

  t2 = t0 + dt / 2.0;
  u2 = (double *)malloc(m * sizeof(double));
  for (i = 0; i < m; i++)
  {
    u2[i] = u0[i] + dt * f1[i] / 2.0;
  }
  f2 = lotka_deriv(t2, m, u2, par);

  t3 = t0 + dt;
  u3 = (double *)malloc(m * sizeof(double));
  for (i = 0; i < m; i++)
  {
    u3[i] = u0[i] + dt * f2[i];
  }
  f3 = lotka_deriv(t3, m, u3, par);
/*
  Combine them to estimate the solution.
*/
  u = (double *)malloc(m * sizeof(double));
  for (i = 0; i < m; i++)
  {
    u[i] = u0[i] + dt * (f0[i] + 2.0 * f1[i] + 2.0 * f2[i] + f3[i]) / 6.0;
  }
/*
  Free memory.
*/
  free(f0);
  free(f1);
  free(f2);
  free(f3);
  free(u1);
  free(u2);
  free(u3);

  return u;
}

/* LOTKA_MISFIT integrates from the initial populations par[4], par[5] and sums the squared
   misfit against observations taken every STRIDE steps. */
ADC_DIFF(wrt(par), len(par: 6))
double lotka_misfit(const double par[], int nobs, int stride, double dt, const double uobs[])
{
  int i;
  int j;
  int k;
  int m = 2;
  double misfit = 0.0;
  double t0 = 0.0;
  double *u0;
  double *u1;

  u0 = (double *)malloc(m * sizeof(double));
  u0[0] = par[4];
  u0[1] = par[5];

  for (j = 0; j < nobs; j++)
  {
    for (k = 0; k < stride; k++)
    {
      u1 = rk4vec(t0, m, u0, dt, par);
      for (i = 0; i < m; i++)
      {
        u0[i] = u1[i];
      }
      free(u1);
      t0 = t0 + dt;
    }
    misfit = misfit + (u0[0] - uobs[2 * j]) * (u0[0] - uobs[2 * j])
                    + (u0[1] - uobs[2 * j + 1]) * (u0[1] - uobs[2 * j + 1]);
  }

  free(u0);

  return 0.5 * misfit;
}
