/* harness.h: the checks difftest runs on one generated program. A program from gen.c defines
 *     double f(double a, int n, const double *x, int m, double *y)
 * then, under DIFFTEST_MAIN, defines DT_SEED, DT_NX (n), DT_NY (m), DT_W (vector width, 0: no
 * tangent_vector mode), DT_FLOAT (float arithmetic inside), DT_HVP (mode hvp) and includes this file, which calls
 * what adc generated for f. Inputs are packed as in = (a, x, y on entry), outputs as
 * out = (f, y on return). Checks, each printed as "FAIL <check>: ..." when it fails:
 *   primal values returned by f_tangent, f_tangent_vector, f_adjoint, f_grad equal f's bit for bit;
 *   tangent against Richardson-extrapolated central differences (tangent-fd);
 *   dot-product test <J v, w> = <v, J^T w> between f_tangent and f_adjoint (dot-test);
 *   each direction of f_tangent_vector against f_tangent (tangent-vector);
 *   f_grad against f_adjoint seeded (1, 0...) (grad), and it overwrites its outputs;
 *   f_hvp against finite differences of f_grad (hvp-fd), the symmetry <u2, H u> = <u, H u2>
 *   (hvp-symmetry), and f_hvp leaves y as on entry.
 * A finite-difference check that fails at the point is repeated at a nearby point: if it
 * passes there, the program has a kink next to the point (a branch that flips, fmin, ...)
 * and the check counts as skipped (exit status 3), not failed. Exit status: 0 all passed,
 * 1 a check failed, 3 passed but a finite-difference check was skipped, 4 the primal is not
 * finite or huge at the point (the program is discarded). Before each check its name is
 * printed, so that a crash can be attributed. */
#include <adc_check.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NIN (1 + DT_NX + DT_NY)
#define NOUT (1 + DT_NY)
#if DT_FLOAT
#define FD_TOL 1e-2    /* single-precision rounding over a step of 1e-3 (see tests/e2e/e2e.h) */
#define FD_ABS 1e-4
#define EXACT_TOL 1e-5
#else
#define FD_TOL 1e-6
#define FD_ABS 1e-9
#define EXACT_TOL 1e-10
#endif

double f_tangent(double, double, int, const double *, const double *, int, double *, double *,
                 double *);
double f_adjoint(double, double *, int, const double *, double *, int, double *, double *, double);
double f_grad(double, int, const double *, int, double *, double *, double *, double *);
#if DT_HVP
int f_hvp(double, const double, double *, int, const double *, const double *, double *, int,
          double *, const double *, double *);
#endif
#if DT_W
double f_tangent_vector(double, const double[DT_W], int, const double *, const double (*)[DT_W],
                        int, double *, double (*)[DT_W], double *);
#endif

static int failures, skipped;

static void stage(const char *check) {
    printf("check %s\n", check);
    fflush(stdout);
}

__attribute__((format(printf, 2, 3)))
static void fail(const char *check, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL %s: ", check);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    failures++;
}

/* Deterministic values in [lo, hi). */
static void fill(double *a, int n, uint64_t seed, double lo, double hi) {
    uint64_t s = 0x9E3779B97F4A7C15ull * (seed + 1);
    for (int i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        a[i] = lo + (hi - lo) * ((double)(s >> 11) / 9007199254740992.0);
    }
}

static void expect_same(const char *check, const double *got, const double *want, int n) {
    for (int i = 0; i < n; i++)
        if (memcmp(&got[i], &want[i], sizeof got[i]) != 0) {
            fail(check, "component %d: %.17g, f gives %.17g", i, got[i], want[i]);
            return;
        }
}

/* got equals want to tol, relative to max(|got_i|, |want_i|, 1e-8 max_j |want_j|, 1e-4): the
 * adjoints are computed on top of pre-filled values near 1, which costs about 1e-16 absolute. */
static void expect_close(const char *check, const double *got, const double *want, int n,
                         double tol) {
    double big = 0.0;
    for (int i = 0; i < n; i++)
        big = fmax(big, fabs(want[i]));
    for (int i = 0; i < n; i++) {
        double scale = fmax(fmax(fabs(got[i]), fabs(want[i])), fmax(1e-8 * big, 1e-4));
        if (!(fabs(got[i] - want[i]) <= tol * scale)) {
            fail(check, "component %d: %.17g, expected %.17g", i, got[i], want[i]);
            return;
        }
    }
}

/* ---- f and its derivatives on packed vectors ------------------------------------------- */

/* Unpacks in = (a, x, y) into arrays of their own (so that the sanitizers see x[n] as out of
 * bounds); returns a. */
static double unpack(const double *in, double *x, double *y) {
    memcpy(x, in + 1, sizeof(double) * DT_NX);
    memcpy(y, in + 1 + DT_NX, sizeof(double) * DT_NY);
    return in[0];
}

/* Packs a result and y into out = (value, y). */
static void pack(double value, const double *y, double *out) {
    out[0] = value;
    memcpy(out + 1, y, sizeof(double) * DT_NY);
}

static void primal(const double *in, double *out, void *ctx) {
    double x[DT_NX], y[DT_NY];
    (void)ctx;
    double a = unpack(in, x, y);
    pack(f(a, DT_NX, x, DT_NY, y), y, out);
}

/* jv = J v; the outputs computed on the way go to out. */
static void tangent(const double *in, const double *v, double *out, double *jv) {
    double x[DT_NX], y[DT_NY], x_d[DT_NX], y_d[DT_NY], f_d;
    double a = unpack(in, x, y), a_d = unpack(v, x_d, y_d);
    pack(f_tangent(a, a_d, DT_NX, x, x_d, DT_NY, y, y_d, &f_d), y, out);
    pack(f_d, y_d, jv);
}

static void tangent_only(const double *in, const double *v, double *jv) {
    double out[NOUT];
    tangent(in, v, out, jv);
}

/* jtw = J^T w (the input adjoints are pre-filled: f_adjoint must add to them). */
static double adjoint(const double *in, const double *w, double *jtw) {
    double x[DT_NX], y[DT_NY], pre[NIN], x_b[DT_NX], y_b[DT_NY];
    double a = unpack(in, x, y);
    fill(pre, NIN, 99, 0.5, 1.0);
    double a_b = unpack(pre, x_b, y_b);
    memcpy(y_b, w + 1, sizeof y_b);
    double value = f_adjoint(a, &a_b, DT_NX, x, x_b, DT_NY, y, y_b, w[0]);
    jtw[0] = a_b - pre[0];
    for (int i = 0; i < DT_NX; i++)
        jtw[1 + i] = x_b[i] - pre[1 + i];
    memcpy(jtw + 1 + DT_NX, y_b, sizeof y_b);
    return value;
}

static double grad(const double *in, double *g) {
    double x[DT_NX], y[DT_NY], x_grad[DT_NX], y_grad[DT_NY], a_grad = 1e30;
    double a = unpack(in, x, y);
    for (int i = 0; i < DT_NX; i++)
        x_grad[i] = 1e30;
    for (int i = 0; i < DT_NY; i++)
        y_grad[i] = 1e30;
    double value = f_grad(a, DT_NX, x, DT_NY, y, &a_grad, x_grad, y_grad);
    g[0] = a_grad;
    memcpy(g + 1, x_grad, sizeof x_grad);
    memcpy(g + 1 + DT_NX, y_grad, sizeof y_grad);
    return value;
}

#if DT_HVP
static void gradient(const double *in, double *g, void *ctx) {
    (void)ctx;
    grad(in, g);
}

static void hvp(const double *in, const double *u, double *hu) {
    double x[DT_NX], y[DT_NY], x_v[DT_NX], y_v[DT_NY], x_hv[DT_NX], y_hv[DT_NY], a_hv;
    double a = unpack(in, x, y), a_v = unpack(u, x_v, y_v);
    int status = f_hvp(a, a_v, &a_hv, DT_NX, x, x_v, x_hv, DT_NY, y, y_v, y_hv);
    if (status != 0)
        fail("hvp", "f_hvp returned %d", status);
    expect_same("hvp-keeps-y", y, in + 1 + DT_NX, DT_NY);
    hu[0] = a_hv;
    memcpy(hu + 1, x_hv, sizeof x_hv);
    memcpy(hu + 1 + DT_NX, y_hv, sizeof y_hv);
}
#endif

/* ---- checks ------------------------------------------------------------------------------ */

typedef void (*derivative_fn)(const double *in, const double *v, double *dv);

static adc_vector_fn component_of;
static int component;

static void one_component(const double *in, double *out, void *ctx) {
    double all[NIN > NOUT ? NIN : NOUT];
    component_of(in, all, ctx);
    out[0] = all[component];
}

/* dv agrees with finite differences of fn along v: to FD_TOL relative, or, component by
 * component, to FD_ABS absolute (a component far below the others is at the resolution of the
 * difference quotients: noise of about 1e-13 in double, 1e-4 in float). */
static int fd_agrees(int m, const double *p, const double *v, derivative_fn d, adc_vector_fn fn,
                     adc_check_result *r) {
    double dv[NIN > NOUT ? NIN : NOUT];
    adc_check_result one;
    d(p, v, dv);
    if (adc_check_tangent(NIN, m, p, v, dv, fn, NULL, FD_TOL, r, NULL) == ADC_CHECK_PASS)
        return 1;
    component_of = fn;
    for (component = 0; component < m; component++)
        if (adc_check_tangent(NIN, 1, p, v, &dv[component], one_component, NULL, FD_TOL, &one,
                              NULL) != ADC_CHECK_PASS &&
            !(fabs(one.worst_ad - one.worst_ref) < FD_ABS))
            return 0;
    return 1;
}

/* d(p, v) (m components) against finite differences of fn along v, at p or, when a kink is
 * near p, at a point nearby. */
static void check_fd(const char *check, int m, const double *p, const double *v, derivative_fn d,
                     adc_vector_fn fn) {
    adc_check_result r, near_r;
    double near[NIN], shift[NIN];
    stage(check);
    if (fd_agrees(m, p, v, d, fn, &r))
        return;
    fill(shift, NIN, DT_SEED + 5, -0.01, 0.01);
    for (int i = 0; i < NIN; i++)
        near[i] = p[i] + shift[i];
    if (fd_agrees(m, near, v, d, fn, &near_r)) {
        printf("skip %s: kink near the point (error %.2e there, component %d)\n", check,
               r.max_error, r.worst);
        skipped++;
        return;
    }
    fail(check, "component %d: ad=%.17g fd=%.17g (error %.2e; nearby: %.2e)", r.worst, r.worst_ad,
         r.worst_ref, r.max_error, near_r.max_error);
}

static void check_dot(const char *check, int n, int m, const double *v, const double *jv,
                      const double *w, const double *jtw) {
    adc_check_result r;
    stage(check);
    if (adc_check_adjoint(n, m, v, jv, w, jtw, EXACT_TOL, &r, NULL) != ADC_CHECK_PASS)
        fail(check, "<J v, w> = %.17g, <v, J^T w> = %.17g (error %.2e)", r.worst_ref, r.worst_ad,
             r.max_error);
}

#if DT_W
static void check_vector(const double *p, const double *out0) {
    double dirs[DT_W][NIN], a_d[DT_W], x_d[DT_NX][DT_W], y_d[DT_NY][DT_W], f_d[DT_W];
    double y[DT_NY], value;
    stage("tangent-vector");
    for (int k = 0; k < DT_W; k++) {
        fill(dirs[k], NIN, DT_SEED + 10 + (uint64_t)k, -1.0, 1.0);
        a_d[k] = dirs[k][0];
        for (int i = 0; i < DT_NX; i++)
            x_d[i][k] = dirs[k][1 + i];
        for (int i = 0; i < DT_NY; i++)
            y_d[i][k] = dirs[k][1 + DT_NX + i];
    }
    double x[DT_NX], a = unpack(p, x, y);
    value = f_tangent_vector(a, a_d, DT_NX, x, (const double (*)[DT_W])x_d, DT_NY, y, y_d, f_d);
    expect_same("tangent-vector-value", &value, out0, 1);
    expect_same("tangent-vector-outputs", y, out0 + 1, DT_NY);
    for (int k = 0; k < DT_W; k++) {
        double got[NOUT], want[NOUT];
        got[0] = f_d[k];
        for (int i = 0; i < DT_NY; i++)
            got[1 + i] = y_d[i][k];
        tangent_only(p, dirs[k], want);
        expect_close("tangent-vector", got, want, NOUT, EXACT_TOL);
    }
}
#endif

static void check_grad(const double *p, const double *out0) {
    double g[NIN], e0[NOUT] = {1.0}, want[NIN];
    stage("grad");
    double value = grad(p, g);
    expect_same("grad-value", &value, out0, 1);
    adjoint(p, e0, want);
    expect_close("grad", g, want, NIN, EXACT_TOL);
}

#if DT_HVP
static void check_hvp(const double *p) {
    double u[NIN], u2[NIN], hu[NIN], hu2[NIN];
    fill(u, NIN, DT_SEED + 20, -1.0, 1.0);
    fill(u2, NIN, DT_SEED + 21, -1.0, 1.0);
    check_fd("hvp-fd", NIN, p, u, hvp, gradient);
    hvp(p, u, hu);
    hvp(p, u2, hu2);
    check_dot("hvp-symmetry", NIN, NIN, u, hu, u2, hu2);
}
#endif

int main(void) {
    double p[NIN], v[NIN], w[NOUT], out0[NOUT], again[NOUT], out[NOUT], jv[NOUT], jtw[NIN];
    fill(p, NIN, DT_SEED, -1.0, 1.0);
    fill(v, NIN, DT_SEED + 1, -1.0, 1.0);
    fill(w, NOUT, DT_SEED + 2, -1.0, 1.0);
    stage("primal");
    primal(p, out0, NULL);
    for (int i = 0; i < NOUT; i++)
        if (!(fabs(out0[i]) < 1e12)) {
            printf("discard: output %d is %g at the point\n", i, out0[i]);
            return 4;
        }
    primal(p, again, NULL);
    expect_same("primal-deterministic", again, out0, NOUT);

    stage("tangent");
    tangent(p, v, out, jv);
    expect_same("tangent-value", out, out0, NOUT);
    check_fd("tangent-fd", NOUT, p, v, tangent_only, primal);
    stage("adjoint");
    double value = adjoint(p, w, jtw);
    expect_same("adjoint-value", &value, out0, 1);
    check_dot("dot-test", NIN, NOUT, v, jv, w, jtw);
#if DT_W
    check_vector(p, out0);
#endif
    check_grad(p, out0);
#if DT_HVP
    check_hvp(p);
#endif
    printf("%s (%d failed, %d skipped)\n", failures ? "FAIL" : "PASS", failures, skipped);
    return failures ? 1 : skipped ? 3 : 0;
}
