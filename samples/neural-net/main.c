/* main.c: trains the network of net.c with libadc's Adam (full batch) on a grid of GRID x GRID
 * points of [-1, 1]^2 labelled +1 inside the circle x^2 + y^2 < 1/2 and -1 outside, driven
 * by the gradient adc generated. First checks that gradient against central finite
 * differences at the initial weights (adc_check_gradient, tolerance CHECK_TOL), then prints
 * the loss every few hundred iterations and the final accuracy; exits 1 if the check fails,
 * the final loss exceeds LOSS_MAX or the accuracy is below ACCURACY_MIN. */
#include <adc_check.h>
#include <adc_optim.h>
#include "compare.h"
#include "net.h"
#include "net_ad.h"

#define GRID 15
#define POINTS (GRID * GRID)
#define ITERATIONS 2000
#define CHECK_TOL 1e-6
#define LOSS_MAX 0.02
#define ACCURACY_MIN 0.99

typedef struct data {
    double X[2 * POINTS];
    double y[POINTS];
} data;

static void make_data(data *d) {
    for (int i = 0; i < POINTS; i++) {
        double u = -1.0 + 2.0 * (i % GRID) / (GRID - 1), v = -1.0 + 2.0 * (i / GRID) / (GRID - 1);
        d->X[2 * i] = u;
        d->X[2 * i + 1] = v;
        d->y[i] = u * u + v * v < 0.5 ? 1.0 : -1.0;
    }
}

static double loss_f(const double *w, void *ctx) {
    const data *d = ctx;
    return net_loss(w, POINTS, d->X, d->y);
}

static double loss_fg(const double *w, double *g, void *ctx) {
    const data *d = ctx;
    return net_loss_grad(w, POINTS, d->X, d->y, g);
}

/* The fraction of points whose label is the sign of the output. */
static double accuracy(const double *w, const data *d) {
    int right = 0;
    for (int i = 0; i < POINTS; i++)
        right += (net_output(w, d->X + 2 * i) > 0.0) == (d->y[i] > 0.0);
    return (double)right / POINTS;
}

/* Prints the loss every 250 iterations. */
static int show_progress(const adc_progress *p, void *ctx) {
    (void)ctx;
    if (p->iteration % 250 == 0)
        printf("  iteration %4d: loss %.6f  |grad| %.2e\n", p->iteration, p->f, p->grad_norm);
    return 0;
}

int main(void) {
    static data d;
    make_data(&d);
    double w[WEIGHTS], g[WEIGHTS];
    adc_rng rng;
    adc_rng_seed(&rng, 1);
    for (int k = 0; k < WEIGHTS; k++)
        w[k] = adc_rng_normal(&rng);
    printf("2-%d-1 tanh network, %d weights, %d points, logistic loss\n", HIDDEN, WEIGHTS,
           POINTS);
    loss_fg(w, g, &d);
    int failures = adc_check_gradient(WEIGHTS, w, g, loss_f, &d, CHECK_TOL, NULL, stdout) !=
                   ADC_CHECK_PASS;
    adc_first_order_options opts = adc_first_order_defaults(ADC_ADAM);
    opts.learning_rate = 0.05;
    opts.common.gtol = 0.0;
    opts.common.max_iterations = ITERATIONS;
    opts.common.progress = show_progress;
    adc_optim_result result = {.f = NAN};
    adc_first_order(WEIGHTS, w, loss_fg, &d, &opts, &result);
    double acc = accuracy(w, &d);
    printf("final loss %.6f (at most %g expected), accuracy %.4f (at least %g expected)\n",
           result.f, LOSS_MAX, acc, ACCURACY_MIN);
    failures += !(result.f <= LOSS_MAX) + !(acc >= ACCURACY_MIN);
    return finish(failures);
}
