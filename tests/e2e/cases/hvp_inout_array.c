/* Hessian-vector products (tangent over adjoint) through functions that update an array
 * parameter in place: their adjoints tape the array whole on entry, and the tangent of the
 * adjoint must carry the array's tangents on the tape too. `twice` calls `relax` twice on the
 * same array; relax's updates are linear (not taped one by one), so only the second call's
 * restore gives the first call's backward sweep the values and tangents its cubic energy
 * reads. Checked against finite differences of the gradient. */
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n), modes(grad))
double relax(int n, double *u) {
    for (int s = 0; s < 3; s++)
        for (int i = 0; i + 1 < n; i++)
            u[i] = u[i] + 0.1 * u[i + 1];
    double e = 0.0;
    for (int i = 0; i < n; i++)
        e += u[i] * u[i] * u[i];
    return e;
}

ADC_DIFF(wrt(u), len(u: n), modes(grad, hvp))
double twice(int n, double *u) {
    double first = relax(n, u);
    return first * relax(n, u);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double twice_grad(int n, double *u, double *u_grad);
int twice_hvp(int n, double *u, const double *u_v, double *u_hv);

#define N 5

static void gradient(const double *x, double *g, void *p) {
    (void)p;
    double u[N];
    memcpy(u, x, sizeof u);
    twice_grad(N, u, g);
}

int main(void) {
    e2e_begin("hvp_inout_array");
    double x[N], v[N], hv[N], u[N];
    e2e_fill(x, N, 81u, -0.5, 0.5);
    e2e_fill(v, N, 82u, -1.0, 1.0);
    memcpy(u, x, sizeof u);
    e2e_expect_value("twice", "hvp returns 0", twice_hvp(N, u, v, hv), 0.0, 0.0);
    e2e_expect_close("twice", "hvp leaves u as on entry", u, x, N, 0.0);
    adc_check_result r;
    int st = adc_check_tangent(N, N, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("twice", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
