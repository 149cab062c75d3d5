/* Mutual recursion between two annotated functions: f calls g calls f (depth bounded by the
 * inactive n). adc differentiates both; with -DADC_HOSTILE_MAIN this file's main checks
 * f_tangent, f_grad, g_tangent and g_grad against central finite differences. */
#include <math.h>
#include <adc.h>

double g(double x, int n);

ADC_DIFF(wrt(x))
double f(double x, int n) {
    if (n <= 0)
        return x * x;
    return 0.5 * g(x, n - 1) + sin(x);
}

ADC_DIFF(wrt(x))
double g(double x, int n) {
    if (n <= 0)
        return exp(x);
    return f(x * 1.5, n - 1) * x;
}

#ifdef ADC_HOSTILE_MAIN
#include <stdio.h>

double f_tangent(double x, double x_d, int n, double *f_d);
double f_grad(double x, int n, double *x_grad);
double g_tangent(double x, double x_d, int n, double *g_d);
double g_grad(double x, int n, double *x_grad);

static int check(const char *name, double (*fn)(double, int), double (*tangent)(double, double, int, double *),
                 double (*grad)(double, int, double *), double x, int n) {
    double h = 1e-6, fd = (fn(x + h, n) - fn(x - h, n)) / (2 * h);
    double dt = 0, dg = 0, v = fn(x, n);
    double vt = tangent(x, 1.0, n, &dt), vg = grad(x, n, &dg);
    double tol = 1e-6 * fmax(1.0, fabs(fd));
    int ok = fabs(vt - v) <= 1e-12 * fmax(1.0, fabs(v)) && fabs(vg - v) <= 1e-12 * fmax(1.0, fabs(v)) &&
             fabs(dt - fd) <= tol && fabs(dg - fd) <= tol;
    printf("%s(%g, %d) = %.12g: tangent %.12g, grad %.12g, finite differences %.12g: %s\n", name, x, n, v,
           dt, dg, fd, ok ? "ok" : "MISMATCH");
    return ok ? 0 : 1;
}

int main(void) {
    int bad = 0;
    for (int n = 0; n <= 6; n += 3) {
        bad += check("f", f, f_tangent, f_grad, 0.7, n);
        bad += check("g", g, g_tangent, g_grad, -0.4, n);
    }
    return bad != 0;
}
#endif
