/* 1-D heat equation by Crank-Nicolson, written the way teaching codes and Numerical Recipes'
 * users write it: each step builds the tridiagonal system in local work arrays bundled in a
 * struct, `double lower[NMAX], diag[NMAX], upper[NMAX]; tridiag_sys A = {n, lower, diag,
 * upper};`, and hands `&A` to a Thomas-algorithm solver (NR's tridag, zero-offset, with its
 * own local `gam` work array). Fixed (Dirichlet) end values. The misfit of the final profile to
 * an observed one is differentiated with respect to the diffusivity and the initial profile
 * (only the ADC_DIFF line is added). Once refused ("assigning 'A.lower' other than a new heap
 * block or a pointer parameter"). */
#include <string.h>
#include <adc.h>

#define NMAX 64

typedef struct {
  int n;
  double *a, *b, *c;   /* sub-, main and super-diagonal: a[0] and c[n-1] unused */
} tridiag_sys;

/* Solves A u = r (NR's tridag: no pivoting, A diagonally dominant). */
static void tridag(const tridiag_sys *A, const double *r, double *u)
{
  double gam[NMAX], bet;
  int j;

  bet = A->b[0];
  u[0] = r[0] / bet;
  for (j = 1; j < A->n; j++) {
    gam[j] = A->c[j - 1] / bet;
    bet = A->b[j] - A->a[j] * gam[j];
    u[j] = (r[j] - A->a[j] * u[j - 1]) / bet;
  }
  for (j = A->n - 2; j >= 0; j--)
    u[j] -= gam[j + 1] * u[j + 1];
}

/* One step of (I - r/2 L) u' = (I + r/2 L) u, r = alpha dt / dx^2, end values kept. */
static void cn_step(double *u, int n, double r)
{
  double lower[NMAX], diag[NMAX], upper[NMAX], rhs[NMAX];
  tridiag_sys A = {n, lower, diag, upper};
  int i;

  for (i = 0; i < n; i++) {
    if (i == 0 || i == n - 1) {
      lower[i] = 0.0;
      diag[i] = 1.0;
      upper[i] = 0.0;
      rhs[i] = u[i];
    } else {
      lower[i] = -0.5 * r;
      diag[i] = 1.0 + r;
      upper[i] = -0.5 * r;
      rhs[i] = 0.5 * r * u[i - 1] + (1.0 - r) * u[i] + 0.5 * r * u[i + 1];
    }
  }
  tridag(&A, rhs, u);
}

ADC_DIFF(wrt(alpha, u0), len(u0: n))
double cn_misfit(double alpha, const double *u0, int n, int nsteps, double dt, const double *uobs)
{
  double u[NMAX], dx = 1.0 / (n - 1), misfit = 0.0;
  int step, i;

  memcpy(u, u0, n * sizeof(double));
  for (step = 0; step < nsteps; step++)
    cn_step(u, n, alpha * dt / (dx * dx));
  for (i = 0; i < n; i++)
    misfit += (u[i] - uobs[i]) * (u[i] - uobs[i]);
  return misfit;
}
