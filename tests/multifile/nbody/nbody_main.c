/* nbody_main.c: checks the derivatives adc generated from bodies.c, integrate.c and energy.c
 * in one call: simulate_grad against finite differences, the tangent by the dot-product test,
 * the adjoint's seed and increments (e2e.h), the primal values the generated code returns. */
#include "../../e2e/e2e.h"
#include "nbody.h"
#include "nbody_ad.h"

#define N 4
#define STEPS 6
#define DT 0.01

/* Packed inputs: masses, positions, velocities. */
enum { NX = N + 2 * DIM * N };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return simulate(N, x, x + N, x + N + DIM * N, STEPS, DT);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return simulate_grad(N, x, x + N, x + N + DIM * N, STEPS, DT, g, g + N, g + N + DIM * N);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return simulate_tangent(N, x, v, x + N, v + N, x + N + DIM * N, v + N + DIM * N, STEPS, DT, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return simulate_adjoint(N, x, xb, x + N, xb + N, x + N + DIM * N, xb + N + DIM * N, STEPS, DT, seed);
}

int main(void) {
    e2e_begin("nbody");
    double x[NX];
    e2e_fill(x, N, 5u, 0.5, 1.5);                  /* masses */
    e2e_fill(x + N, DIM * N, 11u, -1.0, 1.0);      /* positions */
    e2e_fill(x + N + DIM * N, DIM * N, 13u, -0.3, 0.3); /* velocities */
    e2e_scalar s = {.label = "nbody over three files", .n = NX, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
