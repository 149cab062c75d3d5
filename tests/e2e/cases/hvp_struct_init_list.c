/* Hessian-vector products of a function whose local struct of pointers is initialized from a
 * list whose last item needs temporaries (difftest README entry 47): `sys_t s = {n, x, m, y,
 * (x[0] * acc) / (2.0 + acc * acc)};` split into member stores, the pointer members moved to
 * stores of their own (`s.x = x;`), which the adjoint saved on the tape as a second value of
 * s.x; the second stage refused to read that back ("swapping 's.x' between arrays other than
 * heap blocks", an internal failure of adc). f = x0 acc / (2 + acc^2) + s.y[1] x1 with
 * acc = y0 / 4 + x1 y1. hvp against FD of the gradient and symmetry <H u, w> = <u, H w>; the
 * gradient against FD. */
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(grad, hvp))
double hvp_struct_init_list(int n, const double *x, int m, double *y)
{
    double acc = 0.25 * y[0] + x[1] * y[1];
    sys_t s = {n, x, m, y, (x[0] * acc) / (2.0 + acc * acc)};
    return s.c + s.y[1] * s.x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double hvp_struct_init_list_grad(int n, const double *x, int m, double *y, double *x_grad, double *y_grad);
int hvp_struct_init_list_hvp(int n, const double *x, const double *x_v, double *x_hv, int m, double *y,
                             const double *y_v, double *y_hv);

/* z = (x0, x1, y0, y1) */
static double value(const double *z, void *p) {
    (void)p;
    double y[2] = {z[2], z[3]};
    return hvp_struct_init_list(2, z, 2, y);
}

static void gradient(const double *z, double *g, void *p) {
    (void)p;
    double y[2] = {z[2], z[3]};
    hvp_struct_init_list_grad(2, z, 2, y, g, g + 2);
}

static void hessian_times(const double *z, const double *v, double *hv) {
    double y[2] = {z[2], z[3]};
    e2e_expect_value("struct list", "hvp returns 0", hvp_struct_init_list_hvp(2, z, v, hv, 2, y, v + 2, hv + 2), 0.0, 0.0);
}

int main(void) {
    e2e_begin("hvp_struct_init_list");
    double z[4] = {0.7, -1.3, 0.4, 0.9}, g[4], u[4], w[4], hu[4], hw[4];
    adc_check_result r;
    gradient(z, g, NULL);
    e2e_check_status("struct list", "gradient vs finite differences",
                     adc_check_gradient(4, z, g, value, NULL, E2E_FD_TOL, &r, NULL), &r);
    e2e_fill(u, 4, 71u, -1.0, 1.0);
    e2e_fill(w, 4, 72u, -1.0, 1.0);
    hessian_times(z, u, hu);
    hessian_times(z, w, hw);
    int st = adc_check_tangent(4, 4, z, u, hu, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("struct list", "Hessian-vector product vs finite differences of the gradient", st, &r);
    e2e_expect_value("struct list", "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, 4), e2e_dot(u, hw, 4),
                     1e-12 * (1.0 + fabs(e2e_dot(hu, w, 4))));
    return e2e_finish();
}
#endif
