/* e2e.h: shared harness of the end-to-end derivative tests (tests/e2e/cases/NAME.c).
 *
 * Each case packs its active inputs into one vector x[0..n) (and, when the function is
 * vector-valued, its active outputs into y[0..m)) and gives the harness small adapters that
 * unpack them and call the primal and the generated NAME_tangent / NAME_adjoint / NAME_grad.
 * The harness runs the checks of include/adc_check.h and prints one line per check:
 *
 *     PASS <case>: <label>: <check> (<detail>)
 *
 * e2e_finish() prints a summary and returns the exit status of main (0 only if all passed).
 * Everything here is static inline so that a case that uses only part of it compiles cleanly
 * with -Wall -Wextra -Werror. */
#ifndef ADC_E2E_H
#define ADC_E2E_H

#include <adc_check.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Tolerances. Finite-difference checks: 1e-6 relative per component (adc_check_* uses
 * Richardson-extrapolated central differences, good to about 1e-9 on smooth functions).
 * Dot-product test <J v, w> = <v, J^T w>, primal values returned by generated code, seed
 * scaling and adjoint increments: 1e-12. Closed-form derivatives: 1e-10.
 * Float cases: the primal is evaluated in single precision, so a central difference with the
 * step of adc_check (1e-3 relative) carries a rounding error of about eps_f * |f| / (h |f'|)
 * = 6e-8 / 1e-3 * |f / f'|, amplified about 3 times by the Richardson extrapolation: errors of
 * 1e-3 to 2e-3 are normal for components smaller than f, so finite-difference checks of float
 * cases use 1e-2, identities between generated float derivatives (value, dot product, seed,
 * increments) 1e-5, and closed forms evaluated in double 1e-4 (E2E_FLOAT_CLOSED_TOL). */
#define E2E_FD_TOL 1e-6
#define E2E_EXACT_TOL 1e-12
#define E2E_CLOSED_TOL 1e-10
#define E2E_FLOAT_FD_TOL 1e-2
#define E2E_FLOAT_EXACT_TOL 1e-5
#define E2E_FLOAT_CLOSED_TOL 1e-4

typedef struct e2e_state {
    const char *case_name;
    int checks;
    int failures;
} e2e_state;

static inline e2e_state *e2e_state_(void) {
    static e2e_state s = {"?", 0, 0};
    return &s;
}

static inline void e2e_begin(const char *case_name) {
    e2e_state_()->case_name = case_name;
}

/* Records one check and prints its line; returns ok. */
__attribute__((format(printf, 3, 4)))
static inline int e2e_report(int ok, const char *label, const char *fmt, ...) {
    e2e_state *s = e2e_state_();
    s->checks++;
    if (!ok)
        s->failures++;
    printf("%s %s: %s: ", ok ? "PASS" : "FAIL", s->case_name, label);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return ok;
}

/* Reports the status of an adc_check_* call. */
static inline int e2e_check_status(const char *label, const char *what, int status,
                                   const adc_check_result *r) {
    return e2e_report(status == ADC_CHECK_PASS, label,
                      "%s (status %d, max error %.2e at %d: ad=%.10e ref=%.10e)", what, status,
                      r->max_error, r->worst, r->worst_ad, r->worst_ref);
}

/* Prints the summary; the return value is main's exit status. */
static inline int e2e_finish(void) {
    e2e_state *s = e2e_state_();
    printf("%s: %d checks, %d failed\n", s->case_name, s->checks, s->failures);
    return s->failures == 0 && s->checks > 0 ? 0 : 1;
}

/* Deterministic values in [lo, hi) (64-bit LCG, top 53 bits). */
static inline void e2e_fill(double *a, int n, unsigned seed, double lo, double hi) {
    uint64_t s = 0x9E3779B97F4A7C15ull * (uint64_t)(seed + 1u);
    for (int i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        double u = (double)(s >> 11) * (1.0 / 9007199254740992.0);
        a[i] = lo + (hi - lo) * u;
    }
}

static inline double e2e_dot(const double *a, const double *b, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* Compares got[0..n) with want[0..n): error of component i is
 * |got_i - want_i| / max(|got_i|, |want_i|, 1e-6 * max_j |want_j|), so a component that
 * should vanish is judged against the scale of the whole vector. */
static inline int e2e_expect_close(const char *label, const char *what, const double *got,
                                   const double *want, int n, double tol) {
    double big = 0.0;
    for (int i = 0; i < n; i++)
        big = fmax(big, fabs(want[i]));
    double worst = 0.0;
    int at = 0;
    for (int i = 0; i < n; i++) {
        double scale = fmax(fmax(fabs(got[i]), fabs(want[i])), 1e-6 * big);
        double e = scale > 0.0 ? fabs(got[i] - want[i]) / scale : 0.0;
        if (!isfinite(got[i]) || !isfinite(want[i]))
            e = INFINITY;
        if (e > worst || i == 0) {
            worst = e;
            at = i;
        }
    }
    return e2e_report(worst <= tol, label, "%s (max error %.2e at %d: got=%.10e want=%.10e)",
                      what, worst, at, n > 0 ? got[at] : 0.0, n > 0 ? want[at] : 0.0);
}

static inline int e2e_expect_value(const char *label, const char *what, double got, double want,
                                   double tol) {
    return e2e_expect_close(label, what, &got, &want, 1, tol);
}

/* ---- Hessians ---------------------------------------------------------------------------- */

/* h (n x n, row-major) equals its transpose to round-off. */
static inline int e2e_expect_symmetric(const char *label, const double *h, int n) {
    double *transposed = malloc(sizeof *transposed * (size_t)n * (size_t)n);
    if (!transposed)
        return e2e_report(0, label, "Hessian is symmetric (out of memory)");
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            transposed[i * n + j] = h[j * n + i];
    int ok = e2e_expect_close(label, "Hessian is symmetric", h, transposed, n * n, E2E_EXACT_TOL);
    free(transposed);
    return ok;
}

/* The exact Hessian of Rosenbrock's sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2. */
static inline void e2e_rosenbrock_hessian(int n, const double *x, double *h) {
    for (int k = 0; k < n * n; k++)
        h[k] = 0.0;
    for (int i = 0; i + 1 < n; i++) {
        h[i * n + i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i * n + i + 1] += -400.0 * x[i];
        h[(i + 1) * n + i] += -400.0 * x[i];
        h[(i + 1) * n + i + 1] += 200.0;
    }
}

/* ---- scalar-valued functions: f_grad, f_tangent, f_adjoint ---------------------------- */

typedef struct e2e_scalar {
    const char *label;   /* names this point/function in the output */
    int n;               /* number of packed active inputs */
    const double *x;     /* the point */
    adc_scalar_fn f;     /* the primal on the packed vector */
    /* Calls NAME_grad: stores the gradient in g[0..n) and returns its value. */
    double (*grad)(const double *x, double *g, void *ctx);
    /* Calls NAME_tangent with direction v: stores the derivative along v in *dv and returns
     * the primal value. */
    double (*tangent)(const double *x, const double *v, double *dv, void *ctx);
    /* Calls NAME_adjoint: increments xb[0..n) by seed * gradient and returns the value.
     * May be NULL. */
    double (*adjoint)(const double *x, double *xb, double seed, void *ctx);
    /* Calls NAME_hvp with direction v: stores H v in hv[0..n) and returns its status (0 on
     * success). May be NULL. */
    int (*hvp)(const double *x, const double *v, double *hv, void *ctx);
    void *ctx;
    double fd_tol;       /* 0 means E2E_FD_TOL */
    double exact_tol;    /* 0 means E2E_EXACT_TOL */
} e2e_scalar;

typedef struct e2e_scalar_closure {
    adc_scalar_fn f;
    void *ctx;
} e2e_scalar_closure;

static inline void e2e_scalar_as_vector(const double *x, double *y, void *ctx) {
    const e2e_scalar_closure *c = (const e2e_scalar_closure *)ctx;
    y[0] = c->f(x, c->ctx);
}

static inline void e2e_grad_as_vector(const double *x, double *g, void *ctx) {
    const e2e_scalar *c = (const e2e_scalar *)ctx;
    c->grad(x, g, c->ctx);
}

/* NAME_hvp at c->x along two deterministic directions v and w: H v against finite differences
 * of NAME_grad along v, and the symmetry of H, <v, H w> = <w, H v> (two routes through the
 * same second derivatives, so to E2E_CLOSED_TOL). */
static inline void e2e_run_hvp(const e2e_scalar *c, double fd_tol) {
    int n = c->n;
    double *v = malloc(4 * (size_t)n * sizeof *v);
    if (!v) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    double *w = v + n, *hv = w + n, *hw = hv + n;
    e2e_fill(v, n, 11u, -1.0, 1.0);
    e2e_fill(w, n, 13u, -1.0, 1.0);
    e2e_report(c->hvp(c->x, v, hv, c->ctx) == 0, c->label, "hvp status along v");
    e2e_report(c->hvp(c->x, w, hw, c->ctx) == 0, c->label, "hvp status along w");
    adc_check_result r;
    int st = adc_check_tangent(n, n, c->x, v, hv, e2e_grad_as_vector, (void *)c, fd_tol, &r, NULL);
    e2e_check_status(c->label, "hvp vs finite differences of the gradient", st, &r);
    e2e_expect_value(c->label, "<v, H w> = <w, H v>", e2e_dot(v, hw, n), e2e_dot(w, hv, n), E2E_CLOSED_TOL);
    free(v);
}

/* Runs the checks of a scalar-valued function at c->x:
 *  - NAME_grad (output pre-filled with garbage: it must zero it) against finite differences;
 *  - NAME_tangent along a deterministic direction v against finite differences;
 *  - dot-product test: the tangent along v equals <grad, v>;
 *  - NAME_adjoint, if given, with seed 2 on adjoints pre-filled with p_i: they must become
 *    p_i + 2 grad_i (the seed scales, adjoints are incremented, not overwritten);
 *  - the value returned by every generated function equals the primal's;
 *  - NAME_hvp, if given: e2e_run_hvp.
 * If grad_out is not NULL the gradient from NAME_grad is stored there (for closed forms). */
static inline void e2e_run_scalar(const e2e_scalar *c, double *grad_out) {
    int n = c->n;
    double fd_tol = c->fd_tol > 0 ? c->fd_tol : E2E_FD_TOL;
    double exact_tol = c->exact_tol > 0 ? c->exact_tol : E2E_EXACT_TOL;
    if (grad_out)
        for (int i = 0; i < n; i++)
            grad_out[i] = NAN;
    double *g = malloc(5 * (size_t)n * sizeof *g);
    if (!g) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    double *v = g + n, *xb = v + n, *pre = xb + n, *want = pre + n;
    adc_check_result r;
    double f0 = c->f(c->x, c->ctx);
    e2e_report(isfinite(f0), c->label, "primal value is finite (%.17g)", f0);

    for (int i = 0; i < n; i++)
        g[i] = 1e30;
    double fg = c->grad(c->x, g, c->ctx);
    e2e_expect_value(c->label, "value returned by grad", fg, f0, exact_tol);
    int st = adc_check_gradient(n, c->x, g, c->f, c->ctx, fd_tol, &r, NULL);
    e2e_check_status(c->label, "grad vs finite differences", st, &r);

    e2e_fill(v, n, 7u, -1.0, 1.0);
    double dv = NAN;
    double ft = c->tangent(c->x, v, &dv, c->ctx);
    e2e_expect_value(c->label, "value returned by tangent", ft, f0, exact_tol);
    e2e_scalar_closure sc = {c->f, c->ctx};
    st = adc_check_tangent(n, 1, c->x, v, &dv, e2e_scalar_as_vector, &sc, fd_tol, &r, NULL);
    e2e_check_status(c->label, "tangent vs finite differences", st, &r);
    double one = 1.0;
    st = adc_check_adjoint(n, 1, v, &dv, &one, g, exact_tol, &r, NULL);
    e2e_check_status(c->label, "dot-product test tangent vs grad", st, &r);

    if (c->adjoint) {
        for (int i = 0; i < n; i++) {
            pre[i] = 0.5 + 0.125 * (i % 7);
            xb[i] = pre[i];
            want[i] = pre[i] + 2.0 * g[i];
        }
        double fa = c->adjoint(c->x, xb, 2.0, c->ctx);
        e2e_expect_value(c->label, "value returned by adjoint", fa, f0, exact_tol);
        e2e_expect_close(c->label, "adjoint with seed 2 adds 2*grad to pre-filled adjoints", xb,
                         want, n, exact_tol);
    }
    if (c->hvp)
        e2e_run_hvp(c, fd_tol);
    if (grad_out)
        for (int i = 0; i < n; i++)
            grad_out[i] = g[i];
    free(g);
}

/* ---- vector-valued functions: f_tangent, f_adjoint ------------------------------------ */

typedef struct e2e_vector {
    const char *label;
    int n, m;            /* packed active inputs and outputs */
    const double *x;
    adc_vector_fn f;     /* the primal: packed inputs to packed outputs */
    /* Calls NAME_tangent with input tangents v: stores the outputs in y[0..m) and their
     * tangents in jv[0..m). */
    void (*tangent)(const double *x, const double *v, double *y, double *jv, void *ctx);
    /* Calls NAME_adjoint with output seeds w[0..m): stores J^T w in jtw[0..n) (zeroed by the
     * harness before the call). */
    void (*adjoint)(const double *x, const double *w, double *jtw, void *ctx);
    void *ctx;
    double fd_tol;       /* 0 means E2E_FD_TOL */
    double exact_tol;    /* 0 means E2E_EXACT_TOL */
} e2e_vector;

/* Runs the checks of a vector-valued function at c->x: the outputs computed by NAME_tangent
 * equal the primal's, its tangents match finite differences, and the dot-product test
 * <J v, w> = <v, J^T w> between NAME_tangent and NAME_adjoint. */
static inline void e2e_run_vector(const e2e_vector *c) {
    int n = c->n, m = c->m;
    double fd_tol = c->fd_tol > 0 ? c->fd_tol : E2E_FD_TOL;
    double exact_tol = c->exact_tol > 0 ? c->exact_tol : E2E_EXACT_TOL;
    double *buf = malloc((2 * (size_t)n + 4 * (size_t)m) * sizeof *buf);
    if (!buf) {
        e2e_report(0, c->label, "out of memory");
        return;
    }
    double *v = buf, *jtw = v + n, *y0 = jtw + n, *y = y0 + m, *jv = y + m, *w = jv + m;
    adc_check_result r;
    c->f(c->x, y0, c->ctx);
    int finite = 1;
    for (int k = 0; k < m; k++)
        finite = finite && isfinite(y0[k]);
    e2e_report(finite, c->label, "primal outputs are finite");

    e2e_fill(v, n, 11u, -1.0, 1.0);
    for (int k = 0; k < m; k++)
        y[k] = jv[k] = NAN;
    c->tangent(c->x, v, y, jv, c->ctx);
    e2e_expect_close(c->label, "outputs computed by tangent", y, y0, m, exact_tol);
    int st = adc_check_tangent(n, m, c->x, v, jv, c->f, c->ctx, fd_tol, &r, NULL);
    e2e_check_status(c->label, "tangent vs finite differences", st, &r);

    e2e_fill(w, m, 13u, -1.0, 1.0);
    for (int i = 0; i < n; i++)
        jtw[i] = 0.0;
    c->adjoint(c->x, w, jtw, c->ctx);
    st = adc_check_adjoint(n, m, v, jv, w, jtw, exact_tol, &r, NULL);
    e2e_check_status(c->label, "dot-product test tangent vs adjoint", st, &r);
    free(buf);
}

#endif
