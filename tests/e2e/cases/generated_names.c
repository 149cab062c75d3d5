/* User names equal to the names adc's generated code uses (issue 18): a parameter k and a global k beside the vector mode's direction loop, a loop index k in a vector Hessian, parameters i and j of the Jacobian wrappers, first/steps/done around a checkpointed loop, status, seed, value_d, columns, m_out, n_h, unit, hessian, tape, adj, result as parameters of the wrappers and adjoints, and locals x_d, x_b, t1, f_d beside x and f. Every route (vector(W) and scalar) agrees with closed forms (1e-10) and central finite differences (1e-6). */
#include <adc.h>

static const double k = 0.5; /* a global k: the vector loop must not capture it */

ADC_DIFF(wrt(x, k), modes(tangent, tangent_vector), vector(2))
double param_k(double x, double k) {
    return k * x;
}

ADC_DIFF(wrt(x), modes(tangent, tangent_vector), vector(3))
double global_k(double x) {
    return k * x * x;
}

/* the same Hessian by the vector route (loop_k_v) and by n HVPs (loop_k) */
ADC_DIFF(wrt(x), len(x: n), modes(hessian), vector(2))
double loop_k_v(int n, const double *x) {
    double s = 0.0;
    for (int k = 0; k < n; k++)
        s += (k + 3) * x[k] * x[k] * x[(k + 1) % n];
    return s;
}

ADC_DIFF(wrt(x), len(x: n), modes(hessian))
double loop_k(int n, const double *x) {
    double s = 0.0;
    for (int k = 0; k < n; k++)
        s += (k + 3) * x[k] * x[k] * x[(k + 1) % n];
    return s;
}

ADC_DIFF(wrt(i, j), modes(jacobian))
double ij(double i, double j) {
    return i * i * j;
}

ADC_DIFF(wrt(i, j), modes(jacobian), vector(2))
double ij_v(double i, double j) {
    return i * i * j;
}

/* the backward sweep of a checkpointed loop declares its own first, steps and done */
ADC_DIFF(wrt(x), modes(grad))
double checkpoint_names(double x, int steps) {
    double s = 1.0, first = x, done = 0.5;
    ADC_CHECKPOINT(2)
    for (int i = 0; i < 4; i++)
        s = s * x / steps + first * done;
    return s;
}

/* wrapper variables as parameters: H = [[2 status, value_d], [value_d, 2 columns]] */
ADC_DIFF(wrt(seed), len(seed: 2), modes(hvp, hessian, jacobian), vector(2))
double wrapper_names_v(const double *seed, double status, double value_d, double columns, double m_out,
                       double n_h, double unit, double hessian) {
    return status * seed[0] * seed[0] + value_d * seed[0] * seed[1] + columns * seed[1] * seed[1] +
           m_out * n_h * unit * hessian;
}

ADC_DIFF(wrt(seed), len(seed: 2), modes(hvp, hessian, jacobian))
double wrapper_names(const double *seed, double status, double value_d, double columns, double m_out,
                     double n_h, double unit, double hessian) {
    return status * seed[0] * seed[0] + value_d * seed[0] * seed[1] + columns * seed[1] * seed[1] +
           m_out * n_h * unit * hessian;
}

/* the adjoint's tape, adj and result */
ADC_DIFF(wrt(tape, adj, result), modes(grad, hvp))
double adjoint_names(double tape, double adj, double result) {
    double r = tape * adj;
    return r * result * result;
}

/* locals named like derived names: x_d and x_b beside x, t1 like a temporary, the result's
 * tangent shadow_locals_d: f = 2 x^3, f' = 6 x^2, f'' = 12 x */
ADC_DIFF(wrt(x), modes(tangent, adjoint, hvp))
double shadow_locals(double x) {
    double x_d = x * 2;
    double x_b = x_d * x;
    double t1 = x_b * x;
    double shadow_locals_d = t1;
    return shadow_locals_d;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double param_k_tangent_vector(double x, const double x_d[2], double k, const double k_d[2], double param_k_d[2]);
double global_k_tangent_vector(double x, const double x_d[3], double global_k_d[3]);
int loop_k_v_hessian(int n, const double *x, double *hessian);
int loop_k_hessian(int n, const double *x, double *hessian);
int ij_jacobian(double i, double j, double *jacobian);
int ij_v_jacobian_forward(double i, double j, double *jacobian);
int ij_v_jacobian_reverse(double i, double j, double *jacobian);
double checkpoint_names_grad(double x, int steps, double *x_grad);
int wrapper_names_v_hessian(const double *seed, double status, double value_d, double columns, double m_out,
                            double n_h, double unit, double hessian, double *hessian_2);
int wrapper_names_hessian(const double *seed, double status, double value_d, double columns, double m_out,
                          double n_h, double unit, double hessian, double *hessian_2);
int wrapper_names_v_jacobian_forward(const double *seed, double status, double value_d, double columns,
                                     double m_out, double n_h, double unit, double hessian, double *jacobian);
int wrapper_names_jacobian_forward(const double *seed, double status, double value_d, double columns,
                                   double m_out, double n_h, double unit, double hessian, double *jacobian);
int wrapper_names_jacobian_reverse(const double *seed, double status, double value_d, double columns,
                                   double m_out, double n_h, double unit, double hessian, double *jacobian);
double adjoint_names_grad(double tape, double adj, double result, double *tape_grad, double *adj_grad,
                          double *result_grad);
int adjoint_names_hvp(double tape, double tape_v, double *tape_hv, double adj, double adj_v, double *adj_hv,
                      double result, double result_v, double *result_hv);

double shadow_locals_tangent(double x, double x_d, double *shadow_locals_d);
double shadow_locals_adjoint(double x, double *x_b, double shadow_locals_b);
int shadow_locals_hvp(double x, double x_v, double *x_hv);

#define N 4

/* d/dx of checkpoint_names by central differences */
static double checkpoint_fd(double x, int steps) {
    double h = 1e-6;
    return (checkpoint_names(x + h, steps) - checkpoint_names(x - h, steps)) / (2 * h);
}

int main(void) {
    e2e_begin("generated_names");
    double dx[2] = {1.0, 0.0}, dk[2] = {0.0, 1.0}, d[3], want[N * N], h[N * N], other[N * N];
    param_k_tangent_vector(2.0, dx, 5.0, dk, d);
    double param_want[2] = {5.0, 2.0};
    e2e_expect_close("param_k", "directions (x, k) of k * x = (k, x)", d, param_want, 2, E2E_CLOSED_TOL);
    double ones[3] = {1.0, 2.0, -1.0}, global_want[3] = {3.0, 6.0, -3.0};
    global_k_tangent_vector(3.0, ones, d);
    e2e_expect_close("global_k", "directions of 0.5 x^2 at 3 = 3 v", d, global_want, 3, E2E_CLOSED_TOL);

    double x[N];
    e2e_fill(x, N, 181u, -1.0, 1.0);
    for (int i = 0; i < N * N; i++)
        want[i] = 0.0;
    for (int i = 0; i < N; i++) { /* (i + 3) x_i^2 x_{i+1} */
        int next = (i + 1) % N;
        want[i * N + i] += 2.0 * (i + 3) * x[next];
        want[i * N + next] += 2.0 * (i + 3) * x[i];
        want[next * N + i] += 2.0 * (i + 3) * x[i];
    }
    e2e_expect_value("loop_k", "vector Hessian returns 0", loop_k_v_hessian(N, x, h), 0.0, 0.0);
    e2e_expect_close("loop_k", "vector Hessian (W = 2) vs closed form", h, want, N * N, E2E_CLOSED_TOL);
    e2e_expect_value("loop_k", "Hessian returns 0", loop_k_hessian(N, x, other), 0.0, 0.0);
    e2e_expect_close("loop_k", "Hessian by HVPs vs closed form", other, want, N * N, E2E_CLOSED_TOL);

    double jac[2], ij_want[2] = {30.0, 9.0};
    ij_jacobian(3.0, 5.0, jac);
    e2e_expect_close("ij", "jacobian of i^2 j at (3, 5)", jac, ij_want, 2, E2E_CLOSED_TOL);
    ij_v_jacobian_forward(3.0, 5.0, jac);
    e2e_expect_close("ij", "vector jacobian_forward", jac, ij_want, 2, E2E_CLOSED_TOL);
    ij_v_jacobian_reverse(3.0, 5.0, jac);
    e2e_expect_close("ij", "jacobian_reverse", jac, ij_want, 2, E2E_CLOSED_TOL);

    double g = 0.0;
    checkpoint_names_grad(0.8, 2, &g);
    e2e_expect_value("checkpoint_names", "gradient vs finite differences", g, checkpoint_fd(0.8, 2), E2E_FD_TOL);

    double seed[2] = {0.3, -0.7}, H[4], H2[4], hw[4] = {2 * 1.5, 0.25, 0.25, 2 * -2.0};
    wrapper_names_v_hessian(seed, 1.5, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0, H);
    e2e_expect_close("wrapper_names", "vector Hessian", H, hw, 4, E2E_CLOSED_TOL);
    wrapper_names_hessian(seed, 1.5, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0, H2);
    e2e_expect_close("wrapper_names", "Hessian by HVPs", H2, hw, 4, E2E_CLOSED_TOL);
    double jw[2] = {2 * 1.5 * seed[0] + 0.25 * seed[1], 0.25 * seed[0] + 2 * -2.0 * seed[1]};
    wrapper_names_v_jacobian_forward(seed, 1.5, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0, jac);
    e2e_expect_close("wrapper_names", "vector jacobian_forward (the gradient)", jac, jw, 2, E2E_CLOSED_TOL);
    wrapper_names_jacobian_forward(seed, 1.5, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0, jac);
    e2e_expect_close("wrapper_names", "jacobian_forward", jac, jw, 2, E2E_CLOSED_TOL);
    wrapper_names_jacobian_reverse(seed, 1.5, 0.25, -2.0, 3.0, 4.0, 5.0, 6.0, jac);
    e2e_expect_close("wrapper_names", "jacobian_reverse", jac, jw, 2, E2E_CLOSED_TOL);

    /* f = t a r^2: gradient (a r^2, t r^2, 2 t a r); H v along v = (1, 0, 0): (0, r^2, 2 a r) */
    double t = 1.5, a = -0.5, r = 2.0, grad[3], hv[3];
    adjoint_names_grad(t, a, r, &grad[0], &grad[1], &grad[2]);
    double grad_want[3] = {a * r * r, t * r * r, 2 * t * a * r};
    e2e_expect_close("adjoint_names", "gradient", grad, grad_want, 3, E2E_CLOSED_TOL);
    adjoint_names_hvp(t, 1.0, &hv[0], a, 0.0, &hv[1], r, 0.0, &hv[2]);
    double hv_want[3] = {0.0, r * r, 2 * a * r};
    e2e_expect_close("adjoint_names", "H v, v = e_tape", hv, hv_want, 3, E2E_CLOSED_TOL);

    double sd, sb = 0.0, shv;
    shadow_locals_tangent(1.5, 1.0, &sd);
    shadow_locals_adjoint(1.5, &sb, 1.0);
    shadow_locals_hvp(1.5, 1.0, &shv);
    e2e_expect_value("shadow_locals", "tangent 6 x^2", sd, 6 * 1.5 * 1.5, E2E_CLOSED_TOL);
    e2e_expect_value("shadow_locals", "adjoint 6 x^2", sb, 6 * 1.5 * 1.5, E2E_CLOSED_TOL);
    e2e_expect_value("shadow_locals", "hvp 12 x", shv, 12 * 1.5, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
