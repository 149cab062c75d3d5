/* harness.h: the checks difftest runs on one generated program. A program from gen.c defines
 *     double f(double a, int n, const double *x, int m, double *y)
 * then, under DIFFTEST_MAIN, defines DT_SEED, DT_NX (n), DT_NY (m), DT_W (vector width, 0: no
 * tangent_vector mode), DT_FLOAT (float arithmetic inside), DT_HVP (mode hvp) and includes
 * this file, which calls what adc generated for f. Inputs are packed as in = (a, x, y on
 * entry), outputs as out = (f, y on return). Checks, each printed as "FAIL <check>: ..." when
 * it fails:
 *   primal values returned by f_tangent, f_tangent_vector, f_adjoint, f_grad equal f's bit for bit;
 *   tangent against Richardson-extrapolated central differences (tangent-fd);
 *   dot-product test <J v, w> = <v, J^T w> between f_tangent and f_adjoint (dot-test; where
 *   it fails, and J^T w summed from sweeps seeded with one output each, or J v summed from
 *   sweeps along one input each, passes it, skipped);
 *   each direction of f_tangent_vector against f_tangent (tangent-vector);
 *   f_grad against f_adjoint seeded (1, 0...) (grad), and it overwrites its outputs;
 *   f_hvp against finite differences of f_grad (hvp-fd), the symmetry <u2, H u> = <u, H u2>
 *   (hvp-symmetry), and f_hvp leaves y as on entry;
 *   DT_JAC: each column of f_jacobian_forward against f_tangent along the unit vector, each
 *   row of f_jacobian_reverse against f_adjoint seeded with the unit vector, f_jacobian against
 *   f_jacobian_forward (jacobian-columns, jacobian-rows, jacobian);
 *   DT_HESS: fh_hessian (the Hessian of f on in, by the vector route when DT_W) is symmetric,
 *   its product with u matches finite differences of f_grad, and each column is f_hvp along
 *   the unit vector (hessian-symmetry, hessian-fd, hessian-hvp).
 * A finite-difference check compares with differences at steps 1e-3, 1e-2, 1e-5 and 1e-7
 * (fd_compare); one that fails at the point is repeated at a nearby point: if it passes
 * there, the program has a kink next to the point (a branch that flips, fmin, ...) and the
 * check counts as skipped (exit status 3), not failed; so does one whose differences settle at
 * neither point (float rounding amplified into a staircase), and, in a float program, a
 * tangent that the differences of its double twin f_twin (check.sh) confirm (an hvp or Hessian
 * product: those of the twin's gradient, gradient_twin), and a derivative
 * that itself moves within the smallest step by half its disagreement (turns_within_step: the
 * differences are its mean over the step), or a function (or twin) that jumps within the
 * smallest step, its differences less the jumps agreeing (jumps_within_step: a staircase of
 * modf, round, ... finer than every step). Exit status: 0 all passed,
 * 1 a check failed, 3 passed but a finite-difference check was skipped, 4 the primal is not
 * finite or huge at the point, or overflows or makes a NaN on the way (the program is
 * discarded: its derivatives hold inf * 0). Before each check its name is
 * printed, so that a crash can be attributed. */
#include <adc_check.h>
#include <fenv.h>
#include <float.h>
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
/* Finite-difference steps relative to the usual 1e-3: 1e-3, 1e-2, 1e-5 (the fine step), 1e-7
 * (the finest; see fd_compare). */
#define FD_ZOOMS {1, 10, 1e-2, 1e-4}
enum { FD_FINE = 2, FD_FINEST = 3 };  /* their indices in FD_ZOOMS */

double f(double, int, const double *, int, double *); /* in p.c (check.sh: the harness is a
                                                        translation unit of its own) */
double f_tangent(double, double, int, const double *, const double *, int, double *, double *,
                 double *);
double f_adjoint(double, double *, int, const double *, double *, int, double *, double *, double);
double f_grad(double, int, const double *, int, double *, double *, double *, double *);
#if DT_HVP
int f_hvp(double, const double, double *, int, const double *, const double *, double *, int,
          double *, const double *, double *);
#endif
#if DT_JAC
int f_jacobian_forward(double, int, const double *, int, double *, double *);
int f_jacobian_reverse(double, int, const double *, int, double *, double *);
int f_jacobian(double, int, const double *, int, double *, double *);
#endif
#if DT_HESS
int fh_hessian(const double *, double *);
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

/* got equals want to tol, relative to max(|got_i|, |want_i|, BIG_FLOOR max_j |want_j|, 1e-4):
 * the adjoints are computed on top of pre-filled values near 1, which costs about 1e-16
 * absolute. In float a variable rounds the derivatives it carries to single precision, and an
 * entry that cancels (x + (float)-x) keeps that rounding, 6e-8 of the derivatives of the
 * intermediates, as noise of its own sign in each route: seeds 311110 (0 up to 5e-9, largest
 * entry 0.047) and 311256 (1.5e-8 on -1.1e-4, largest 0.0083); with double in place of float
 * both routes agree to 1e-16. So in float each entry is judged to 1e-5 of the largest, as the
 * dot-product test judges <J v, w>. In double an entry that cancels keeps the rounding of
 * terms as large as the largest entry: seed 870010's Jacobian entry -7.4e-4, in a row of
 * entries up to 3.2 beside 167, differs by 1.5e-13 between the tangent and the adjoint routes
 * (2e-10 of itself, 1e-15 of the largest); so each is judged to at least 1e-4 of the largest
 * (1e-14 of it at EXACT_TOL), far below any wrong derivative's error. */
#define BIG_FLOOR (DT_FLOAT ? 1.0 : 1e-4)
static void expect_close(const char *check, const double *got, const double *want, int n,
                         double tol) {
    double big = 0.0;
    for (int i = 0; i < n; i++)
        big = fmax(big, fabs(want[i]));
    for (int i = 0; i < n; i++) {
        double scale = fmax(fmax(fabs(got[i]), fabs(want[i])), fmax(BIG_FLOOR * big, 1e-4));
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

/* A double twin of the function a finite-difference check differentiates (check_twin): fn, and
 * the finest of FD_ZOOMS down to which its differences are accurate. */
typedef struct {
    adc_vector_fn fn;
    int finest;
} twin_fn;

#if DT_FLOAT
/* The program's double twin (check.sh: float -> double, sinf -> sin, ...): f in real arithmetic
 * up to double rounding, the function adc differentiates (it takes float rounding as the
 * identity). Its finite differences resolve a derivative that float rounding turns into a
 * staircase wider than every step (seed 310663, README bug 15). */
double f_twin(double, int, const double *, int, double *);

static void primal_twin(const double *in, double *out, void *ctx) {
    double x[DT_NX], y[DT_NY];
    (void)ctx;
    double a = unpack(in, x, y);
    pack(f_twin(a, DT_NX, x, DT_NY, y), y, out);
}
#define PRIMAL_TWIN (&(const twin_fn){primal_twin, FD_FINEST})
#else
#define PRIMAL_TWIN NULL
#endif

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

#if DT_HVP || DT_HESS
static void gradient(const double *in, double *g, void *ctx) {
    (void)ctx;
    grad(in, g);
}
#endif
#if DT_HVP

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

/* fn seen through a magnifier: z -> output number component of fn(center + scale (z - center)).
 * Its derivative at center along v is scale times fn's, and finite differences of it step scale
 * times as far as those of fn. */
typedef struct {
    adc_vector_fn fn;
    const double *center;
    double scale;
    int component;
} zoom;

static void zoomed(const double *z, double *out, void *ctx) {
    const zoom *zm = ctx;
    double in[NIN], all[NIN > NOUT ? NIN : NOUT];
    for (int i = 0; i < NIN; i++)
        in[i] = zm->center[i] + zm->scale * (z[i] - zm->center[i]);
    zm->fn(in, all, NULL);
    out[0] = all[zm->component];
}

/* ref[0..m): the derivative of fn along v at p by the Richardson-extrapolated central
 * differences of adc_check_tangent, with steps scale times its usual ones (1e-3). */
static void fd_reference(double scale, int m, const double *p, const double *v, adc_vector_fn fn,
                         double *ref) {
    zoom zm = {fn, p, scale, 0};
    double zero = 0.0;
    adc_check_result r;
    for (zm.component = 0; zm.component < m; zm.component++) {
        adc_check_tangent(NIN, 1, p, v, &zero, zoomed, &zm, FD_TOL, &r, NULL);
        ref[zm.component] = r.worst_ref / scale;
    }
}

/* The error of ad against ref as adc_check_tangent judges it (relative to max(|ad|, |ref|,
 * 1e-8 max(1, big)), big the largest component of the reference), or 0 when they are within
 * FD_ABS: a component far below the others is at the resolution of the difference quotients
 * (noise of about 1e-13 in double, 1e-4 in float). */
static double fd_error(double ad, double ref, double big) {
    if (!isfinite(ad) || !isfinite(ref))
        return INFINITY;
    if (fabs(ad - ref) < FD_ABS)
        return 0.0;
    return fabs(ad - ref) / fmax(fmax(fabs(ad), fabs(ref)), 1e-8 * fmax(1.0, big));
}

static double largest(int m, const double *a) {
    double big = 0.0;
    for (int i = 0; i < m; i++)
        if (isfinite(a[i]))
            big = fmax(big, fabs(a[i]));
    return big;
}

/* What fd_compare found: the component with the largest error at the usual step, its
 * derivative, its finite differences at the usual step, the fine one and the finest. */
typedef struct {
    int worst;
    double ad, fd, fine, finest, error;
} fd_report;

enum { FD_AGREE, FD_UNSETTLED, FD_DISAGREE };

/* Compares dv = d(p, v) with finite differences of fn along v at the steps FD_ZOOMS times the
 * usual one. FD_AGREE: each component agrees to FD_TOL at one of the steps (at 1e-3 for a
 * smooth function; a derivative that turns on a scale below 1e-3, sin(u * u * u) with u near
 * 36, is resolved only at a smaller step; float rounding of a large intermediate that the
 * result amplifies makes steps below 1e-2 see a staircase). FD_DISAGREE: a component agrees at
 * no step while its differences at 1e-3 agree with those at each step from 1e-5 to
 * zooms[finest] (they have settled on a derivative: a wrong derivative disagrees at every
 * step). FD_UNSETTLED: every component that agrees at no step has differences that have not
 * settled. finest is FD_FINE, or FD_FINEST for a function in double judged to the float
 * tolerance (the twin): a turn faster than 1e-5 that the steps 1e-3 and 1e-5 both average
 * away agrees with itself to 1e-2 (seed 850743). */
static int fd_compare(int m, const double *p, const double *v, derivative_fn d,
                      adc_vector_fn fn, int finest, fd_report *rep) {
    static const double zooms[] = FD_ZOOMS;
    enum { ZOOMS = sizeof zooms / sizeof zooms[0] };
    double dv[NIN > NOUT ? NIN : NOUT], ref[ZOOMS][NIN > NOUT ? NIN : NOUT], big[ZOOMS];
    int status = FD_AGREE;
    d(p, v, dv);
    for (int k = 0; k < ZOOMS; k++) {
        fd_reference(zooms[k], m, p, v, fn, ref[k]);
        big[k] = largest(m, ref[k]);
    }
    rep->error = -1.0;
    for (int c = 0; c < m; c++) {
        double error = fd_error(dv[c], ref[0][c], big[0]);
        if (error > rep->error)
            *rep = (fd_report){c, dv[c], ref[0][c], ref[FD_FINE][c],
                                 ref[FD_FINEST][c], error};
        int agrees = 0;
        for (int k = 0; k < ZOOMS; k++)
            agrees |= fd_error(dv[c], ref[k][c], big[k]) <= FD_TOL;
        if (agrees)
            continue;
        int settled = 1;
        for (int k = FD_FINE; k <= finest; k++)
            settled &= fd_error(ref[k][c], ref[0][c], big[0]) <= FD_TOL;
        if (settled)
            status = FD_DISAGREE;
        else if (status == FD_AGREE)
            status = FD_UNSETTLED;
    }
    return status;
}

/* Whether the derivative of the double twin along v turns by more than the float tolerance
 * within 1e-6 of p (its differences at the finest step, at p and 1e-6 along +-v). Float
 * rounding moves the values a float program's derivative is evaluated at by 1e-7 relative
 * and more where they are amplified: where the derivative turns that fast, the twin's is not
 * the float program's, though adc's is right (seed 850743's reduced variant, README bug 14). */
static int twin_turns(int m, const double *p, const double *v, adc_vector_fn twin) {
    static const double zooms[] = FD_ZOOMS;
    double at[NOUT], moved[NIN], there[NOUT];
    fd_reference(zooms[FD_FINEST], m, p, v, twin, at);
    for (int side = -1; side <= 1; side += 2) {
        for (int i = 0; i < NIN; i++)
            moved[i] = p[i] + side * 1e-6 * v[i];
        fd_reference(zooms[FD_FINEST], m, moved, v, twin, there);
        for (int c = 0; c < m; c++)
            if (fd_error(there[c], at[c], largest(m, at)) > FD_TOL)
                return 1;
    }
    return 0;
}

/* Whether the derivative d along v, component c, turns within the smallest step of fd_compare
 * (1e-7 of max(1, |p_i|)) by as much as half of err, its disagreement with the differences:
 * these are the mean of the derivative over the step, not its value at p (seed 850294: sin of
 * a value of 1e14 makes the gradient turn every 1e-10, and the hvp differs from that mean by
 * 5e-5). Sampled at p + t v for t a few fractions of the step, chosen not to be commensurate
 * with one another. A smooth derivative moves by about 1e-7 of itself there, far less than a
 * wrong one's error. */
static int turns_within_step(int c, const double *p, const double *v, derivative_fn d, double err) {
    static const double fractions[] = {1, -0.61, 0.29, -0.137, 0.053, -0.0171, 0.0061, -0.00173};
    double pmax = 1.0, vmax = 0.0, dv0[NIN > NOUT ? NIN : NOUT], dv[NIN > NOUT ? NIN : NOUT], q[NIN];
    for (int i = 0; i < NIN; i++) {
        pmax = fmax(pmax, fabs(p[i]));
        vmax = fmax(vmax, fabs(v[i]));
    }
    d(p, v, dv0);
    for (size_t k = 0; k < sizeof fractions / sizeof fractions[0]; k++) {
        for (int i = 0; i < NIN; i++)
            q[i] = p[i] + fractions[k] * 1e-7 * pmax / fmax(vmax, 1e-300) * v[i];
        d(q, v, dv);
        if (!(fabs(dv[c] - dv0[c]) < 0.5 * err))
            return 1;
    }
    return 0;
}

/* The step along v that moves the largest-moving coordinate by max(1, max |p_i|), of which
 * adc_check_tangent's steps are 1e-3 and fd_compare's 1e-3 times FD_ZOOMS (0: v is 0). */
static double unit_step(const double *p, const double *v) {
    double pmax = 1.0, vmax = 0.0;
    for (int i = 0; i < NIN; i++) {
        pmax = fmax(pmax, fabs(p[i]));
        vmax = fmax(vmax, fabs(v[i]));
    }
    return vmax > 0.0 ? pmax / vmax : 0.0;
}

/* fn's component c at p + t v. */
static double along(int c, const double *p, const double *v, double t, adc_vector_fn fn) {
    double q[NIN], out[NIN > NOUT ? NIN : NOUT];
    for (int i = 0; i < NIN; i++)
        q[i] = p[i] + t * v[i];
    fn(q, out, NULL);
    return out[c];
}

/* The jump of fn's component c within the smallest step of fd_compare along v, one of those
 * its differences read as a slope fd where the derivative ad sees none (seed 960055: modf's
 * integer part of a value moving 6e9 times as fast as t, steps of 1 every 1.7e-10 that the
 * differences at every step from 1e-3 to 1e-7 average into a slope of 6e9, README bug 65), or
 * 0 when there is none. Bisects [0, h] in t, h the smallest step, down to 64 rounding units of
 * the largest coordinate, keeping the half with the larger change that ad does not explain: a
 * jump is a change of fd - ad's sign that stays within 10% of itself through the last
 * JUMP_PERSIST halvings (a difference quotient growing like 1/h, where a wrong derivative's
 * error shrinks with h) while ad explains the other half to 64 rounding units of f, and that
 * is 2^16 rounding units of f (rounding noise within 64 units cannot make it). */
enum { JUMP_PERSIST = 8 };
static double jump_within_step(int c, const double *p, const double *v, adc_vector_fn fn,
                               double ad, double fd) {
    double lo = 0.0, hi = 1e-7 * unit_step(p, v), bottom = 64 * DBL_EPSILON * unit_step(p, v);
    double f_lo = along(c, p, v, lo, fn), f_hi = along(c, p, v, hi, fn);
    double change = f_hi - f_lo - ad * (hi - lo), unit = DBL_EPSILON * fmax(1.0, fabs(f_lo));
    int persist = 0;
    while (bottom > 0.0 && hi - lo > 2 * bottom) {
        double mid = lo + 0.5 * (hi - lo), f_mid = along(c, p, v, mid, fn);
        double left = f_mid - f_lo - ad * (mid - lo), right = f_hi - f_mid - ad * (hi - mid);
        int keep_left = fabs(left) >= fabs(right);
        double kept = keep_left ? left : right, other = keep_left ? right : left;
        int steady = fabs(kept - change) <= 0.1 * fabs(change) && fabs(other) <= 64 * unit;
        persist = steady ? persist + 1 : 0;
        change = kept;
        if (keep_left)
            hi = mid, f_hi = f_mid;
        else
            lo = mid, f_lo = f_mid;
    }
    int jumps = persist >= JUMP_PERSIST && change * (fd - ad) > 0.0 && fabs(change) >= 65536 * unit;
    return jumps ? change : 0.0;
}

/* Whether the derivative ad of fn's component c along v agrees to FD_TOL with the
 * Richardson-extrapolated central differences at the usual step (1e-3) less whole multiples of
 * jump, the staircase's step: a staircase of jumps of one size (the integer parts of modf,
 * floor, round, ... times a constant), as jump_within_step found at p, leaves differences that
 * a right derivative explains up to a multiple of jump, and a derivative wrong by more than
 * jump over the step or by less than its half (but for coincidences) unexplained. */
static int agrees_less_jumps(int c, const double *p, const double *v, adc_vector_fn fn,
                             double ad, double jump) {
    double diff[2];
    for (int k = 0; k < 2; k++) {
        double t = 1e-3 * unit_step(p, v) / (1 + k);
        double rest = along(c, p, v, t, fn) - along(c, p, v, -t, fn) - 2 * t * ad;
        diff[k] = ad + (rest - jump * nearbyint(rest / jump)) / (2 * t);
    }
    double ref = (4 * diff[1] - diff[0]) / 3;
    return fd_error(ad, ref, fmax(fabs(ad), fabs(ref))) <= FD_TOL;
}

/* Whether fn's component c jumps within the smallest step along v, its differences less the
 * jumps agreeing with the derivative ad (fd: the differences, which read the jumps as a slope). */
static int jumps_within_step(int c, const double *p, const double *v, adc_vector_fn fn,
                             double ad, double fd) {
    double jump = jump_within_step(c, p, v, fn, ad, fd);
    return jump != 0.0 && agrees_less_jumps(c, p, v, fn, ad, jump);
}

/* Whether the slope of fn's component c along v swings within the smallest step of fd_compare
 * by half of err (the disagreement) and by far more than rounding: the differences at every
 * step are then its mean there, not its value at p (seed 2042178, README entry 125: the sine
 * of a value of 1.4e9, the double twin's slope going from 1.7e8 to 2.8e8 and back every 1e-8,
 * where the float program's sine reads a float-rounded argument that such moves leave alone,
 * so that turns_within_step, which samples the float program's derivative, sees no turn).
 * The slopes over 16 windows across the step; rounding moves one by 2 units of f over a
 * window, and 64 units do not make a swing. */
static int swings_within_step(int c, const double *p, const double *v, adc_vector_fn fn, double err) {
    enum { WINDOWS = 16 };
    double h = 1e-7 * unit_step(p, v) / WINDOWS, low = INFINITY, high = -INFINITY;
    double before = along(c, p, v, -0.5 * WINDOWS * h, fn), big = fabs(before);
    for (int k = 1; k <= WINDOWS; k++) {
        double after = along(c, p, v, (k - 0.5 * WINDOWS) * h, fn), slope = (after - before) / h;
        low = fmin(low, slope);
        high = fmax(high, slope);
        big = fmax(big, fabs(after));
        before = after;
    }
    return h > 0.0 && high - low > fmax(0.5 * err, 64 * DBL_EPSILON * fmax(1.0, big) / h);
}

/* A float program's derivative d(p, v) that its own differences r do not confirm, at p or
 * nearby, judged by the differences of its double twin at p: they agree (float rounding: the
 * check counts as skipped), they settle on something else at every step down to the twin's
 * finest, 1e-7 for f_twin (a wrong derivative), or they do not settle (skipped: the function
 * turns within the steps in real arithmetic, and float rounding moves the point it turns at, so
 * that the twin's derivative is not the float program's: seed 850743, README bug 14). Where
 * they settle elsewhere, the check is skipped still when the derivative itself turns within the
 * smallest step (turns_within_step: seed 972482, whose tangent swings from -1.7e10 to 6.9e10
 * within 1e-8 around its mean 2.58e10, and seed 971131, whose branch on (double)(float)s > s
 * flips with float rounding, a branch its twin never takes; README bugs 41 and 42), or when the
 * twin's slope swings within that step (swings_within_step, README entry 125). */
static void check_twin(const char *check, int m, const double *p, const double *v,
                       derivative_fn d, const twin_fn *twin, const fd_report *r) {
    fd_report twin_r;
    int status = fd_compare(m, p, v, d, twin->fn, twin->finest, &twin_r);
    if (status == FD_AGREE) {
        printf("skip %s: float rounding, the differences of the double twin agree (component %d: "
               "ad=%.17g, fd=%.17g; the twin's largest error %.2e)\n", check, r->worst, r->ad,
               r->fd, twin_r.error);
        skipped++;
    } else if (status == FD_UNSETTLED) {
        printf("skip %s: the double twin's finite differences do not settle (component %d: "
               "ad=%.17g, the twin's fd=%.17g at step 1e-3, %.17g at 1e-5, %.17g at 1e-7)\n",
               check, twin_r.worst, twin_r.ad, twin_r.fd, twin_r.fine, twin_r.finest);
        skipped++;
    } else if (twin->finest == FD_FINEST && twin_turns(m, p, v, twin->fn)) {
        printf("skip %s: the double twin's derivative turns within 1e-6 (component %d: "
               "ad=%.17g, the twin's fd=%.17g at step 1e-7)\n", check, twin_r.worst, twin_r.ad,
               twin_r.finest);
        skipped++;
    } else if (jumps_within_step(twin_r.worst, p, v, twin->fn, twin_r.ad, twin_r.finest)) {
        printf("skip %s: the double twin jumps within the smallest step (component %d: ad=%.17g, "
               "the twin's fd=%.17g, the jumps' mean slope; less the jumps they agree)\n", check,
               twin_r.worst, twin_r.ad, twin_r.fd);
        skipped++;
    } else if (turns_within_step(twin_r.worst, p, v, d, fabs(twin_r.ad - twin_r.fd))) {
        printf("skip %s: the derivative turns within the smallest step (component %d: ad=%.17g, "
               "the double twin's fd=%.17g, the mean of the derivative over the step)\n", check,
               twin_r.worst, twin_r.ad, twin_r.fd);
        skipped++;
    } else if (swings_within_step(twin_r.worst, p, v, twin->fn, fabs(twin_r.ad - twin_r.fd))) {
        printf("skip %s: the double twin's slope swings within the smallest step (component %d: "
               "ad=%.17g, the twin's fd=%.17g, the mean of its slope over the step)\n", check,
               twin_r.worst, twin_r.ad, twin_r.fd);
        skipped++;
    } else {
        fail(check, "component %d: ad=%.17g, the double twin's fd=%.17g (error %.2e; the float "
             "program's fd=%.17g)", twin_r.worst, twin_r.ad, twin_r.fd, twin_r.error, r->fd);
    }
}

/* d(p, v) (m components) against finite differences of fn along v, at p or, when a kink is
 * near p, at a point nearby. One that disagrees at both is judged by the differences of fn's
 * double twin (check_twin) when it has one (NULL: none); without one, a check whose
 * differences settle at neither point (float rounding amplified into a staircase) or whose
 * derivative turns within the smallest step (turns_within_step) counts as skipped. */
static void check_fd(const char *check, int m, const double *p, const double *v, derivative_fn d,
                     adc_vector_fn fn, const twin_fn *twin) {
    fd_report r, near_r;
    double near[NIN], shift[NIN];
    stage(check);
    int here = fd_compare(m, p, v, d, fn, FD_FINE, &r);
    if (here == FD_AGREE)
        return;
    fill(shift, NIN, DT_SEED + 5, -0.01, 0.01);
    for (int i = 0; i < NIN; i++)
        near[i] = p[i] + shift[i];
    int there = fd_compare(m, near, v, d, fn, FD_FINE, &near_r);
    if (there == FD_AGREE) {
        printf("skip %s: kink near the point (error %.2e there, component %d)\n", check,
               r.error, r.worst);
        skipped++;
    } else if (!twin) {
        if (here == FD_UNSETTLED && there == FD_UNSETTLED) {
            printf("skip %s: finite differences do not settle (component %d: ad=%.17g, fd=%.17g "
                   "at step 1e-3, %.17g at 1e-5)\n", check, r.worst, r.ad, r.fd, r.fine);
            skipped++;
        } else if (jumps_within_step(r.worst, p, v, fn, r.ad, r.fine)) {
            printf("skip %s: the function jumps within the smallest step (component %d: "
                   "ad=%.17g, fd=%.17g, the jumps' mean slope; less the jumps they agree)\n",
                   check, r.worst, r.ad, r.fd);
            skipped++;
        } else if (turns_within_step(r.worst, p, v, d, fabs(r.ad - r.fd))) {
            printf("skip %s: the derivative turns within the smallest step (component %d: ad=%.17g, "
                   "fd=%.17g, the mean of the derivative over the step)\n", check, r.worst, r.ad, r.fd);
            skipped++;
        } else {
            fail(check, "component %d: ad=%.17g fd=%.17g (error %.2e; nearby: %.2e)", r.worst,
                 r.ad, r.fd, r.error, near_r.error);
        }
    } else {
        check_twin(check, m, p, v, d, twin, &r);
    }
}

#if DT_FLOAT
/* A float program whose finite differences disagree with its double twin's at the steps 1e-3
 * and 1e-2 alike is ill-conditioned in float: rounding, amplified, moves its values by more
 * than a step moves them (seed 930225: 1503 against the twin's -64.3), so that no check of its
 * derivatives means much, not even tangent against adjoint. Prints "ill-conditioned: ..." and
 * fails nothing: if a check fails, check.sh checks the twin as a program of its own, and counts
 * the program as skipped if the twin passes. what names fn (the value, the gradient), twin is
 * its double twin, m the components of each. */
static void check_conditioning(const char *what, int m, const double *p, const double *v,
                               adc_vector_fn fn, adc_vector_fn twin) {
    static const double zooms[] = FD_ZOOMS;
    double own[2][NIN > NOUT ? NIN : NOUT], theirs[2][NIN > NOUT ? NIN : NOUT];
    stage("conditioning");
    for (int k = 0; k < 2; k++) {
        fd_reference(zooms[k], m, p, v, fn, own[k]);
        fd_reference(zooms[k], m, p, v, twin, theirs[k]);
    }
    for (int c = 0; c < m; c++)
        if (fd_error(own[0][c], theirs[0][c], largest(m, theirs[0])) > FD_TOL &&
            fd_error(own[1][c], theirs[1][c], largest(m, theirs[1])) > FD_TOL) {
            printf("ill-conditioned: %s, component %d: the float program's fd=%.17g, the double "
                   "twin's fd=%.17g (step 1e-3; %.17g and %.17g at 1e-2)\n", what, c, own[0][c],
                   theirs[0][c], own[1][c], theirs[1][c]);
            return;
        }
}
#endif

/* Whether <J v, w> = <v, J^T w> to EXACT_TOL relative, or to abs_floor absolute. */
static int dot_agrees(int n, int m, const double *v, const double *jv, const double *w,
                      const double *jtw, double abs_floor, adc_check_result *r) {
    return adc_check_adjoint(n, m, v, jv, w, jtw, EXACT_TOL, r, NULL) == ADC_CHECK_PASS ||
           fabs(r->worst_ad - r->worst_ref) <= abs_floor;
}

static void check_dot(const char *check, int n, int m, const double *v, const double *jv,
                      const double *w, const double *jtw, double abs_floor) {
    adc_check_result r;
    stage(check);
    if (!dot_agrees(n, m, v, jv, w, jtw, abs_floor, &r))
        fail(check, "<J v, w> = %.17g, <v, J^T w> = %.17g (error %.2e)", r.worst_ref, r.worst_ad,
             r.max_error);
}

static double norm1(int n, const double *a) {
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += fabs(a[i]);
    return sum;
}

/* The size of the terms of the two sums <J v, w> and <v, J^T w>. */
static double dot_terms(int n, int m, const double *v, const double *jv, const double *w, const double *jtw) {
    double sum = 0.0;
    for (int i = 0; i < m; i++)
        sum += fabs(jv[i] * w[i]);
    for (int i = 0; i < n; i++)
        sum += fabs(v[i] * jtw[i]);
    return sum / 2.0;
}

#define VALUE_ROUNDING (DT_FLOAT ? 1e-6 : 1e-13)

/* The dot-product test's absolute floor. In float EXACT_TOL times the size of the terms: a float
 * variable rounds the derivatives it carries to single precision in each route, and where the
 * terms cancel that rounding stays (seed 830229: <J v, w> = 0.00130089 and 0.00130091; with
 * double in place of float both agree to 1e-16), as in expect_close. In both, the rounding of
 * derivatives that vanish next to the values: where the whole Jacobian is 1e-9 (seed 840186)
 * or 1e-14 (840206, float) while the outputs are near 1, the two routes' partials, equally
 * right but not computed alike (a partial from the result, from the operands), differ in their
 * last bits, and what cancels down to J keeps that: 2.2e-17 and 5e-18 apart, 1.6e-8 and 3.6e-4
 * relative (unchanged with 80-bit arithmetic: not the sums). VALUE_ROUNDING times
 * |v|_1 |w|_1 max(1, |out|): far below what finite differences resolve. */
static double dot_floor(int n, int m, const double *v, const double *jv, const double *w, const double *jtw,
                        const double *out0) {
    double terms = DT_FLOAT ? EXACT_TOL * dot_terms(n, m, v, jv, w, jtw) : 0.0;
    return fmax(terms, VALUE_ROUNDING * norm1(n, v) * norm1(m, w) * fmax(1.0, largest(NOUT, out0)));
}

/* J^T w summed from adjoint sweeps seeded with one output each. */
static void adjoint_by_outputs(const double *p, const double *w, double *jtw) {
    double unit[NOUT], row[NIN];
    memset(jtw, 0, sizeof(double) * NIN);
    for (int k = 0; k < NOUT; k++) {
        memset(unit, 0, sizeof unit);
        unit[k] = 1.0;
        adjoint(p, unit, row);
        for (int i = 0; i < NIN; i++)
            jtw[i] += w[k] * row[i];
    }
}

/* J v summed from tangent sweeps along one input each (the unit vector). */
static void tangent_by_inputs(const double *p, const double *v, double *jv) {
    double unit[NIN], out[NOUT], column[NOUT];
    memset(jv, 0, sizeof(double) * NOUT);
    for (int k = 0; k < NIN; k++) {
        memset(unit, 0, sizeof unit);
        unit[k] = 1.0;
        tangent(p, unit, out, column);
        for (int i = 0; i < NOUT; i++)
            jv[i] += v[k] * column[i];
    }
}

/* The dot-product test. One that fails is redone with J^T w summed from sweeps seeded with one
 * output each, then with J v summed from sweeps along one input each: each generated route is
 * linear in its seeds or direction, so if a sum passes, the maps J and J^T agree and the sweep
 * with every seed (every direction) rounded. Seed 3984: f = acc*y - y*acc is 0 from terms of
 * 2e20; its adjoint sweep adds and removes them in the adjoint of y, which also holds y's
 * seed, and the dot-product test is 3.6e-3 off; each one-output sweep matches f_tangent to
 * 1e-10. Seed 2006654's double twin: acc += steps - (acc - x[3]) cancels acc = -7.4e10 and
 * its tangent -7.8e10 (ulp 1.5e-5) down to 7.2: the tangent along v is 9e-7 off the sum of
 * its one-input sweeps (and off itself along 2e-6 v, scaled back), which match f_adjoint's
 * rows to 1e-15. That counts as skipped, not passed; tangent-fd still checks the sweep along
 * v itself. */
static void check_dot_split(const double *p, const double *v, const double *jv, const double *w,
                            const double *jtw, const double *out0) {
    double floor = dot_floor(NIN, NOUT, v, jv, w, jtw, out0);
    adc_check_result r, split_r;
    stage("dot-test");
    if (dot_agrees(NIN, NOUT, v, jv, w, jtw, floor, &r))
        return;
    double split_jtw[NIN], split_jv[NOUT];
    adjoint_by_outputs(p, w, split_jtw);
    tangent_by_inputs(p, v, split_jv);
    if (dot_agrees(NIN, NOUT, v, jv, w, split_jtw, floor, &split_r)) {
        printf("skip dot-test: <v, J^T w> = %.17g rounds in the sweep seeded with every output; "
               "summed from one-output sweeps it is %.17g, as <J v, w> = %.17g\n", r.worst_ad,
               split_r.worst_ad, r.worst_ref);
        skipped++;
    } else if (dot_agrees(NIN, NOUT, v, split_jv, w, jtw, floor, &split_r)) {
        printf("skip dot-test: <J v, w> = %.17g rounds in the sweep along v; summed from "
               "one-input sweeps it is %.17g, as <v, J^T w> = %.17g\n", r.worst_ref,
               split_r.worst_ref, r.worst_ad);
        skipped++;
    } else {
        check_dot("dot-test", NIN, NOUT, v, jv, w, jtw, floor);
    }
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

#if DT_JAC
typedef int (*jacobian_fn)(double, int, const double *, int, double *, double *);

/* The Jacobian (NOUT x NIN, row-major) by route at p; y is a copy of p's. */
static void jacobian_at(const char *check, jacobian_fn route, const double *p, double *jac) {
    double x[DT_NX], y[DT_NY];
    double a = unpack(p, x, y);
    int status = route(a, DT_NX, x, DT_NY, y, jac);
    if (status != 0)
        fail(check, "returned %d", status);
}

static void check_jacobian(const double *p) {
    static double forward[NOUT * NIN], reverse[NOUT * NIN], best[NOUT * NIN];
    stage("jacobian-columns");
    jacobian_at("jacobian-columns", f_jacobian_forward, p, forward);
    for (int j = 0; j < NIN; j++) {
        double unit[NIN] = {0}, column[NOUT], want[NOUT];
        unit[j] = 1.0;
        tangent_only(p, unit, want);
        for (int i = 0; i < NOUT; i++)
            column[i] = forward[i * NIN + j];
        expect_close("jacobian-columns", column, want, NOUT, EXACT_TOL);
    }
    stage("jacobian-rows");
    jacobian_at("jacobian-rows", f_jacobian_reverse, p, reverse);
    for (int i = 0; i < NOUT; i++) {
        double unit[NOUT] = {0}, want[NIN];
        unit[i] = 1.0;
        adjoint(p, unit, want);
        expect_close("jacobian-rows", reverse + i * NIN, want, NIN, EXACT_TOL);
    }
    stage("jacobian"); /* f_jacobian takes the forward route when NIN <= NOUT: the same numbers
                          (the other route differs by rounding, in float by 2e-3: seed 18984) */
    jacobian_at("jacobian", f_jacobian, p, best);
    expect_close("jacobian", best, NIN <= NOUT ? forward : reverse, NOUT * NIN, EXACT_TOL);
}
#endif

#if DT_FLOAT && (DT_HVP || DT_HESS)
/* The gradient of the double twin (of f's value) by the differences of fd_reference along each
 * unit vector: the double twin of f_grad for hvp-fd and hessian-fd, whose differences of a
 * float program's f_grad see float rounding's staircase like those of f (seed 972141: an hvp
 * component 0.0077 where they give 0.0017 at every step, and those of this twin 0.0078;
 * README bug 40). Differences of differences: their rounding, about 1e-12 |f| / step, drowns
 * the step 1e-7, so they count down to 1e-5 only (and twin_turns, at 1e-7, is not asked). */
static void gradient_twin(const double *in, double *g, void *ctx) {
    (void)ctx;
    for (int i = 0; i < NIN; i++) {
        double unit[NIN] = {0};
        unit[i] = 1.0;
        fd_reference(1.0, 1, in, unit, primal_twin, &g[i]);
    }
}
#define GRADIENT_TWIN (&(const twin_fn){gradient_twin, FD_FINE})

/* The float program's second derivatives are ill-conditioned in float where the differences of
 * its f_grad (checked at p by the first-order checks) disagree with those of the twin's
 * gradient at the steps 1e-3 and 1e-2 alike, along the direction of hvp-fd (seed 27366: 2.87
 * against 623, float rounding of `(double)(float)n_b` amplified, while f_hvp, 333, is the
 * derivative of the float program's own gradient, and the double twin differentiated by adc
 * passes every check as a program of its own): check_conditioning of the gradient. The
 * second-order checks of such a program are then judged by its double twin (check.sh), as the
 * first-order ones of a program ill-conditioned in its value. It looks at no code of adc's
 * second-order modes, so it cannot turn a wrong hvp into a pass by itself. */
static void check_second_order_conditioning(const double *p) {
    double u[NIN];
    fill(u, NIN, DT_SEED + 20, -1.0, 1.0);
    check_conditioning("the gradient", NIN, p, u, gradient, gradient_twin);
}
#else
#define GRADIENT_TWIN NULL
#endif

#if DT_HESS
/* H[i][j] against H[j][i] (hessian-symmetry, hessian-hvp): in float the two come from different
 * sweeps rounded in single precision, 1e-5 apart relative to a small entry (seed 1009). */
#define SECOND_TOL (DT_FLOAT ? 1e-3 : EXACT_TOL)

/* hu = H u, H by fh_hessian at in. */
static void hessian_times(const double *in, const double *u, double *hu) {
    static double h[NIN * NIN];
    int status = fh_hessian(in, h);
    if (status != 0)
        fail("hessian", "fh_hessian returned %d", status);
    for (int i = 0; i < NIN; i++) {
        hu[i] = 0.0;
        for (int j = 0; j < NIN; j++)
            hu[i] += h[i * NIN + j] * u[j];
    }
}

static void check_hessian(const double *p) {
    static double h[NIN * NIN], ht[NIN * NIN];
    double u[NIN];
    stage("hessian-symmetry");
    if (fh_hessian(p, h) != 0)
        fail("hessian", "fh_hessian returned nonzero");
    for (int i = 0; i < NIN; i++)
        for (int j = 0; j < NIN; j++)
            ht[j * NIN + i] = h[i * NIN + j];
    expect_close("hessian-symmetry", ht, h, NIN * NIN, SECOND_TOL);
    fill(u, NIN, DT_SEED + 30, -1.0, 1.0);
    check_fd("hessian-fd", NIN, p, u, hessian_times, gradient, GRADIENT_TWIN);
#if DT_HVP
    /* The whole matrix at once, as in hessian-symmetry: in float an entry that cancels keeps
     * noise of the size of the largest entry's rounding (seed 2020024: H[5][0] -1.9e-7 where
     * the hvp has -6e-10, in a column whose other entries are 0 and 7.8e-8, beside 3.5). */
    stage("hessian-hvp");
    static double by_hvp[NIN * NIN];
    for (int j = 0; j < NIN; j++) {
        double unit[NIN] = {0}, column[NIN];
        unit[j] = 1.0;
        hvp(p, unit, column);
        for (int i = 0; i < NIN; i++)
            by_hvp[i * NIN + j] = column[i];
    }
    expect_close("hessian-hvp", h, by_hvp, NIN * NIN, SECOND_TOL);
#endif
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

/* The symmetry <u2, H u> = <u, H u2> is judged relative to the two sums, or, for a Hessian that
 * vanishes up to rounding next to the gradient g (seed 24484: entries of 1e-10 where g is 0.09,
 * the sums rounding noise), to EXACT_TOL |u|_1 |u2|_1 max |g_i|: the rounding of second
 * derivatives assembled from terms the size of the first; and, as the dot-product test's
 * dot_floor, to VALUE_ROUNDING |u|_1 |u2|_1 max(1, |out|) for one that vanishes next to the
 * values with the gradient (seed 2001472, float: g of 1e-115 and H of 1e-117 while f is near 1,
 * the sums 1e-117 and 2e-117; its gradient is 15 times its double twin's in one component, the
 * float rounding of terms far larger than itself, and the twin passes every check), far below
 * what the differences of the gradient resolve (FD_ABS). */
static void check_hvp(const double *p, const double *out0) {
    double u[NIN], u2[NIN], hu[NIN], hu2[NIN], g[NIN];
    fill(u, NIN, DT_SEED + 20, -1.0, 1.0);
    fill(u2, NIN, DT_SEED + 21, -1.0, 1.0);
    check_fd("hvp-fd", NIN, p, u, hvp, gradient, GRADIENT_TWIN);
    hvp(p, u, hu);
    hvp(p, u2, hu2);
    grad(p, g);
    double sizes = norm1(NIN, u) * norm1(NIN, u2);
    check_dot("hvp-symmetry", NIN, NIN, u, hu, u2, hu2,
              sizes * fmax(EXACT_TOL * largest(NIN, g), VALUE_ROUNDING * fmax(1.0, largest(NOUT, out0))));
}
#endif

int main(void) {
    double p[NIN], v[NIN], w[NOUT], out0[NOUT], again[NOUT], out[NOUT], jv[NOUT], jtw[NIN];
    fill(p, NIN, DT_SEED, -1.0, 1.0);
    fill(v, NIN, DT_SEED + 1, -1.0, 1.0);
    fill(w, NOUT, DT_SEED + 2, -1.0, 1.0);
    stage("primal");
    feclearexcept(FE_OVERFLOW | FE_INVALID);
    primal(p, out0, NULL);
    if (fetestexcept(FE_OVERFLOW | FE_INVALID)) { /* seed 880242: README bug 19 */
        printf("discard: the primal overflows or makes a NaN on the way at the point\n");
        return 4;
    }
    for (int i = 0; i < NOUT; i++)
        if (!(fabs(out0[i]) < 1e12)) {
            printf("discard: output %d is %g at the point\n", i, out0[i]);
            return 4;
        }
    primal(p, again, NULL);
    expect_same("primal-deterministic", again, out0, NOUT);
#if DT_FLOAT
    check_conditioning("the value", NOUT, p, v, primal, primal_twin);
#endif

    stage("tangent");
    tangent(p, v, out, jv);
    expect_same("tangent-value", out, out0, NOUT);
    check_fd("tangent-fd", NOUT, p, v, tangent_only, primal, PRIMAL_TWIN);
    stage("adjoint");
    double value = adjoint(p, w, jtw);
    expect_same("adjoint-value", &value, out0, 1);
    check_dot_split(p, v, jv, w, jtw, out0);
#if DT_W
    check_vector(p, out0);
#endif
    check_grad(p, out0);
#if DT_JAC
    check_jacobian(p);
#endif
#if DT_FLOAT && (DT_HVP || DT_HESS)
    if (!failures) /* the first-order checks passed: f_grad is right at p */
        check_second_order_conditioning(p);
#endif
#if DT_HVP
    check_hvp(p, out0);
#endif
#if DT_HESS
    check_hessian(p);
#endif
    printf("%s (%d failed, %d skipped)\n", failures ? "FAIL" : "PASS", failures, skipped);
    return failures ? 1 : skipped ? 3 : 0;
}
