/* A grid fluid solver in the style of Stam's "Real-Time Fluid Dynamics for Games": IX and
 * SWAP macros, FOR_EACH_CELL loop headers from a macro, Gauss-Seidel relaxation in lin_solve,
 * boundary handling in set_bnd, semi-Lagrangian advection with bilinear interpolation, and the
 * density step swapping its buffers by pointer. The objective is a weighted sum of the density
 * after a few steps, differentiated with respect to the initial density and the diffusion rate
 * (only the ADC_DIFF line is added). Needs libclang >= 17 (operators inside IX and SWAP). */
#include <adc.h>

#define N 8
#define SIZE ((N + 2) * (N + 2))
#define IX(i, j) ((i) + (N + 2) * (j))
#define SWAP(x0, x) { double *tmp = x0; x0 = x; x = tmp; }
#define FOR_EACH_CELL for (i = 1; i <= N; i++) { for (j = 1; j <= N; j++) {
#define END_FOR }}

static void add_source(double *x, const double *s, double dt)
{
    int i;
    for (i = 0; i < SIZE; i++)
        x[i] += dt * s[i];
}

static void set_bnd(int b, double *x)
{
    int i;
    for (i = 1; i <= N; i++) {
        x[IX(0, i)] = b == 1 ? -x[IX(1, i)] : x[IX(1, i)];
        x[IX(N + 1, i)] = b == 1 ? -x[IX(N, i)] : x[IX(N, i)];
        x[IX(i, 0)] = b == 2 ? -x[IX(i, 1)] : x[IX(i, 1)];
        x[IX(i, N + 1)] = b == 2 ? -x[IX(i, N)] : x[IX(i, N)];
    }
    x[IX(0, 0)] = 0.5 * (x[IX(1, 0)] + x[IX(0, 1)]);
    x[IX(0, N + 1)] = 0.5 * (x[IX(1, N + 1)] + x[IX(0, N)]);
    x[IX(N + 1, 0)] = 0.5 * (x[IX(N, 0)] + x[IX(N + 1, 1)]);
    x[IX(N + 1, N + 1)] = 0.5 * (x[IX(N, N + 1)] + x[IX(N + 1, N)]);
}

static void lin_solve(int b, double *x, const double *x0, double a, double c)
{
    int i, j, k;
    for (k = 0; k < 10; k++) {
        FOR_EACH_CELL
            x[IX(i, j)] = (x0[IX(i, j)] + a * (x[IX(i - 1, j)] + x[IX(i + 1, j)] + x[IX(i, j - 1)] + x[IX(i, j + 1)])) / c;
        END_FOR
        set_bnd(b, x);
    }
}

static void diffuse(int b, double *x, const double *x0, double diff, double dt)
{
    double a = dt * diff * N * N;
    lin_solve(b, x, x0, a, 1 + 4 * a);
}

static void advect(int b, double *d, const double *d0, const double *u, const double *v, double dt)
{
    int i, j, i0, j0, i1, j1;
    double x, y, s0, t0, s1, t1, dt0 = dt * N;
    FOR_EACH_CELL
        x = i - dt0 * u[IX(i, j)];
        y = j - dt0 * v[IX(i, j)];
        if (x < 0.5) x = 0.5;
        if (x > N + 0.5) x = N + 0.5;
        i0 = (int)x;
        i1 = i0 + 1;
        if (y < 0.5) y = 0.5;
        if (y > N + 0.5) y = N + 0.5;
        j0 = (int)y;
        j1 = j0 + 1;
        s1 = x - i0;
        s0 = 1 - s1;
        t1 = y - j0;
        t0 = 1 - t1;
        d[IX(i, j)] = s0 * (t0 * d0[IX(i0, j0)] + t1 * d0[IX(i0, j1)]) + s1 * (t0 * d0[IX(i1, j0)] + t1 * d0[IX(i1, j1)]);
    END_FOR
    set_bnd(b, d);
}

static void dens_step(double *x, double *x0, const double *u, const double *v, double diff, double dt)
{
    add_source(x, x0, dt);
    SWAP(x0, x);
    diffuse(0, x, x0, diff, dt);
    SWAP(x0, x);
    advect(0, x, x0, u, v, dt);
}

ADC_DIFF(wrt(dens0, diff), len(dens0: SIZE))
double density_after(const double *dens0, double diff, const double *u, const double *v,
                     const double *weight, int steps)
{
    double dens[SIZE], prev[SIZE], s = 0.0;
    int i;
    for (i = 0; i < SIZE; i++) {
        dens[i] = dens0[i];
        prev[i] = 0.1 * dens0[i];
    }
    for (i = 0; i < steps; i++)
        dens_step(dens, prev, u, v, diff, 0.1);
    for (i = 0; i < SIZE; i++)
        s += weight[i] * dens[i];
    return s;
}
