/* linesearch_parabolic.c: minimization of a unimodal phi on [lo, hi] by successive parabolic
 * interpolation. A triple a < b < c is kept with phi(b) <= phi(a), phi(c) (found first by
 * halving towards the lower end); the next point is the vertex of the parabola through the
 * triple, moved to bisection when the parabola is flat or the vertex leaves the interval, and
 * kept at least tol/2 from b so that the far side of the interval shrinks too. */
#include <math.h>
#include "optim_internal.h"

/* The vertex of the parabola through (a, fa), (b, fb), (c, fc); NaN if they are collinear. */
static double adc_parabola_vertex(double a, double fa, double b, double fb, double c, double fc) {
    double num = (b - a) * (b - a) * (fb - fc) - (b - c) * (b - c) * (fb - fa);
    double den = (b - a) * (fb - fc) - (b - c) * (fb - fa);
    return den != 0 ? b - 0.5 * num / den : NAN;
}

/* The next trial point for the bracketing triple a < b < c. */
static double adc_parabolic_trial(double a, double fa, double b, double fb, double c, double fc,
                                  double tol) {
    double u = adc_parabola_vertex(a, fa, b, fb, c, fc);
    int right_larger = c - b > b - a;
    if (!(u > a && u < c))
        return right_larger ? 0.5 * (b + c) : 0.5 * (a + b);
    if (fabs(u - b) < 0.5 * tol)
        return right_larger ? b + 0.5 * tol : b - 0.5 * tol;
    return u;
}

adc_status adc_linesearch_parabolic(adc_phi_fn phi, void *ctx, double lo, double hi, double tol,
                                    int max_evaluations, adc_linesearch_result *result) {
    if (!adc_ls_unimodal_args_ok(phi, lo, hi, tol, max_evaluations, 3, result))
        return ADC_EINVAL;
    int evaluations = 0;
    double a = lo, b = 0.5 * (lo + hi), c = hi;
    double fa = adc_ls_phi(phi, ctx, a, &evaluations);
    double fb = adc_ls_phi(phi, ctx, b, &evaluations);
    double fc = adc_ls_phi(phi, ctx, c, &evaluations);
    adc_status status = ADC_OK;
    while (!adc_ls_interval_done(a, c, b, tol)) {
        if (evaluations >= max_evaluations) {
            status = ADC_MAX_EVALUATIONS;
            break;
        }
        if (fa < fb || fc < fb) {  /* not bracketing yet: halve towards the lower end */
            if (fa < fb)
                c = b, fc = fb;
            else
                a = b, fa = fb;
            b = 0.5 * (a + c);
            fb = adc_ls_phi(phi, ctx, b, &evaluations);
            continue;
        }
        double u = adc_parabolic_trial(a, fa, b, fb, c, fc, tol);
        double fu = adc_ls_phi(phi, ctx, u, &evaluations);
        if (fu < fb) {  /* u becomes the middle point */
            if (u < b)
                c = b, fc = fb;
            else
                a = b, fa = fb;
            b = u, fb = fu;
        } else if (u < b) {
            a = u, fa = fu;
        } else {
            c = u, fc = fu;
        }
    }
    adc_ls_finish(result, status, b, fb, evaluations);
    result->lo = a;
    result->hi = c;
    return status;
}
