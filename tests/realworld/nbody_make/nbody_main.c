/* nbody_main.c: driver of the multi-file n-body program (simulate.c, advance.c, energy.c):
 * the Benchmarks Game's sun, Jupiter, Saturn, Uranus and Neptune, 200 steps of 0.01 days;
 * the gradient of the final energy with respect to every initial position, velocity and mass,
 * checked by realworld.h. */
#include <string.h>
#include "realworld.h"
#include "nbody.h"
#include "nbody_ad.h"

enum { STEPS = 200, NX = NBODIES * 7 };
#define DT 0.01

static const struct planet solar_system[NBODIES] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
};

static double f(const double *x, void *ctx) {
    (void)ctx;
    struct planet b[NBODIES];
    memcpy(b, x, sizeof b);
    return simulate(NBODIES, b, STEPS, DT);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    struct planet b[NBODIES], gb[NBODIES];
    memcpy(b, x, sizeof b);
    double e = simulate_grad(NBODIES, b, STEPS, DT, gb);
    memcpy(g, gb, sizeof gb);
    return e;
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    struct planet b[NBODIES], bd[NBODIES];
    memcpy(b, x, sizeof b);
    memcpy(bd, v, sizeof bd);
    return simulate_tangent(NBODIES, b, bd, STEPS, DT, dv);
}

int main(void) {
    _Static_assert(sizeof(struct planet) == 7 * sizeof(double), "planet is 7 doubles");
    double x[NX];
    memcpy(x, solar_system, sizeof x);
    rw_problem p = {"nbody_make", NX, x, f, grad, tangent, NULL, 0};
    return rw_run(&p);
}
