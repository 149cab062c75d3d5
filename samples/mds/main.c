/* main.c: multidimensional scaling. M points are laid out on a spiral, only their distance
 * matrix D is kept, and a layout is recovered from D alone by minimizing the stress with
 * libadc's L-BFGS, using the gradient adc generated. A layout is determined by D only up to
 * rotation, reflection and translation, so what is checked is that the recovered pairwise
 * distances match D to TOL (relative); exits 1 otherwise. The stress has local minima: of
 * STARTS random starts some end in one, and the layout of least stress is kept. */
#include <string.h>
#include <adc_optim.h>
#include "compare.h"
#include "stress_ad.h"

#define M 10
#define TOL 1e-6
#define STRESS_TOL 1e-16
#define STARTS 8

/* The objective as L-BFGS calls it; ctx is the target distance matrix. */
static double stress_fg(const double *x, double *g, void *ctx) {
    return stress_grad(M, x, ctx, g);
}

/* D_ij = |x_i - x_j| for all i, j. */
static void distances(const double *x, double *D) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++)
            D[i * M + j] = hypot(x[2 * i] - x[2 * j], x[2 * i + 1] - x[2 * j + 1]);
}

/* Point k at radius 1 + k/4 and angle k times the golden angle: no two distances equal. */
static void spiral(double *x) {
    for (int k = 0; k < M; k++) {
        double r = 1.0 + 0.25 * k, angle = 2.399963229728653 * k;
        x[2 * k] = r * cos(angle);
        x[2 * k + 1] = r * sin(angle);
    }
}

/* L-BFGS from uniform random coordinates in [-3, 3]^2 drawn with `seed`. */
static adc_optim_result recover(const double *D, uint64_t seed, double *x) {
    adc_rng rng;
    adc_rng_seed(&rng, seed);
    for (int k = 0; k < 2 * M; k++)
        x[k] = 6.0 * adc_rng_uniform(&rng) - 3.0;
    adc_lbfgs_options opts = adc_lbfgs_defaults();
    opts.common.gtol = 1e-12;
    adc_optim_result result = {.f = NAN};  /* stays NaN if L-BFGS refuses to start */
    adc_lbfgs(2 * M, x, stress_fg, (void *)D, &opts, &result);
    printf("start %d: stress %.3e, |grad| %.1e after %d iterations, %d evaluations (%s)\n",
           (int)seed, result.f, result.grad_norm, result.iterations, result.evaluations,
           adc_status_string(result.status));
    return result;
}

int main(void) {
    double truth[2 * M], D[M * M], trial[2 * M], x[2 * M] = {0}, recovered[M * M];
    spiral(truth);
    distances(truth, D);
    printf("MDS: %d points in the plane from their %d pairwise distances\n", M, M * (M - 1) / 2);
    double best = INFINITY;
    for (uint64_t seed = 1; seed <= STARTS; seed++) {
        adc_optim_result result = recover(D, seed, trial);
        if (result.f < best) {
            best = result.f;
            memcpy(x, trial, sizeof x);
        }
    }
    distances(x, recovered);
    printf("least stress %.3e (at most %.0e expected)\n", best, STRESS_TOL);
    int failures = !(best <= STRESS_TOL);
    printf("recovered distances against D (%d x %d)\n", M, M);
    failures += verdict(relative_error(M * M, recovered, D), TOL);
    return finish(failures);
}
