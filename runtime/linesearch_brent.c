/* linesearch_brent.c: Brent's minimization of phi on [lo, hi] without derivatives. It keeps
 * the best point x, the second best w and the previous w, v; it steps to the vertex of the
 * parabola through them when that vertex is inside the interval and the step is less than
 * half the step before last, and otherwise takes a golden-section step into the larger part.
 * Steps are never shorter than tol1, so the interval keeps shrinking. */
#include <float.h>
#include <math.h>
#include "optim_internal.h"

typedef struct adc_brent {
    double a, b;          /* interval holding the minimizer */
    double x, w, v;       /* best, second best, previous second best */
    double fx, fw, fv;
    double step;          /* the step just chosen */
    double step_before;   /* the step before it (or the golden segment) */
} adc_brent;

static const double adc_brent_cgold = 0.3819660112501051;  /* (3 - sqrt(5)) / 2 */

/* Chooses s->step from x: parabolic if acceptable, golden section otherwise. */
static void adc_brent_choose_step(adc_brent *s, double tol1) {
    double mid = 0.5 * (s->a + s->b);
    if (fabs(s->step_before) > tol1) {
        double r = (s->x - s->w) * (s->fx - s->fv);
        double q = (s->x - s->v) * (s->fx - s->fw);
        double p = (s->x - s->v) * q - (s->x - s->w) * r;
        q = 2.0 * (q - r);
        if (q > 0)
            p = -p;
        q = fabs(q);
        double limit = s->step_before;  /* the step before last */
        s->step_before = s->step;
        if (fabs(p) < fabs(0.5 * q * limit) && p > q * (s->a - s->x) && p < q * (s->b - s->x)) {
            s->step = p / q;
            double u = s->x + s->step;
            if (u - s->a < 2.0 * tol1 || s->b - u < 2.0 * tol1)
                s->step = copysign(tol1, mid - s->x);
            return;
        }
    }
    s->step_before = s->x < mid ? s->b - s->x : s->a - s->x;
    s->step = adc_brent_cgold * s->step_before;
}

/* Takes in the evaluated point (u, fu). A tie keeps x, so that a region where phi is +Inf
 * is left behind. */
static void adc_brent_update(adc_brent *s, double u, double fu) {
    if (fu < s->fx) {
        if (u >= s->x)
            s->a = s->x;
        else
            s->b = s->x;
        s->v = s->w, s->fv = s->fw;
        s->w = s->x, s->fw = s->fx;
        s->x = u, s->fx = fu;
        return;
    }
    if (u < s->x)
        s->a = u;
    else
        s->b = u;
    if (fu <= s->fw || s->w == s->x) {
        s->v = s->w, s->fv = s->fw;
        s->w = u, s->fw = fu;
    } else if (fu <= s->fv || s->v == s->x || s->v == s->w) {
        s->v = u, s->fv = fu;
    }
}

adc_status adc_linesearch_brent(adc_phi_fn phi, void *ctx, double lo, double hi, double tol,
                                int max_evaluations, adc_linesearch_result *result) {
    if (!adc_ls_unimodal_args_ok(phi, lo, hi, tol, max_evaluations, 1, result))
        return ADC_EINVAL;
    int evaluations = 0;
    adc_brent s = {.a = lo, .b = hi};
    s.x = s.w = s.v = lo + adc_brent_cgold * (hi - lo);
    s.fx = s.fw = s.fv = adc_ls_phi(phi, ctx, s.x, &evaluations);
    adc_status status = ADC_OK;
    while (!adc_ls_interval_done(s.a, s.b, s.x, tol)) {
        if (evaluations >= max_evaluations) {
            status = ADC_MAX_EVALUATIONS;
            break;
        }
        double tol1 = 0.5 * tol + 2.0 * DBL_EPSILON * fabs(s.x);
        adc_brent_choose_step(&s, tol1);
        double u = s.x + (fabs(s.step) >= tol1 ? s.step : copysign(tol1, s.step));
        adc_brent_update(&s, u, adc_ls_phi(phi, ctx, u, &evaluations));
    }
    adc_ls_finish(result, status, s.x, s.fx, evaluations);
    result->lo = s.a;
    result->hi = s.b;
    return status;
}
