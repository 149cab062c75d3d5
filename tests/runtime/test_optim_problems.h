/* test_optim_problems.h: the test problems of the optimizer tests, with hand-written
 * gradients and Hessian-vector products: a rotated convex quadratic of chosen condition
 * number, 2-D Rosenbrock, L2-regularized logistic regression on deterministic data, and the
 * hinge-loss SVM homework; and assert_near, a double-precision tolerance assertion (include
 * cmocka.h first). Everything is static inline so each test includes what it uses. */
#ifndef TEST_OPTIM_PROBLEMS_H
#define TEST_OPTIM_PROBLEMS_H

#include <math.h>
#include "adc_runtime.h"

/* ---- f(x) = 1/2 (x - x*)^T A (x - x*), A = Q diag(lambda) Q, Q a Householder reflection,
 * eigenvalues from 1 to `condition` in geometric steps. ---- */

enum { QUAD_N = 6 };

typedef struct quadratic {
    double a[QUAD_N][QUAD_N];
    double xstar[QUAD_N];
} quadratic;

static inline void quadratic_init(quadratic *q, double condition) {
    const double v[QUAD_N] = {1, -2, 0.5, 3, -1, 2};
    double vv = 0;
    for (int i = 0; i < QUAD_N; i++)
        vv += v[i] * v[i];
    for (int i = 0; i < QUAD_N; i++) {
        for (int j = 0; j < QUAD_N; j++) {
            double sum = 0;
            for (int k = 0; k < QUAD_N; k++) {
                double qik = (i == k) - 2 * v[i] * v[k] / vv;
                double qkj = (k == j) - 2 * v[k] * v[j] / vv;
                sum += qik * pow(condition, (double)k / (QUAD_N - 1)) * qkj;
            }
            q->a[i][j] = sum;
        }
        q->xstar[i] = 1.0 + 0.5 * i;
    }
}

static inline double quadratic_fg(const double *x, double *g, void *ctx) {
    const quadratic *q = ctx;
    double f = 0;
    for (int i = 0; i < QUAD_N; i++) {
        g[i] = 0;
        for (int j = 0; j < QUAD_N; j++)
            g[i] += q->a[i][j] * (x[j] - q->xstar[j]);
        f += 0.5 * (x[i] - q->xstar[i]) * g[i];
    }
    return f;
}

static inline double quadratic_f(const double *x, void *ctx) {
    double g[QUAD_N];
    return quadratic_fg(x, g, ctx);
}

static inline void quadratic_hv(const double *x, const double *v, double *hv, void *ctx) {
    const quadratic *q = ctx;
    (void)x;
    for (int i = 0; i < QUAD_N; i++) {
        hv[i] = 0;
        for (int j = 0; j < QUAD_N; j++)
            hv[i] += q->a[i][j] * v[j];
    }
}

static inline void quadratic_start(double *x) {
    for (int i = 0; i < QUAD_N; i++)
        x[i] = 0.0;
}

/* ---- Rosenbrock: f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). ---- */

static inline double rosenbrock_fg(const double *x, double *g, void *ctx) {
    (void)ctx;
    double a = 1 - x[0], b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
}

static inline double rosenbrock_f(const double *x, void *ctx) {
    double g[2];
    return rosenbrock_fg(x, g, ctx);
}

static inline void rosenbrock_hv(const double *x, const double *v, double *hv, void *ctx) {
    (void)ctx;
    double h00 = 2 - 400 * (x[1] - x[0] * x[0]) + 800 * x[0] * x[0];
    double h01 = -400 * x[0];
    hv[0] = h00 * v[0] + h01 * v[1];
    hv[1] = h01 * v[0] + 200 * v[1];
}

/* ---- Logistic regression: samples (features z_i in R^3 plus a bias, label y_i = +-1),
 * loss(w) = mean log(1 + exp(-y_i w.z_i)) + lambda/2 ||w||^2 over a batch. ---- */

enum { LOGIT_SAMPLES = 60, LOGIT_N = 4 };

typedef struct logistic {
    double z[LOGIT_SAMPLES][LOGIT_N];
    double y[LOGIT_SAMPLES];
    double lambda;
    int all[LOGIT_SAMPLES];
} logistic;

/* Gaussian features, labels from a fixed linear rule with every seventh label flipped. */
static inline void logistic_init(logistic *p) {
    const double w_true[LOGIT_N] = {1.5, -2.0, 0.5, 0.3};
    adc_rng rng;
    adc_rng_seed(&rng, 2024);
    for (int i = 0; i < LOGIT_SAMPLES; i++) {
        double s = 0;
        for (int j = 0; j < LOGIT_N; j++) {
            p->z[i][j] = j == LOGIT_N - 1 ? 1.0 : adc_rng_normal(&rng);
            s += w_true[j] * p->z[i][j];
        }
        p->y[i] = (s >= 0 ? 1.0 : -1.0) * (i % 7 == 3 ? -1.0 : 1.0);
        p->all[i] = i;
    }
    p->lambda = 1e-2;
}

static inline double logistic_fg_batch(const double *w, const int *batch, int size, double *g,
                                       void *ctx) {
    const logistic *p = ctx;
    double f = 0;
    for (int j = 0; j < LOGIT_N; j++)
        g[j] = 0;
    for (int k = 0; k < size; k++) {
        const double *z = p->z[batch[k]];
        double y = p->y[batch[k]], margin = 0;
        for (int j = 0; j < LOGIT_N; j++)
            margin += w[j] * z[j];
        margin *= y;
        f += margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin));
        double weight = -y / (1 + exp(margin));  /* d loss / d (w.z) */
        for (int j = 0; j < LOGIT_N; j++)
            g[j] += weight * z[j];
    }
    double penalty = 0;
    for (int j = 0; j < LOGIT_N; j++) {
        g[j] = g[j] / size + p->lambda * w[j];
        penalty += 0.5 * p->lambda * w[j] * w[j];
    }
    return f / size + penalty;
}

static inline double logistic_fg(const double *w, double *g, void *ctx) {
    const logistic *p = ctx;
    return logistic_fg_batch(w, p->all, LOGIT_SAMPLES, g, ctx);
}

static inline void logistic_hv(const double *w, const double *v, double *hv, void *ctx) {
    const logistic *p = ctx;
    for (int j = 0; j < LOGIT_N; j++)
        hv[j] = p->lambda * v[j];
    for (int i = 0; i < LOGIT_SAMPLES; i++) {
        double margin = 0, zv = 0;
        for (int j = 0; j < LOGIT_N; j++)
            margin += w[j] * p->z[i][j], zv += v[j] * p->z[i][j];
        double s = 1 / (1 + exp(-margin));
        for (int j = 0; j < LOGIT_N; j++)
            hv[j] += s * (1 - s) * zv * p->z[i][j] / LOGIT_SAMPLES;
    }
}

/* ---- Hinge-loss SVM homework: f(x, t) = x1 t1 + x2 t2 + t3,
 * L(t) = 0.1 ||t||^2 + mean max(0, 1 - y f(x, t)), minimized at t* = (5/4, 1, -1/4) with
 * L(t*) = 39/80 (point 3 sits exactly on the margin with multiplier 3/20). ---- */

enum { SVM_SAMPLES = 5, SVM_N = 3 };

static const double svm_x1[SVM_SAMPLES] = {0, 1, 1, -0.5, 0};
static const double svm_x2[SVM_SAMPLES] = {1, 1, 0, 0.5, -0.5};
static const double svm_y[SVM_SAMPLES] = {1, 1, 1, -1, -1};
static const double svm_theta_star[SVM_N] = {1.25, 1.0, -0.25};
static const double svm_loss_star = 39.0 / 80.0;

/* Loss and a subgradient over a batch (max(0, u) has subgradient 0 at u = 0). */
static inline double svm_fg_batch(const double *t, const int *batch, int size, double *g,
                                  void *ctx) {
    (void)ctx;
    double f = 0.1 * (t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
    for (int j = 0; j < SVM_N; j++)
        g[j] = 0.2 * t[j];
    for (int k = 0; k < size; k++) {
        int i = batch[k];
        double hinge = 1 - svm_y[i] * (svm_x1[i] * t[0] + svm_x2[i] * t[1] + t[2]);
        if (hinge <= 0)
            continue;
        f += hinge / size;
        g[0] -= svm_y[i] * svm_x1[i] / size;
        g[1] -= svm_y[i] * svm_x2[i] / size;
        g[2] -= svm_y[i] / size;
    }
    return f;
}

static inline double svm_fg(const double *t, double *g, void *ctx) {
    static const int all[SVM_SAMPLES] = {0, 1, 2, 3, 4};
    return svm_fg_batch(t, all, SVM_SAMPLES, g, ctx);
}

/* Fails the test unless |a - b| <= tol, printing both values. */
#define assert_near(a, b, tol) assert_near_at((a), (b), (tol), __FILE__, __LINE__)

static inline void assert_near_at(double a, double b, double tol, const char *file, int line) {
    if (!(fabs(a - b) <= tol)) {
        print_error("%.17g != %.17g (tolerance %g)\n", a, b, tol);
        _fail(file, line);
    }
}

static inline double distance(int n, const double *a, const double *b) {
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += (a[i] - b[i]) * (a[i] - b[i]);
    return sqrt(sum);
}

#endif
