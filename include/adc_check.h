/* adc_check.h: derivative checks for users and for adc's own tests. Each check compares
 * derivatives computed by generated code with an independent route: Richardson-extrapolated
 * central finite differences, or the dot-product identity <J v, w> = <v, J^T w> between the
 * tangent and the adjoint. */
#ifndef ADC_CHECK_H
#define ADC_CHECK_H

#include <stdio.h>

/* A scalar function of n variables, and a vector function R^n -> R^m. */
typedef double (*adc_scalar_fn)(const double *x, void *ctx);
typedef void (*adc_vector_fn)(const double *x, double *y, void *ctx);

typedef struct adc_check_result {
    double max_error;   /* largest error: |ad - ref| / max(|ad|, |ref|, floor), infinite if
                           either is not finite. floor = 1e-8 * max(1, max |ref_i|) for finite
                           differences, 1e-8 * max(sum |jv_i w_i|, sum |v_j jtw_j|) for the
                           dot-product test */
    int worst;          /* index of the component with that error (-1 when not per component) */
    double worst_ad;    /* the derivative computed by AD there (adjoint check: <v, jtw>) */
    double worst_ref;   /* the reference (finite difference; adjoint check: <jv, w>) there */
    int evaluations;    /* function evaluations the check used */
} adc_check_result;

/* Status codes of the checks. ADC_CHECK_EINVAL: n or m <= 0, a NULL pointer (other than ctx,
 * result and log), a non-finite x, v or w, or tol negative or not finite; then f is not called
 * and nothing is written or printed. result is written only when the check ran (PASS or FAIL).
 * Non-finite derivatives (grad, jv, jtw) or values of f are not errors: they FAIL. */
enum { ADC_CHECK_PASS = 0, ADC_CHECK_FAIL = 1, ADC_CHECK_EINVAL = -1, ADC_CHECK_ENOMEM = -2 };

/* Compares grad[0..n) with finite differences of f at x (4n evaluations of f). Returns
 * ADC_CHECK_PASS when every component's error is <= tol; 1e-6 is a robust tol for smooth f
 * that varies on the scale of max(1, |x_i|) (the step is 1e-3 of that).
 * result may be NULL; when log is not NULL a one-line summary naming the worst component is
 * printed there, e.g. (one line)
 *   adc_check_gradient: worst component 3: ad=1.234500e+00 fd=1.234500e+00 error=2.1e-10
 *   (tol 1e-06) PASS */
int adc_check_gradient(int n, const double *x, const double *grad, adc_scalar_fn f, void *ctx,
                       double tol, adc_check_result *result, FILE *log);

/* Compares a tangent jv[0..m) = J(x) v with finite differences of f along v (4 evaluations). */
int adc_check_tangent(int n, int m, const double *x, const double *v, const double *jv,
                      adc_vector_fn f, void *ctx, double tol, adc_check_result *result, FILE *log);

/* Dot-product test of a tangent/adjoint pair: jv = J v (length m) and jtw = J^T w (length n)
 * must satisfy <jv, w> = <v, jtw> to relative tolerance tol. */
int adc_check_adjoint(int n, int m, const double *v, const double *jv, const double *w,
                      const double *jtw, double tol, adc_check_result *result, FILE *log);

#endif
