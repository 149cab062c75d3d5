/* main.c: value and gradient of fit + penalty from the generated code, compared with the
 * closed form; exits 1 if they differ. */
#include <math.h>
#include <stdio.h>
#include "model.h"
#include "fit_ad.h"
#include "penalty_ad.h"

int main(void) {
    const double x[MODEL_N] = {0.3, -0.7, 1.1, 0.25};
    double gf[MODEL_N], gp[MODEL_N], dir[MODEL_N] = {1.0, 0.0, -1.0, 0.5}, df;
    double value = fit_grad(MODEL_N, x, gf) + penalty_grad(MODEL_N, x, gp);
    fit_tangent(MODEL_N, x, dir, &df);

    double closed = 0.0, s = -MODEL_RADIUS2, dclosed = 0.0, err = 0.0;
    for (int i = 0; i < MODEL_N; i++) {
        double r = x[i] - 0.5 * i;
        closed += 0.5 * r * r + log(1.0 + x[i] * x[i]);
        s += x[i] * x[i];
    }
    closed += MODEL_MU * s * s;
    printf("f(x) = %.15g (closed form %.15g)\n", value, closed);
    err = fabs(value - closed) / fmax(1.0, fabs(closed));
    for (int i = 0; i < MODEL_N; i++) {
        double g = gf[i] + gp[i];
        double gc = (x[i] - 0.5 * i) + 2.0 * x[i] / (1.0 + x[i] * x[i]) + 4.0 * MODEL_MU * s * x[i];
        dclosed += ((x[i] - 0.5 * i) + 2.0 * x[i] / (1.0 + x[i] * x[i])) * dir[i];
        printf("df/dx%d = %.15g (closed form %.15g)\n", i, g, gc);
        err = fmax(err, fabs(g - gc) / fmax(1.0, fabs(gc)));
    }
    printf("fit tangent along dir = %.15g (closed form %.15g)\n", df, dclosed);
    err = fmax(err, fabs(df - dclosed) / fmax(1.0, fabs(dclosed)));
    printf("max relative error %.3g: %s\n", err, err < 1e-12 ? "PASS" : "FAIL");
    return err < 1e-12 ? 0 : 1;
}
