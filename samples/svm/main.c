/* main.c: solves the SVM homework with libadc's gradient descent (the subgradient method:
 * steps 2.5 / (1 + 0.1 k), no line search, L being 0.2-strongly convex) driven by the gradient
 * adc generated, and compares with the answer worked out by hand: t* = (5/4, 1, -1/4),
 * L(t*) = 39/80. At t* point 3 lies on the margin (y f(x) = 1): its hinge term has the
 * subgradients -c y (x1, x2, 1) = -c (1, 0, 1) for c in [0, 1/m], adc picks c = 0, and the
 * rest of L has the gradient 3/20 (1, 0, 1), so c = 3/20 makes 0 a subgradient: t* is
 * optimal. Exits 1 if a number disagrees by more than its tolerance (relative, see
 * compare.h). */
#include <adc_optim.h>
#include "compare.h"
#include "hinge_ad.h"

#define M 5
#define ITERATIONS 10000
#define TOL_T 1e-4   /* L grows linearly away from the kink: t is found to about 1/k */
#define TOL_L 1e-5
#define TOL_G 1e-12

static const double x1[M] = {0, 1, 1, -0.5, 0};
static const double x2[M] = {1, 1, 0, 0.5, -0.5};
static const double y[M] = {1, 1, 1, -1, -1};
static const double t_star[3] = {1.25, 1.0, -0.25};
static const double loss_star = 39.0 / 80.0;
static const double subgradient_star[3] = {0.15, 0.0, 0.15};

static double loss_fg(const double *t, double *g, void *ctx) {
    (void)ctx;
    return svm_loss_grad(M, x1, x2, y, t, g);
}

/* Prints the loss at iterations 0, 10, 100, ... */
static int show_progress(const adc_progress *p, void *ctx) {
    int *next = ctx;
    if (p->iteration == *next) {
        printf("  iteration %6d: L = %.10f  t = (% .6f, % .6f, % .6f)\n", p->iteration, p->f,
               p->x[0], p->x[1], p->x[2]);
        *next = *next ? 10 * *next : 10;
    }
    return 0;
}

int main(void) {
    adc_first_order_options opts = adc_first_order_defaults(ADC_GD);
    opts.linesearch = ADC_LS_NONE;
    opts.learning_rate = 2.5;
    opts.decay = 0.1;
    opts.common.gtol = 0.0;  /* a subgradient need not vanish near a kink: run all steps */
    opts.common.max_iterations = ITERATIONS;
    int next = 0;
    opts.common.progress = show_progress;
    opts.common.progress_ctx = &next;
    double t[3] = {1.0, 1.0, 0.0}, g[3];
    adc_optim_result result = {.f = NAN};
    printf("hinge-loss SVM, %d points, gradient descent from (1, 1, 0)\n", M);
    adc_first_order(3, t, loss_fg, NULL, &opts, &result);
    printf("%s after %d iterations\n", adc_status_string(result.status), result.iterations);
    int failures = compare_vector("minimizer t", "by hand", 3, t, t_star, TOL_T);
    failures += compare_value("loss L(t)", "39/80", result.f, loss_star, TOL_L);
    svm_loss_grad(M, x1, x2, y, t_star, g);
    failures += compare_vector("subgradient at t* by adc", "by hand", 3, g, subgradient_star,
                               TOL_G);
    return finish(failures);
}
