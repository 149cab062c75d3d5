/* main.c: prints L, its tangents along each input, its gradient, and the closed form. */
#include <math.h>
#include <stdio.h>
#include "graph_ad.h"

double L(double w1, double w2);

int main(void) {
    double w1 = 2.5, w2 = 1.7, d1, d2, g1, g2;
    double value = L_tangent(w1, 1.0, w2, 0.0, &d1);
    L_tangent(w1, 0.0, w2, 1.0, &d2);
    L_grad(w1, w2, &g1, &g2);
    double v1 = log(w1), v2 = w2 * v1, dv2 = 1.0 + 0.5 / sqrt(v2);
    printf("L(%g, %g) = %.15g\n", w1, w2, value);
    printf("tangent:     dL/dw1 = %.15g  dL/dw2 = %.15g\n", d1, d2);
    printf("gradient:    dL/dw1 = %.15g  dL/dw2 = %.15g\n", g1, g2);
    printf("closed form: dL/dw1 = %.15g  dL/dw2 = %.15g\n", dv2 * w2 / w1, dv2 * v1);
    return 0;
}
