/* check_scalar.c: checks f_tangent and f_grad, which adc generated for `double f(double x)`,
 * against central finite differences at integer points (the chains of hostile cases branch at
 * k + 0.5, so each point and its neighbours take one branch). Built by run_hostile.sh together
 * with the case source and the generated file; exit status 0 when both derivatives agree to
 * 1e-6 (relative) everywhere and both functions return f's value. */
#include <math.h>
#include <stdio.h>

double f(double x);
double f_tangent(double x, double x_d, double *f_d);
double f_grad(double x, double *x_grad);

static int check(double x) {
    double h = 1e-6 * fmax(1.0, fabs(x)), d = 0, g = 0;
    double fd = (f(x + h) - f(x - h)) / (2 * h), y = f(x);
    double yt = f_tangent(x, 1.0, &d), yg = f_grad(x, &g);
    int ok = yt == y && yg == y && fabs(d - fd) <= 1e-6 * fmax(1.0, fabs(fd)) &&
             fabs(g - fd) <= 1e-6 * fmax(1.0, fabs(fd));
    printf("f(%g) = %.17g: tangent %.17g, gradient %.17g, finite differences %.17g: %s\n", x, y, d, g,
           fd, ok ? "ok" : "WRONG");
    return !ok;
}

int main(void) {
    static const double points[] = {-2.0, 0.0, 1.0, 7.0, 500.0, 999.0, 4321.0};
    int bad = 0;
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++)
        bad += check(points[i]);
    return bad != 0;
}
