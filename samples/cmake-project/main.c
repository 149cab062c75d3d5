/* main.c: value and gradient of rosenbrock from the code adc generated (objective_ad.h),
 * compared with the closed form and with libadc's finite-difference check. */
#include <math.h>
#include <stdio.h>
#include <adc_check.h>
#include "objective.h"
#include "objective_ad.h"

enum { N = 5 };

static double f_of_x(const double *x, void *ctx) {
    (void)ctx;
    return rosenbrock(N, x);
}

int main(void) {
    const double x[N] = {-1.2, 1.0, 0.5, -0.3, 0.8};
    double g[N];
    double value = rosenbrock_grad(N, x, g);
    double err = 0.0;
    printf("f(x) = %.15g\n", value);
    for (int i = 0; i < N; i++) {
        double gc = 0.0;
        if (i + 1 < N)
            gc += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
        if (i > 0)
            gc += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
        printf("df/dx%d = %.15g (closed form %.15g)\n", i, g[i], gc);
        err = fmax(err, fabs(g[i] - gc) / fmax(1.0, fabs(gc)));
    }
    int check = adc_check_gradient(N, x, g, f_of_x, NULL, 1e-6, NULL, stdout);
    int ok = err < 1e-12 && check == ADC_CHECK_PASS;
    printf("max relative error %.3g: %s\n", err, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
