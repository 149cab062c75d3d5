/* main.c: L(w1, w2) = w2 log w1 + sqrt(w2 log w1) at one point: L, its tangents along each
 * input, its gradient and its Hessian (two Hessian-vector products) by adc next to the closed
 * forms; exits 1 if they disagree by more than TOL (relative, see compare.h). With
 * t = w2 log w1, L = t + sqrt t:
 *     grad L = L'(t) grad t,  Hessian = L''(t) grad t grad t^T + L'(t) Hessian(t),
 *     L'(t) = 1 + 1 / (2 sqrt t),  L''(t) = -1 / (4 t^(3/2)),
 *     grad t = (w2 / w1, log w1),  Hessian(t) = [-w2 / w1^2, 1 / w1; 1 / w1, 0]. */
#include "compare.h"
#include "graph_ad.h"

#define TOL 1e-12

static const double w1 = 2.5, w2 = 1.7;

/* The closed forms above: value, gradient (2) and Hessian (2 x 2, row-major). */
static double closed_form(double grad[2], double hessian[4]) {
    double t = w2 * log(w1), dl = 1.0 + 0.5 / sqrt(t), d2l = -0.25 / (t * sqrt(t));
    double dt[2] = {w2 / w1, log(w1)}, d2t[4] = {-w2 / (w1 * w1), 1.0 / w1, 1.0 / w1, 0.0};
    for (int i = 0; i < 2; i++) {
        grad[i] = dl * dt[i];
        for (int j = 0; j < 2; j++)
            hessian[2 * i + j] = d2l * dt[i] * dt[j] + dl * d2t[2 * i + j];
    }
    return t + sqrt(t);
}

int main(void) {
    double tangents[2], grad[2], hessian[4], want_grad[2], want_hessian[4];
    double value = L_tangent(w1, 1.0, w2, 0.0, &tangents[0]);
    L_tangent(w1, 0.0, w2, 1.0, &tangents[1]);
    L_grad(w1, w2, &grad[0], &grad[1]);
    if (L_hvp(w1, 1.0, &hessian[0], w2, 0.0, &hessian[1]) != 0 ||
        L_hvp(w1, 0.0, &hessian[2], w2, 1.0, &hessian[3]) != 0)
        return 1;
    double want_value = closed_form(want_grad, want_hessian);
    printf("L(w1, w2) = w2 log w1 + sqrt(w2 log w1) at (w1, w2) = (%g, %g)\n", w1, w2);
    int failures = compare_value("value", "closed form", value, want_value, TOL);
    failures += compare_vector("tangents (dL/dw1, dL/dw2)", "closed form", 2, tangents,
                               want_grad, TOL);
    failures += compare_vector("gradient", "closed form", 2, grad, want_grad, TOL);
    failures += compare_matrix("Hessian", "closed form", 2, hessian, want_hessian, TOL);
    return finish(failures);
}
