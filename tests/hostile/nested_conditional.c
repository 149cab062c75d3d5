/* A conditional nested in a branch of another conditional must be evaluated only when that
 * branch is chosen (README: "?: (only the chosen branch is evaluated and differentiated)").
 * q(x, 0) must not divide by zero, and h's gradient at x <= 0 must be 2, not NaN.
 * With -DADC_HOSTILE_MAIN this file's main checks the generated q_tangent, q_grad, h_tangent
 * and h_grad. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x))
double q(double x, int n) { return n == 0 ? x : (n > 5 ? x * x : x * (10 / n)); }

ADC_DIFF(wrt(x))
double h(double x) { return x <= 0.0 ? 2.0 * x : (x < 1.0 ? sqrt(x) : log(x)); }

#ifdef ADC_HOSTILE_MAIN
#include <stdio.h>

double q_tangent(double x, double x_d, int n, double *q_d);
double q_grad(double x, int n, double *x_grad);
double h_tangent(double x, double x_d, double *h_d);
double h_grad(double x, double *x_grad);

static int expect(const char *what, double got, double want) {
    int ok = fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want));
    printf("%s = %.17g, expected %.17g: %s\n", what, got, want, ok ? "ok" : "WRONG");
    fflush(stdout);
    return ok ? 0 : 1;
}

int main(void) {
    int bad = 0;
    double d = 0, g = 0;
    bad += expect("h_tangent(-1) value", h_tangent(-1.0, 1.0, &d), -2.0);
    bad += expect("h_tangent(-1) derivative", d, 2.0);
    bad += expect("h_grad(-1) value", h_grad(-1.0, &g), -2.0);
    bad += expect("h_grad(-1) derivative", g, 2.0);
    g = 0;
    bad += expect("h_grad(0) derivative", (h_grad(0.0, &g), g), 2.0);
    g = 0;
    bad += expect("h_grad(4) derivative", (h_grad(4.0, &g), g), 0.25);
    printf("calling q_tangent(2, 0) (q(2, 0) = %g)\n", q(2.0, 0));
    fflush(stdout);
    d = 0;
    bad += expect("q_tangent(2, 0) value", q_tangent(2.0, 1.0, 0, &d), 2.0);
    bad += expect("q_tangent(2, 0) derivative", d, 1.0);
    g = 0;
    bad += expect("q_grad(2, 0) derivative", (q_grad(2.0, 0, &g), g), 1.0);
    return bad != 0;
}
#endif
