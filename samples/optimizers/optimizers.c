/* optimizers.c: runs every optimizer of libadc on the 2-D Rosenbrock function
 *     f(x, y) = (1 - x)^2 + 100 (y - x^2)^2,  minimum 0 at (1, 1),
 * from the classic start (-1.2, 1), writes one CSV trace per method into the directory given
 * on the command line (DIR/NAME.csv: iteration,f,grad_norm,step,evaluations) and prints a
 * Markdown table of what each method needed.
 *
 * The gradient and Hessian-vector product are written by hand here; adc generates them from
 * the plain definition of f (modes grad and hvp). */
#include <math.h>
#include <stdio.h>
#include "adc_runtime.h"

/* ---- The objective in the forms the optimizers take ---- */

/* f is the sum of two terms, (1 - x)^2 and 100 (y - x^2)^2: the "samples" of SGD. */
static double rosenbrock_term(const double *v, int term, double *g) {
    if (term == 0) {
        g[0] += -2 * (1 - v[0]);
        return (1 - v[0]) * (1 - v[0]);
    }
    double r = v[1] - v[0] * v[0];
    g[0] += -400 * v[0] * r;
    g[1] += 200 * r;
    return 100 * r * r;
}

/* Mini-batch form: the batch's terms scaled to estimate the sum of both. */
static double rosenbrock_fg_batch(const double *v, const int *batch, int size, double *g,
                                  void *ctx) {
    (void)ctx;
    double f = 0, scale = 2.0 / size;
    g[0] = g[1] = 0;
    for (int k = 0; k < size; k++)
        f += rosenbrock_term(v, batch[k], g);
    g[0] *= scale, g[1] *= scale;
    return f * scale;
}

static double rosenbrock_fg(const double *v, double *g, void *ctx) {
    static const int both[2] = {0, 1};
    return rosenbrock_fg_batch(v, both, 2, g, ctx);
}

static double rosenbrock_f(const double *v, void *ctx) {
    double g[2];
    return rosenbrock_fg(v, g, ctx);
}

static void rosenbrock_hv(const double *v, const double *w, double *hv, void *ctx) {
    (void)ctx;
    double hxx = 2 - 400 * (v[1] - v[0] * v[0]) + 800 * v[0] * v[0], hxy = -400 * v[0];
    hv[0] = hxx * w[0] + hxy * w[1];
    hv[1] = hxy * w[0] + 200 * w[1];
}

/* ---- The methods ---- */

typedef enum driver { FIRST_ORDER, SGD, ZERO_ORDER, LBFGS, NEWTON_CG } driver;

typedef struct method {
    const char *name;
    driver driver;
    adc_first_order_method rule;     /* FIRST_ORDER, SGD, ZERO_ORDER */
    adc_linesearch_kind linesearch;  /* FIRST_ORDER with GD */
    double learning_rate, decay;
    adc_zero_order_estimator estimator;
} method;

static const method methods[] = {
    {"gd", FIRST_ORDER, ADC_GD, ADC_LS_NONE, 1e-3, 0, 0},
    {"gd-dichotomy", FIRST_ORDER, ADC_GD, ADC_LS_DICHOTOMY, 0, 0, 0},
    {"gd-golden", FIRST_ORDER, ADC_GD, ADC_LS_GOLDEN, 0, 0, 0},
    {"gd-parabolic", FIRST_ORDER, ADC_GD, ADC_LS_PARABOLIC, 0, 0, 0},
    {"gd-brent", FIRST_ORDER, ADC_GD, ADC_LS_BRENT, 0, 0, 0},
    {"gd-armijo", FIRST_ORDER, ADC_GD, ADC_LS_ARMIJO, 0, 0, 0},
    {"gd-goldstein", FIRST_ORDER, ADC_GD, ADC_LS_GOLDSTEIN, 0, 0, 0},
    {"gd-wolfe", FIRST_ORDER, ADC_GD, ADC_LS_WOLFE, 0, 0, 0},
    {"momentum", FIRST_ORDER, ADC_MOMENTUM, ADC_LS_NONE, 1e-3, 0, 0},
    {"nesterov", FIRST_ORDER, ADC_NESTEROV, ADC_LS_NONE, 1e-3, 0, 0},
    {"adagrad", FIRST_ORDER, ADC_ADAGRAD, ADC_LS_NONE, 0.3, 0, 0},
    {"rmsprop", FIRST_ORDER, ADC_RMSPROP, ADC_LS_NONE, 1e-3, 1e-3, 0},
    {"adadelta", FIRST_ORDER, ADC_ADADELTA, ADC_LS_NONE, 1.9e-3, 0, 0},
    {"adam", FIRST_ORDER, ADC_ADAM, ADC_LS_NONE, 1e-2, 0, 0},
    {"adamw", FIRST_ORDER, ADC_ADAMW, ADC_LS_NONE, 1e-3, 0, 0},
    {"nadam", FIRST_ORDER, ADC_NADAM, ADC_LS_NONE, 1e-3, 0, 0},
    {"sgd", SGD, ADC_GD, ADC_LS_NONE, 5e-4, 0, 0},
    {"zo-two-point", ZERO_ORDER, ADC_ADAM, ADC_LS_NONE, 1e-2, 1e-3, ADC_ZO_TWO_POINT},
    {"zo-coordinate", ZERO_ORDER, ADC_ADAM, ADC_LS_NONE, 1e-2, 0, ADC_ZO_COORDINATE},
    {"lbfgs", LBFGS, 0, 0, 0, 0, 0},
    {"newton-cg", NEWTON_CG, 0, 0, 0, 0, 0},
};

/* The same stopping rules for everyone. */
static adc_optim_options stopping_rules(FILE *trace) {
    adc_optim_options o = adc_optim_defaults();
    o.gtol = 1e-8;
    o.max_iterations = 50000;
    o.trace = trace;
    return o;
}

static adc_first_order_options update_rule(const method *m, FILE *trace) {
    adc_first_order_options o = adc_first_order_defaults(m->rule);
    o.common = stopping_rules(trace);
    o.linesearch = m->linesearch;
    if (m->learning_rate > 0)
        o.learning_rate = m->learning_rate;
    o.decay = m->decay;
    if (m->rule == ADC_ADAMW)
        o.weight_decay = 1e-4;  /* a small decay: its fixed point moves slightly off (1, 1) */
    return o;
}

/* SGD's own trace would show the loss of each mini-batch; this progress callback writes the
 * full f at every iterate instead, in the same CSV format. */
static int trace_full_objective(const adc_progress *p, void *trace) {
    double g[2], f = rosenbrock_fg(p->x, g, NULL);
    if (p->iteration == 0)
        fputs("iteration,f,grad_norm,step,evaluations\n", trace);
    fprintf(trace, "%d,%.17g,%.17g,%.17g,%d\n", p->iteration, f, hypot(g[0], g[1]), p->step,
            p->evaluations);
    return 0;
}

static adc_status run(const method *m, double *x, FILE *trace, adc_optim_result *r) {
    switch (m->driver) {
    case FIRST_ORDER: {
        adc_first_order_options o = update_rule(m, trace);
        return adc_first_order(2, x, rosenbrock_fg, NULL, &o, r);
    }
    case SGD: {
        adc_sgd_options o = adc_sgd_defaults(m->rule);
        o.update = update_rule(m, NULL);
        o.update.common.progress = trace_full_objective;
        o.update.common.progress_ctx = trace;
        o.update.common.gtol = 0;  /* one term's gradient vanishes all along y = x^2 */
        o.batch_size = 1;
        return adc_sgd(2, x, rosenbrock_fg_batch, 2, NULL, &o, r);
    }
    case ZERO_ORDER: {
        adc_zero_order_options o = adc_zero_order_defaults(m->estimator);
        o.update = update_rule(m, trace);
        if (m->estimator == ADC_ZO_TWO_POINT)
            o.update.common.gtol = 0;
        return adc_zero_order(2, x, rosenbrock_f, NULL, &o, r);
    }
    case LBFGS: {
        adc_lbfgs_options o = adc_lbfgs_defaults();
        o.common = stopping_rules(trace);
        return adc_lbfgs(2, x, rosenbrock_fg, NULL, &o, r);
    }
    case NEWTON_CG: {
        adc_newton_cg_options o = adc_newton_cg_defaults();
        o.common = stopping_rules(trace);
        return adc_newton_cg(2, x, rosenbrock_fg, rosenbrock_hv, NULL, &o, r);
    }
    }
    return ADC_EINVAL;
}

static const char *short_status(adc_status s) {
    switch (s) {
    case ADC_CONVERGED_GTOL: return "converged";
    case ADC_MAX_ITERATIONS: return "iteration limit";
    default: return adc_status_string(s);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTPUT_DIRECTORY\n", argv[0]);
        return 2;
    }
    printf("| method | status | iterations | evaluations | f | distance to (1, 1) |\n");
    printf("|---|---|---:|---:|---:|---:|\n");
    int failures = 0;
    for (size_t k = 0; k < sizeof methods / sizeof *methods; k++) {
        const method *m = &methods[k];
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.csv", argv[1], m->name);
        FILE *trace = fopen(path, "w");
        if (!trace) {
            perror(path);
            return 1;
        }
        double x[2] = {-1.2, 1.0};
        adc_optim_result r;
        adc_status s = run(m, x, trace, &r);
        fclose(trace);
        failures += s < 0;
        char evaluations[64];
        if (r.hv_evaluations)
            snprintf(evaluations, sizeof evaluations, "%d + %d Hv", r.evaluations,
                     r.hv_evaluations);
        else
            snprintf(evaluations, sizeof evaluations, "%d", r.evaluations);
        printf("| %s | %s | %d | %s | %.2e | %.2e |\n", m->name, short_status(s), r.iterations,
               evaluations, r.f, hypot(x[0] - 1, x[1] - 1));
    }
    return failures ? 1 : 0;
}
