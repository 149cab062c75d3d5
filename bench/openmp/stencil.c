/* stencil.c: the parallel row's objective, a 2-D stencil energy on an n x n grid u (row-major):
 * the sum over interior points of the squared 5-point Laplacian plus a sine potential, one
 * `omp parallel for collapse(2) reduction(+: e)` loop (bench/openmp/run). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n * n))
double stencil_energy(int n, const double *u)
{
    double e = 0.0;
#pragma omp parallel for collapse(2) reduction(+ : e) schedule(static)
    for (int i = 1; i < n - 1; i++)
        for (int j = 1; j < n - 1; j++) {
            double c = u[i * n + j];
            double lap = u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1] - 4.0 * c;
            double s = sin(c);
            e += lap * lap + 0.1 * s * s;
        }
    return e;
}
