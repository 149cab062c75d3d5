/* Heap forms of the tangent modes: realloc growing a block (its shadow grows with it, the new
 * elements written before they are read), a pointer moving through a block (q = p + k: its
 * shadow moves in lockstep), memcpy and memset between heap blocks (element loops): tangent
 * and vector tangent checked against finite differences and against each other. And a
 * calloc'd array of structs with floating members in every scalar mode (FD, dot product). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

struct particle {
    double pos, vel;
    int id;
};

ADC_DIFF(wrt(x), len(x: n), modes(tangent, tangent_vector), vector(2))
double heap_tangent_forms(int n, const double *x)
{
    double *p = malloc(2 * sizeof(double));
    p[0] = x[0];
    p[1] = x[1] * x[0];
    p = realloc(p, 2 * n * sizeof(double));
    for (int i = 0; i < n; i++) {
        p[n + i] = sin(x[i]) + p[i % 2];
    }
    double *q = p + n;
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        s += *q * q[0] * (i + 1);
        q++;
    }
    double *w = malloc(n * sizeof(double));
    memset(w, 0, n * sizeof(double));
    for (int i = 0; i < n; i++)
        w[i] += p[n + i] * x[i] / (1.0 + i);
    memcpy(p, w, n * sizeof(double));
    for (int i = 0; i < n; i++)
        s += p[i] * p[n + i];
    free(w);
    free(p);
    return s;
}

/* A malloc'd array of structs with floating members (scalar modes: the vector mode does not
 * take active structs). */
ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double heap_particles(int n, const double *x)
{
    struct particle *ps = calloc(n, sizeof *ps);
    for (int i = 0; i < n; i++) {
        ps[i].pos = sin(x[i]);
        ps[i].vel = x[i] / (1.0 + i);
        ps[i].id = i;
    }
    double e = 0.0;
    for (int i = 0; i < n; i++) {
        ps[i].pos += ps[i].vel * ps[(i + 1) % n].pos;
        e += ps[i].pos * ps[i].pos * ps[i].id + ps[i].vel;
    }
    free(ps);
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double heap_tangent_forms_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_tangent_forms_tangent_vector(int n, const double *x, const double (*x_d)[2], double *f_d);

double heap_particles_tangent(int n, const double *x, const double *x_d, double *f_d);
double heap_particles_adjoint(int n, const double *x, double *x_b, double f_b);
double heap_particles_grad(int n, const double *x, double *x_grad);

#define N 4
static double particles(const double *x, void *p) {
    (void)p;
    return heap_particles(N, x);
}
static double particles_grad(const double *x, double *g, void *p) {
    (void)p;
    return heap_particles_grad(N, x, g);
}
static double particles_tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return heap_particles_tangent(N, x, v, dv);
}
static double particles_adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return heap_particles_adjoint(N, x, xb, seed);
}
static void primal(const double *x, double *y, void *p) {
    (void)p;
    y[0] = heap_tangent_forms(N, x);
}

int main(void) {
    e2e_begin("heap_tangent_forms");
    double x[N], v[N], dv, dirs[N][2], dvv[2];
    e2e_fill(x, N, 41u, -1.0, 1.0);
    e2e_fill(v, N, 42u, -1.0, 1.0);
    double f = heap_tangent_forms_tangent(N, x, v, &dv);
    e2e_expect_value("n=4", "value returned by tangent", f, heap_tangent_forms(N, x), 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N, 1, x, v, &dv, primal, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("n=4", "tangent vs finite differences", st, &r);
    for (int i = 0; i < N; i++) {
        dirs[i][0] = v[i];
        dirs[i][1] = 0.5 - v[i] * v[i];
    }
    heap_tangent_forms_tangent_vector(N, x, (const double (*)[2])dirs, dvv);
    e2e_expect_value("n=4", "vector tangent direction 0 vs scalar tangent", dvv[0], dv, 1e-13);
    for (int i = 0; i < N; i++)
        v[i] = dirs[i][1];
    heap_tangent_forms_tangent(N, x, v, &dv);
    e2e_expect_value("n=4", "vector tangent direction 1 vs scalar tangent", dvv[1], dv, 1e-13);
    e2e_scalar s = {.label = "particles", .n = N, .x = x, .f = particles, .grad = particles_grad,
                    .tangent = particles_tangent, .adjoint = particles_adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
