/* check.c: derivative checks. Gradients and tangents are compared with Richardson-extrapolated
 * central differences: with D(h) = (f(x + h) - f(x - h)) / 2h, the reference
 * (4 D(h/2) - D(h)) / 3 has truncation error O(h^4), so with h = 1e-3 * max(1, |x_i|) a correct
 * derivative of a smooth function agrees to about 1e-9 relative (rounding adds about
 * 1e-13 * |f| / |x|). The step assumes f varies on the scale of max(1, |x_i|): a function like
 * sin(x) at |x| = 1e5 needs its variables rescaled first. Tangent/adjoint pairs are compared
 * through <J v, w> = <v, J^T w>.
 *
 * Error of one component: |ad - ref| / max(|ad|, |ref|, floor). For finite differences
 * floor = 1e-8 * max(1, max_i |ref_i|), so a component that is truly zero is judged against
 * the scale of the whole derivative (and of 1), not against its own rounding noise. For the
 * dot product floor = 1e-8 * max(sum |jv_i w_i|, sum |v_j jtw_j|), the scale of the rounding
 * in the two sums. A non-finite derivative or reference gives an infinite error. */
#include <math.h>
#include <stdlib.h>
#include "adc_check.h"

static const double fd_step = 1e-3;      /* relative step of the finite differences */
static const double floor_scale = 1e-8;  /* denominator floor, relative to the scale */

static int valid_tol(double tol) { return tol >= 0 && isfinite(tol); }  /* Inf passes anything */

static int all_finite(int n, const double *x) {
    for (int i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

static double component_error(double ad, double ref, double min_scale) {
    if (!isfinite(ad) || !isfinite(ref))
        return INFINITY;
    double scale = fmax(fmax(fabs(ad), fabs(ref)), min_scale);
    return scale > 0 ? fabs(ad - ref) / scale : 0;
}

/* 1e-8 * max(1, largest finite |ref_i|). */
static double fd_floor(int n, const double *ref) {
    double big = 1;
    for (int i = 0; i < n; i++)
        if (isfinite(ref[i]))
            big = fmax(big, fabs(ref[i]));
    return floor_scale * big;
}

/* Fills result from the per-component errors of ad against ref, prints the summary line and
 * returns the status. */
static int judge(const char *name, int n, const double *ad, const double *ref, double tol,
                     int evaluations, adc_check_result *result, FILE *log) {
    double min_scale = fd_floor(n, ref);
    adc_check_result r = {.max_error = -1, .worst = -1, .evaluations = evaluations};
    for (int i = 0; i < n; i++) {
        double e = component_error(ad[i], ref[i], min_scale);
        if (e > r.max_error) {
            r.max_error = e;
            r.worst = i;
            r.worst_ad = ad[i];
            r.worst_ref = ref[i];
        }
    }
    int status = r.max_error <= tol ? ADC_CHECK_PASS : ADC_CHECK_FAIL;
    if (log)
        fprintf(log, "%s: worst component %d: ad=%.6e fd=%.6e error=%.1e (tol %g) %s\n", name,
                r.worst, r.worst_ad, r.worst_ref, r.max_error, tol,
                status == ADC_CHECK_PASS ? "PASS" : "FAIL");
    if (result)
        *result = r;
    return status;
}

/* D(h) along coordinate i; x is a scratch copy of the point, restored on return. */
static double central(adc_scalar_fn f, void *ctx, double *x, int i, double h) {
    double xi = x[i], xp = xi + h, xm = xi - h;
    x[i] = xp;
    double fp = f(x, ctx);
    x[i] = xm;
    double fm = f(x, ctx);
    x[i] = xi;
    return (fp - fm) / (xp - xm);  /* the steps actually taken, after rounding */
}

int adc_check_gradient(int n, const double *x, const double *grad, adc_scalar_fn f, void *ctx,
                       double tol, adc_check_result *result, FILE *log) {
    if (n <= 0 || !x || !grad || !f || !valid_tol(tol) || !all_finite(n, x))
        return ADC_CHECK_EINVAL;
    double *xs = malloc(2 * (size_t)n * sizeof *xs);
    if (!xs)
        return ADC_CHECK_ENOMEM;
    double *ref = xs + n;
    for (int i = 0; i < n; i++)
        xs[i] = x[i];
    for (int i = 0; i < n; i++) {
        double h = fd_step * fmax(1, fabs(x[i]));
        double d1 = central(f, ctx, xs, i, h), d2 = central(f, ctx, xs, i, h / 2);
        ref[i] = (4 * d2 - d1) / 3;
    }
    int status = judge("adc_check_gradient", n, grad, ref, tol, 4 * n, result, log);
    free(xs);
    return status;
}

/* out = D(t) of f along v: (f(x + t v) - f(x - t v)) / 2t. xs[n], yp[m], ym[m] are scratch. */
static void central_dir(adc_vector_fn f, void *ctx, int n, int m, const double *x,
                            const double *v, double t, double *xs, double *yp, double *ym,
                            double *out) {
    for (int i = 0; i < n; i++)
        xs[i] = x[i] + t * v[i];
    f(xs, yp, ctx);
    for (int i = 0; i < n; i++)
        xs[i] = x[i] - t * v[i];
    f(xs, ym, ctx);
    for (int k = 0; k < m; k++)
        out[k] = (yp[k] - ym[k]) / (2 * t);
}

/* The step along v: moves the largest-moving coordinate by 1e-3 * max(1, max |x_i|). */
static double dir_step(int n, const double *x, const double *v) {
    double xmax = 1, vmax = 0;
    for (int i = 0; i < n; i++) {
        xmax = fmax(xmax, fabs(x[i]));
        vmax = fmax(vmax, fabs(v[i]));
    }
    return fd_step * xmax / (vmax > 0 ? vmax : 1);
}

int adc_check_tangent(int n, int m, const double *x, const double *v, const double *jv,
                      adc_vector_fn f, void *ctx, double tol, adc_check_result *result, FILE *log) {
    if (n <= 0 || m <= 0 || !x || !v || !jv || !f || !valid_tol(tol) ||
        !all_finite(n, x) || !all_finite(n, v))
        return ADC_CHECK_EINVAL;
    double *xs = malloc(((size_t)n + 4 * (size_t)m) * sizeof *xs);
    if (!xs)
        return ADC_CHECK_ENOMEM;
    double *yp = xs + n, *ym = yp + m, *d1 = ym + m, *ref = d1 + m;
    double t = dir_step(n, x, v);
    central_dir(f, ctx, n, m, x, v, t, xs, yp, ym, d1);
    central_dir(f, ctx, n, m, x, v, t / 2, xs, yp, ym, ref);
    for (int k = 0; k < m; k++)
        ref[k] = (4 * ref[k] - d1[k]) / 3;
    int status = judge("adc_check_tangent", m, jv, ref, tol, 4, result, log);
    free(xs);
    return status;
}

/* sum a_i b_i, and sum |a_i b_i| in *abs_sum. */
static double dot(int n, const double *a, const double *b, double *abs_sum) {
    double s = 0, sa = 0;
    for (int i = 0; i < n; i++) {
        s += a[i] * b[i];
        sa += fabs(a[i] * b[i]);
    }
    *abs_sum = sa;
    return s;
}

int adc_check_adjoint(int n, int m, const double *v, const double *jv, const double *w,
                      const double *jtw, double tol, adc_check_result *result, FILE *log) {
    if (n <= 0 || m <= 0 || !v || !jv || !w || !jtw || !valid_tol(tol) ||
        !all_finite(n, v) || !all_finite(m, w))
        return ADC_CHECK_EINVAL;
    double abs_tangent, abs_adjoint;
    double tangent = dot(m, jv, w, &abs_tangent), adjoint = dot(n, v, jtw, &abs_adjoint);
    double big = fmax(abs_tangent, abs_adjoint);
    double min_scale = floor_scale * (isfinite(big) ? big : 0);
    adc_check_result r = {.max_error = component_error(adjoint, tangent, min_scale), .worst = -1,
                          .worst_ad = adjoint, .worst_ref = tangent};
    int status = r.max_error <= tol ? ADC_CHECK_PASS : ADC_CHECK_FAIL;
    if (log)
        fprintf(log, "adc_check_adjoint: <v,J^T w>=%.6e <J v,w>=%.6e error=%.1e (tol %g) %s\n",
                adjoint, tangent, r.max_error, tol, status == ADC_CHECK_PASS ? "PASS" : "FAIL");
    if (result)
        *result = r;
    return status;
}
