/* Shooting for a periodic orbit of the Brusselator in the style of John Burkardt's rk4vec
 * codes, as his test drivers write them: the right-hand side is a parameter of function type
 * returning a newly malloc'd derivative vector, rk4vec returns a newly malloc'd state and frees
 * its stages, r8vec_copy_new makes the starting state, and the time loop takes each new state
 * with `u1 = rk4vec (...); free (u0); u0 = u1;`. Differentiated with respect to the initial
 * state (only the ADC_DIFF line is added): every block gets a shadow block, and a heap pointer
 * that takes another's block takes its shadow. */
#include <stdlib.h>
#include <adc.h>

/* BRUSSELATOR_DERIV evaluates the right hand side of the Brusselator, a = 1, b = 3. */
double *brusselator_deriv ( double t, int m, double u[] )
{
  double a = 1.0;
  double b = 3.0;
  double *uprime;

  uprime = ( double * ) malloc ( m * sizeof ( double ) );

  uprime[0] = a + u[0] * u[0] * u[1] - ( b + 1.0 ) * u[0];
  uprime[1] = b * u[0] - u[0] * u[0] * u[1];

  return uprime;
}

/* R8VEC_COPY_NEW copies an R8VEC to a new one. */
double *r8vec_copy_new ( int n, double a1[] )
{
  double *a2;
  int i;

  a2 = ( double * ) malloc ( n * sizeof ( double ) );

  for ( i = 0; i < n; i++ )
  {
    a2[i] = a1[i];
  }
  return a2;
}

/* RK4VEC takes one Runge-Kutta step for a vector ODE. */
double *rk4vec ( double t0, int m, double u0[], double dt,
  double *f ( double t, int m, double u[] ) )
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
  f0 = f ( t0, m, u0 );

  t1 = t0 + dt / 2.0;
  u1 = ( double * ) malloc ( m * sizeof ( double ) );
  for ( i = 0; i < m; i++ )
  {
    u1[i] = u0[i] + dt * f0[i] / 2.0;
  }
  f1 = f ( t1, m, u1 );

  t2 = t0 + dt / 2.0;
  u2 = ( double * ) malloc ( m * sizeof ( double ) );
  for ( i = 0; i < m; i++ )
  {
    u2[i] = u0[i] + dt * f1[i] / 2.0;
  }
  f2 = f ( t2, m, u2 );

  t3 = t0 + dt;
  u3 = ( double * ) malloc ( m * sizeof ( double ) );
  for ( i = 0; i < m; i++ )
  {
     u3[i] = u0[i] + dt * f2[i];
  }
  f3 = f ( t3, m, u3 );
/*
  Combine them to estimate the solution.
*/
  u = ( double * ) malloc ( m * sizeof ( double ) );
  for ( i = 0; i < m; i++ )
  {
     u[i] = u0[i] + dt * ( f0[i] + 2.0 * f1[i] + 2.0 * f2[i] + f3[i] ) / 6.0;
  }
/*
  Free memory.
*/
  free ( f0 );
  free ( f1 );
  free ( f2 );
  free ( f3 );
  free ( u1 );
  free ( u2 );
  free ( u3 );

  return u;
}

/* SHOOTING_MISFIT integrates from UINIT over NSTEP steps of size DT and returns half the
   squared distance between the final state and the initial one (zero on a periodic orbit). */
ADC_DIFF(wrt(uinit), len(uinit: 2))
double shooting_misfit ( double uinit[], int nstep, double dt )
{
  int i;
  int m = 2;
  double misfit;
  double t0;
  double *u0;
  double *u1;

  t0 = 0.0;
  u0 = r8vec_copy_new ( m, uinit );

  for ( i = 0; i < nstep; i++ )
  {
    u1 = rk4vec ( t0, m, u0, dt, brusselator_deriv );
    free ( u0 );
    u0 = u1;
    t0 = t0 + dt;
  }

  misfit = 0.5 * ( ( u0[0] - uinit[0] ) * ( u0[0] - uinit[0] )
                 + ( u0[1] - uinit[1] ) * ( u0[1] - uinit[1] ) );

  free ( u0 );

  return misfit;
}
