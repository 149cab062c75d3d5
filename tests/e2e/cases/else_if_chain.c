/* Else-if chains, written with if / else if and as chained ?: (which adc turns into else-if chains): reverse mode tapes the number of the branch taken, once per pass through a chain in a loop. Branches without derivatives, a chain without a final else, a chain nested in a branch of another, and Hessian-vector products through the taped branch numbers (tangent over adjoint). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double else_if_chain(const double *x) {
    double s = 0.0;
    for (int i = 0; i < 3; i++) {
        double t = x[0] + 0.7 * i;
        if (t < -1.0)
            s += t * t * x[1];
        else if (t < 0.0)
            s += 2.0;
        else if (t < 1.0) {
            double u = t < 0.5 ? sin(t) : t < 0.75 ? t * x[1] : exp(t);
            s += u * x[1];
        } else if (t > 5.0)
            s *= 0.5;
    }
    double c = x[1] < 0.0 ? -x[1] * x[0] : x[1] < 1.0 ? x[1] * x[1] : x[1] < 2.0 ? log(x[1]) * x[0] : x[0];
    return s + c;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double else_if_chain_tangent(const double *x, const double *x_d, double *else_if_chain_d);
double else_if_chain_adjoint(const double *x, double *x_b, double else_if_chain_b);
double else_if_chain_grad(const double *x, double *x_grad);
int else_if_chain_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return else_if_chain(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return else_if_chain_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return else_if_chain_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return else_if_chain_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    else_if_chain_grad(x, g);
}

int main(void) {
    e2e_begin("else_if_chain");
    /* every branch of both chains is taken at some point; none is near a branch boundary */
    static const double points[][2] = {{-2.1, 0.3}, {-0.8, 1.4}, {0.1, -0.5}, {0.4, 2.5}, {4.0, 0.9}, {-0.6, 1.5}};
    for (int k = 0; k < 6; k++) {
        char label[64];
        snprintf(label, sizeof label, "x = (%g, %g)", points[k][0], points[k][1]);
        double g[2];
        e2e_scalar s = {.label = label, .n = 2, .x = points[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, g);
        double v[2] = {0.6, -0.8}, hv[2];
        else_if_chain_hvp(points[k], v, hv);
        adc_check_result r;
        int st = adc_check_tangent(2, 2, points[k], v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
