/* Hessian-vector products through a local struct passed by value to a helper: the helper's
 * adjoint takes the struct's adjoint through a pointer and writes (*p_b).x; its tangent (second
 * order) once wrote *p_b_d.x, which did not compile. f = q.x q.y^2 + q.x^2 with q = (x0 x1, x1),
 * that is x0 x1^3 + x0^2 x1^2. FD of the gradient and the closed-form Hessian. */
#include <adc.h>

struct pt {
    double x, y;
};

static double spread(struct pt p)
{
    return p.x * p.y * p.y;
}

ADC_DIFF(wrt(x), len(x: 2), modes(grad, hvp))
double hvp_struct_local(const double *x)
{
    struct pt q = {x[0] * x[1], x[1]};
    return spread(q) + q.x * q.x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double hvp_struct_local_grad(const double *x, double *x_grad);
int hvp_struct_local_hvp(const double *x, const double *x_v, double *x_hv);

static void gradient(const double *x, double *g, void *p) {
    (void)p;
    hvp_struct_local_grad(x, g);
}

int main(void) {
    e2e_begin("hvp_struct_local");
    double x[2] = {0.7, -1.3}, v[2] = {0.4, 0.9}, hv[2];
    e2e_expect_value("local struct", "hvp returns 0", hvp_struct_local_hvp(x, v, hv), 0.0, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(2, 2, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("local struct", "Hessian-vector product vs finite differences of the gradient", st, &r);
    double h00 = 2 * x[1] * x[1], h01 = 3 * x[1] * x[1] + 4 * x[0] * x[1], h11 = 6 * x[0] * x[1] + 2 * x[0] * x[0];
    double want[2] = {h00 * v[0] + h01 * v[1], h01 * v[0] + h11 * v[1]};
    e2e_expect_close("local struct", "Hessian-vector product against the closed form", hv, want, 2, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
