/* Active globals under control flow: a 2-D global grid updated by a step function with a branch
 * on its values, an inactive global clock t that the step advances and a while loop tests (the
 * adjoint restores it, so the backward sweep replays the same trips), an int counter, and an
 * early return from inside the loop. */
#include <math.h>
#include <adc.h>
double grid[3][3];
double fscale;
double t, tend = 1.0;
int iter;
static void advance(double h)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            if (grid[i][j] > 0.2)
                grid[i][j] -= h * fscale * grid[i][j] * grid[(i + 1) % 3][j];
            else
                grid[i][j] += h * sin(grid[i][(j + 2) % 3]);
        }
    t += h;
    iter++;
}
static double total(void) { double s = 0; for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) s += grid[i][j] * (i + j + 1); return s; }
ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad, hvp))
double globals_branches(const double *x)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            grid[i][j] = x[(i + j) % 3] * (1 + i);
    fscale = x[3];
    t = 0.0;
    while (t < tend) {
        advance(0.125);
        if (total() > 50.0)
            return total();
    }
    return total() * t;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double globals_branches_tangent(const double *x, const double *x_d, double *globals_branches_d);
double globals_branches_adjoint(const double *x, double *x_b, double globals_branches_b);
double globals_branches_grad(const double *x, double *x_grad);
int globals_branches_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return globals_branches(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return globals_branches_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return globals_branches_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return globals_branches_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    globals_branches_grad(x, g);
}

int main(void) {
    e2e_begin("globals_branches");
    double x[4] = {0.5, 0.7, -0.3, 1.1}, v[4] = {0.3, -0.2, 0.5, 0.1}, hv[4];
    e2e_scalar s = {.label = "globals_branches", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    double early[4] = {2.5, 2.7, 2.3, 0.1}; /* total() passes 50: the early return */
    s.label = "early return";
    s.x = early;
    e2e_run_scalar(&s, NULL);
    globals_branches(early);
    e2e_expect_value("globals_branches", "the early return is taken", t < tend, 1.0, 0.0);
    globals_branches_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(4, 4, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("globals_branches", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
