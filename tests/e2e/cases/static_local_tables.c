/* Non-const static local arrays that are only read, element by element: the coefficient
 * tables of Numerical Recipes (gammln's `static double cof[6]`, read as `cof[j]/++y`, with
 * `y=x=xx` and the accumulated series) and a Horner loop `while (k--)` over a static table.
 * They hold their initializers on every call, like static const tables (adc refused every
 * non-const static local array before). Every mode against finite differences, the
 * dot-product test, and ln Gamma's derivative (the digamma function) at integers. */
#include <math.h>
#include <adc.h>

static double gammln(double xx)
{
	double x,y,tmp,ser;
	static double cof[6]={76.18009172947146,-86.50532032941677,
		24.01409824083091,-1.231739572450155,
		0.1208650973866179e-2,-0.5395239384953e-5};
	int j;

	y=x=xx;
	tmp=x+5.5;
	tmp -= (x+0.5)*log(tmp);
	ser=1.000000000190015;
	for (j=0;j<=5;j++) ser += cof[j]/++y;
	return -tmp+log(2.5066282746310005*ser/x);
}

static double horner(double t)
{
    static double c[4] = {1.0, -0.5, 0.25, -0.125};
    double s = 0.0;
    int k = 4;
    while (k--)
        s = s * t + c[k];
    return s;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double static_local_tables(const double *x)
{
    return gammln(x[0]) * horner(x[1]) + gammln(x[0] + x[1]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double static_local_tables_tangent(const double *x, const double *x_d, double *f_d);
double static_local_tables_adjoint(const double *x, double *x_b, double f_b);
double static_local_tables_grad(const double *x, double *x_grad);
int static_local_tables_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return static_local_tables(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return static_local_tables_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return static_local_tables_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return static_local_tables_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    static_local_tables_grad(x, g);
}

int main(void) {
    e2e_begin("static_local_tables");
    const double x[2] = {3.0, 0.6};
    e2e_scalar s = {.label = "static_local_tables", .n = 2, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[2];
    e2e_run_scalar(&s, g);
    /* psi(3) = 3/2 - gamma, psi(3.6) by the series gammln approximates to 2e-10 */
    double euler = 0.57721566490153286, h = 1.0 - 0.5 * 0.6 + 0.25 * 0.36 - 0.125 * 0.216;
    double psi3 = 1.5 - euler, psi36 = 1.1356628373888600;
    double want0 = psi3 * h + psi36;
    e2e_expect_value(s.label, "d/dx0 vs digamma (the series' accuracy)", g[0], want0, 1e-8);
    double v[2] = {0.6, -0.8}, hv[2];
    static_local_tables_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(2, 2, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
