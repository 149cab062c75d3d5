/* Math functions at their boundary points, in tangent, adjoint and hvp: one-sided limits where the derivative is infinite (sqrt, cbrt, log* at 0, asin/acos at +-1, acosh, atanh), pow at x = 0 (y = 0, 1, 2, 0.5) and at x < 0, the zero subgradient of fabs and hypot at their kinks, the first argument at fmin/fmax ties, NaN for atan2 at the origin; a zero direction or seed through an infinite partial gives 0, not NaN; closed forms and one-sided finite differences. */
#include <math.h>
#include <adc.h>

/* u(x) + y for each unary u: a direction along y must not meet u's infinite partial. */
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_sqrt(double x, double y) { return sqrt(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_cbrt(double x, double y) { return cbrt(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_log(double x, double y) { return log(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_log2(double x, double y) { return log2(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_log10(double x, double y) { return log10(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_log1p(double x, double y) { return log1p(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_asin(double x, double y) { return asin(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_acos(double x, double y) { return acos(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_acosh(double x, double y) { return acosh(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_atanh(double x, double y) { return atanh(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_fabs(double x, double y) { return fabs(x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_sqrtf(double x, double y) { return sqrtf((float)x) + y; }
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_pow_const(double x, double y) { return pow(x, 2.0) + y; }

ADC_DIFF(wrt(x, y), modes(tangent, adjoint, hvp))
double b_pow(double x, double y) { return pow(x, y); }

ADC_DIFF(wrt(x, y), modes(tangent, adjoint, hvp))
double b_hypot(double x, double y) { return hypot(x, y); }

ADC_DIFF(wrt(x, y), modes(tangent, adjoint, hvp))
double b_fmin(double x, double y) { return fmin(x, y) * 2.0; }

ADC_DIFF(wrt(x, y), modes(tangent, adjoint, hvp))
double b_fmax(double x, double y) { return fmax(x, y) * 2.0; }

ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_atan2(double x, double y) { return atan2(y, x); }

/* sqrt(x) is computed but does not matter at x = 0: its infinite partial meets a zero seed
 * (adjoint), its infinite tangent is not selected (tangent). */
ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
double b_sqrt_unused(double x, double y) { return fmax(sqrt(x), 1.0) * y; }

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

#define DECLARE(name)                                                                              \
    double name##_tangent(double x, double x_d, double y, double y_d, double *name##_d);           \
    double name##_adjoint(double x, double *x_b, double y, double *y_b, double name##_b);
#define DECLARE_HVP(name)                                                                          \
    DECLARE(name)                                                                                  \
    int name##_hvp(double x, const double x_v, double *x_hv, double y, const double y_v, double *y_hv);

DECLARE(b_sqrt) DECLARE(b_cbrt) DECLARE(b_log) DECLARE(b_log2) DECLARE(b_log10) DECLARE(b_log1p)
DECLARE(b_asin) DECLARE(b_acos) DECLARE(b_acosh) DECLARE(b_atanh) DECLARE(b_fabs) DECLARE(b_sqrtf)
DECLARE(b_pow_const) DECLARE(b_atan2) DECLARE(b_sqrt_unused)
DECLARE_HVP(b_pow) DECLARE_HVP(b_hypot) DECLARE_HVP(b_fmin) DECLARE_HVP(b_fmax)

typedef double (*primal_fn)(double, double);
typedef double (*tangent_fn)(double, double, double, double, double *);
typedef double (*adjoint_fn)(double, double *, double, double *, double);
typedef int (*hvp_fn)(double, const double, double *, double, const double, double *);

typedef struct point {
    const char *label;
    primal_fn f;
    tangent_fn tangent;
    adjoint_fn adjoint;
    double x, y;
    double dx, dy;   /* the expected gradient (closed form; NaN: undefined) */
    int side;        /* finite differences in x from the right (+1), the left (-1), none (0) */
} point;

/* Equal, both NaN, or the same infinity; else within tol relative. */
static int same(double got, double want, double tol) {
    if (isnan(want) || isinf(want))
        return isnan(want) ? isnan(got) : got == want;
    return fabs(got - want) <= tol * fmax(1.0, fabs(want));
}

static void expect(const char *label, const char *what, double got, double want, double tol) {
    e2e_report(same(got, want, tol), label, "%s (got %.10e, want %.10e)", what, got, want);
}

/* Tangents along x and along y, adjoint with seed 1 and seed 0, one-sided differences. */
static void check_point(const point *p) {
    double d, xb = 0.0, yb = 0.0;
    p->tangent(p->x, 1.0, p->y, 0.0, &d);
    expect(p->label, "tangent along x", d, p->dx, 1e-12);
    p->tangent(p->x, 0.0, p->y, 1.0, &d);
    expect(p->label, "tangent along y", d, p->dy, 1e-12);
    p->tangent(p->x, 0.0, p->y, 0.0, &d);
    expect(p->label, "tangent along zero", d, 0.0, 0.0);
    p->adjoint(p->x, &xb, p->y, &yb, 1.0);
    expect(p->label, "adjoint x", xb, p->dx, 1e-12);
    expect(p->label, "adjoint y", yb, p->dy, 1e-12);
    xb = yb = 0.0;
    p->adjoint(p->x, &xb, p->y, &yb, 0.0);
    expect(p->label, "adjoint x with a zero seed", xb, 0.0, 0.0);
    if (p->side) {
        double h = 1e-7 * p->side;
        double fd = (p->f(p->x + h, p->y) - p->f(p->x, p->y)) / h;
        expect(p->label, "one-sided finite difference in x", fd, p->dx, 1e-5);
    }
}

static void check_hvp(const char *label, hvp_fn hvp, double x, double y, const double h[2][2]) {
    for (int j = 0; j < 2; j++) {
        double xhv = NAN, yhv = NAN;
        int st = hvp(x, j == 0, &xhv, y, j == 1, &yhv);
        e2e_report(st == 0, label, "hvp returns 0");
        expect(label, j ? "Hessian column y, x row" : "Hessian column x, x row", xhv, h[0][j], 1e-12);
        expect(label, j ? "Hessian column y, y row" : "Hessian column x, y row", yhv, h[1][j], 1e-12);
    }
}

#define AT(label, name, x, y, dx, dy, side) {label, name, name##_tangent, name##_adjoint, x, y, dx, dy, side}

static const point points[] = {
    AT("sqrt at 0", b_sqrt, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("sqrtf at 0", b_sqrtf, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("cbrt at 0", b_cbrt, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("log at 0", b_log, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("log2 at 0", b_log2, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("log10 at 0", b_log10, 0.0, 0.5, INFINITY, 1.0, 0),
    AT("log1p at -1", b_log1p, -1.0, 0.5, INFINITY, 1.0, 0),
    AT("asin at 1", b_asin, 1.0, 0.5, INFINITY, 1.0, 0),
    AT("asin at -1", b_asin, -1.0, 0.5, INFINITY, 1.0, 0),
    AT("acos at 1", b_acos, 1.0, 0.5, -INFINITY, 1.0, 0),
    AT("acos at -1", b_acos, -1.0, 0.5, -INFINITY, 1.0, 0),
    AT("acosh at 1", b_acosh, 1.0, 0.5, INFINITY, 1.0, 0),
    AT("atanh at 1", b_atanh, 1.0, 0.5, INFINITY, 1.0, 0),
    AT("fabs at 0 (zero subgradient)", b_fabs, 0.0, 0.5, 0.0, 1.0, 0),
    AT("pow(x, 2.0) at x = -1.5", b_pow_const, -1.5, 0.5, -3.0, 1.0, 1),
    AT("pow at (0, 1)", b_pow, 0.0, 1.0, 1.0, 0.0, 1),
    AT("pow at (0, 2)", b_pow, 0.0, 2.0, 0.0, 0.0, 1),
    AT("pow at (0, 0)", b_pow, 0.0, 0.0, 0.0, 0.0, 0),
    AT("pow at (0, 0.5)", b_pow, 0.0, 0.5, INFINITY, 0.0, 0),
    AT("pow at (-2, 3)", b_pow, -2.0, 3.0, 12.0, NAN, 1),
    AT("pow at (2, 0)", b_pow, 2.0, 0.0, 0.0, log(2.0), 1),
    AT("hypot at (0, 0) (zero subgradient)", b_hypot, 0.0, 0.0, 0.0, 0.0, 0),
    AT("fmin at a tie (first argument)", b_fmin, 1.5, 1.5, 2.0, 0.0, -1),
    AT("fmax at a tie (first argument)", b_fmax, 1.5, 1.5, 2.0, 0.0, 1),
    AT("sqrt at 0, not selected by fmax", b_sqrt_unused, 0.0, 2.0, 0.0, 1.0, 1),
    AT("atan2 at the origin (undefined)", b_atan2, 0.0, 0.0, NAN, NAN, 0),
};

int main(void) {
    e2e_begin("math_boundaries");
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++)
        if (points[i].tangent != b_atan2_tangent)
            check_point(&points[i]);
    /* atan2 at the origin: NaN along any direction that moves, 0 along none. */
    double d, xb = 0.0, yb = 0.0;
    b_atan2_tangent(0.0, 1.0, 0.0, 0.0, &d);
    expect("atan2 at the origin", "tangent along x is NaN", d, NAN, 0.0);
    b_atan2_tangent(0.0, 0.0, 0.0, 0.0, &d);
    expect("atan2 at the origin", "tangent along zero", d, 0.0, 0.0);
    b_atan2_adjoint(0.0, &xb, 0.0, &yb, 1.0);
    expect("atan2 at the origin", "adjoint x is NaN", xb, NAN, 0.0);
    xb = 0.0;
    b_atan2_adjoint(0.0, &xb, 0.0, &yb, 0.0);
    expect("atan2 at the origin", "adjoint x with a zero seed", xb, 0.0, 0.0);

    /* Second order: pow(x, y) = x^y at (0, 2): f_xx = 2, f_xy = x (1 + y ln x) -> 0,
     * f_yy = x^2 ln^2 x -> 0 (at (0, 1), f_xy = 1 + ln x is infinite). fmin and fmax at a
     * tie: zero. */
    const double h_pow[2][2] = {{2.0, 0.0}, {0.0, 0.0}}, h_zero[2][2] = {{0.0, 0.0}, {0.0, 0.0}};
    check_hvp("pow at (0, 2)", b_pow_hvp, 0.0, 2.0, h_pow);
    check_hvp("fmin at a tie", b_fmin_hvp, 1.5, 1.5, h_zero);
    check_hvp("fmax at a tie", b_fmax_hvp, 1.5, 1.5, h_zero);
    return e2e_finish();
}
#endif
