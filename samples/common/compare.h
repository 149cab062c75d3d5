/* compare.h: what the samples print and check: a value, vector or matrix computed by AD next
 * to its reference (the closed form of a seed example, or a known answer), and whether the two
 * agree to a stated tolerance. The error of a vector or matrix is
 *     max_i |ad_i - ref_i| / max_i |ref_i|
 * (the reference's largest entry sets the scale, so zero entries need no special case; an
 * all-zero reference gives the absolute error). NaN anywhere counts as disagreement. Each
 * compare_* prints its lines and returns 1 on disagreement, 0 otherwise, so main adds them
 * up and exits non-zero. Header-only (static inline), shared through -I../common. */
#ifndef SAMPLES_COMPARE_H
#define SAMPLES_COMPARE_H

#include <math.h>
#include <stdio.h>

/* max_i |ad_i - ref_i| / max_i |ref_i|; NaN when any difference is NaN. */
static inline double relative_error(int n, const double *ad, const double *ref) {
    double diff = 0.0, scale = 0.0;
    for (int i = 0; i < n; i++) {
        double d = fabs(ad[i] - ref[i]);
        if (isnan(d) || d > diff)  /* once diff is NaN, no d replaces it */
            diff = d;
        scale = fmax(scale, fabs(ref[i]));
    }
    return scale > 0.0 ? diff / scale : diff;
}

/* Prints the verdict line for an error against tol; returns 1 unless error <= tol. */
static inline int verdict(double error, double tol) {
    int ok = error <= tol;
    printf("  relative error %.1e (tolerance %.0e): %s\n", error, tol, ok ? "ok" : "FAILED");
    return !ok;
}

static inline int compare_value(const char *what, const char *ref_name, double ad, double ref,
                                double tol) {
    printf("%s\n  AD          % .17g\n  %-11s % .17g\n", what, ad, ref_name, ref);
    return verdict(relative_error(1, &ad, &ref), tol);
}

/* One line per component: index, AD, reference. */
static inline int compare_vector(const char *what, const char *ref_name, int n, const double *ad,
                                 const double *ref, double tol) {
    printf("%s\n  %-4s %24s %24s\n", what, "i", "AD", ref_name);
    for (int i = 0; i < n; i++)
        printf("  %-4d % 24.17g % 24.17g\n", i, ad[i], ref[i]);
    return verdict(relative_error(n, ad, ref), tol);
}

/* A row-major n x n matrix: each row of the AD result, then the same row of the reference. */
static inline int compare_matrix(const char *what, const char *ref_name, int n, const double *ad,
                                 const double *ref, double tol) {
    printf("%s (AD | %s)\n", what, ref_name);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            printf(" % 10.6f", ad[i * n + j]);
        printf("  |");
        for (int j = 0; j < n; j++)
            printf(" % 10.6f", ref[i * n + j]);
        printf("\n");
    }
    return verdict(relative_error(n * n, ad, ref), tol);
}

/* The last line of every sample; returns main's exit status. */
static inline int finish(int failures) {
    printf("%s\n", failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}

#endif
