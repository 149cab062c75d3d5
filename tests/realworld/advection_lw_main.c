/* Driver of advection_lw.c: a Gaussian pulse on 64 cells advected to t = 0.3, periodic with
 * each limiter and outflow with minmod, against a target pulse a little off. A limited scheme
 * is smooth only piecewise (minmod and MC switch branches where slopes cross), and the
 * harness's finite-difference steps (1e-3 relative) cross such kinks: those runs are held to
 * 2e-2 there, and to 1e-6 against central differences with a small step (1e-7), which stay on
 * one piece. */
#include "realworld.h"

double advection_misfit(const double p[], int nx, int bc, int limiter, double tmax, const double target[]);
double advection_misfit_grad(const double p[], int nx, int bc, int limiter, double tmax, const double target[],
                             double *p_grad);
double advection_misfit_tangent(const double p[], const double p_d[], int nx, int bc, int limiter, double tmax,
                                const double target[], double *advection_misfit_d);

enum { NX = 64 };
#define TMAX 0.3

typedef struct run {
    int bc, limiter;
    double target[NX];
} run;

static double f(const double *p, void *ctx) {
    run *r = ctx;
    return advection_misfit(p, NX, r->bc, r->limiter, TMAX, r->target);
}
static double grad(const double *p, double *g, void *ctx) {
    run *r = ctx;
    return advection_misfit_grad(p, NX, r->bc, r->limiter, TMAX, r->target, g);
}
static double tangent(const double *p, const double *v, double *dv, void *ctx) {
    run *r = ctx;
    return advection_misfit_tangent(p, v, NX, r->bc, r->limiter, TMAX, r->target, dv);
}

/* The gradient against central differences of step 1e-7: 0 if within tol relative. */
static int small_step_check(const char *name, const double *p, void *ctx) {
    double g[4], worst = 0.0;
    grad(p, g, ctx);
    for (int k = 0; k < 4; k++) {
        double pp[4] = {p[0], p[1], p[2], p[3]}, pm[4] = {p[0], p[1], p[2], p[3]}, h = 1e-7;
        pp[k] += h;
        pm[k] -= h;
        double fd = (f(pp, ctx) - f(pm, ctx)) / (2 * h);
        worst = fmax(worst, fabs(fd - g[k]) / fmax(fabs(g[k]), 1e-3));
    }
    printf("%s: gradient vs small-step central differences: max error %.2e %s\n", name, worst,
           worst <= 1e-6 ? "ok" : "FAIL");
    return worst > 1e-6;
}

int main(void) {
    static const char *const names[] = {"advection_lw (periodic, lax-wendroff)", "advection_lw (periodic, minmod)",
                                        "advection_lw (periodic, mc)", "advection_lw (outflow, minmod)"};
    static const int bcs[] = {0, 0, 0, 1}, limiters[] = {0, 1, 2, 1};
    const double p[4] = {0.8, 0.35, 0.1, 1.1};
    int failed = 0;
    for (int k = 0; k < 4; k++) {
        run r = {.bc = bcs[k], .limiter = limiters[k]};
        for (int i = 0; i < NX; i++) {
            double x = (i + 0.5) / NX;
            r.target[i] = 1.0 + 0.75 * exp(-(x - 0.68) * (x - 0.68) / (0.11 * 0.11));
        }
        rw_problem prob = {names[k], 4, p, f, grad, tangent, &r, limiters[k] ? 2e-2 : 0};
        failed |= rw_run(&prob) | small_step_check(names[k], p, &r);
    }
    return failed;
}
