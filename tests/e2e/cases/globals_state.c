/* Active globals: a set-up function copies the inputs into a global state array and a global
 * gain, a step function reads and updates them (and an int counter), an energy function reads
 * them. The generated file defines the shadow globals state_d/gain_d, state_b/gain_b and, for
 * the vector mode, state_dv[N][2]/gain_dv[2]; every write to state and gain is taped, and the
 * backward sweep restores them. */
#include <math.h>
#include <adc.h>

#define N 4

double state[N];
double gain;
double dt = 0.1;
int steps_done;

static void set_up(const double *x)
{
    for (int i = 0; i < N; i++)
        state[i] = x[i];
    gain = x[N];
}

static void step(void)
{
    double s = 0.0;
    for (int i = 0; i < N; i++)
        s += state[i];
    for (int i = 0; i < N; i++)
        state[i] += dt * (gain * sin(state[i]) - 0.1 * s * state[i]);
    steps_done++;
}

static double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < N; i++)
        e += state[i] * state[i];
    return e;
}

ADC_DIFF(wrt(x), len(x: N + 1), modes(tangent, adjoint, grad, hvp), vector(2))
double globals_state(const double *x)
{
    set_up(x);
    for (int k = 0; k < 5; k++)
        step();
    return energy() + gain * state[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double globals_state_tangent(const double *x, const double *x_d, double *globals_state_d);
double globals_state_adjoint(const double *x, double *x_b, double globals_state_b);
double globals_state_grad(const double *x, double *x_grad);
int globals_state_hvp(const double *x, const double *x_v, double *x_hv);
double globals_state_tangent_vector(const double *x, const double (*x_d)[2], double globals_state_d[2]);
extern double state_d[N], state_b[N], gain_d, gain_b, state_dv[N][2], gain_dv[2];

static double primal(const double *x, void *p) {
    (void)p;
    return globals_state(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return globals_state_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return globals_state_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return globals_state_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    globals_state_grad(x, g);
}

int main(void) {
    e2e_begin("globals_state");
    double x[N + 1], v[N + 1], hv[N + 1], g[N + 1], dv;
    e2e_fill(x, N + 1, 5u, -1.0, 1.0);
    e2e_fill(v, N + 1, 7u, -1.0, 1.0);
    e2e_scalar s = {.label = "globals_state", .n = N + 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    /* After the tangent, state holds the final state and state_d its tangent: gain_d is v[N]. */
    globals_state_tangent(x, v, &dv);
    double final[N];
    for (int i = 0; i < N; i++)
        final[i] = state[i];
    globals_state(x);
    e2e_expect_close("globals_state", "tangent leaves the final state", final, state, N, 0.0);
    e2e_expect_value("globals_state", "gain_d is the direction of x[N]", gain_d, v[N], 0.0);
    /* The vector mode: two directions at once, each the scalar tangent's. */
    double w[N + 1], dirs[N + 1][2], dw, dvec[2];
    e2e_fill(w, N + 1, 11u, -1.0, 1.0);
    for (int i = 0; i < N + 1; i++) {
        dirs[i][0] = v[i];
        dirs[i][1] = w[i];
    }
    globals_state_tangent(x, w, &dw);
    double state_w[N];
    for (int i = 0; i < N; i++)
        state_w[i] = state_d[i];
    globals_state_tangent_vector(x, (const double (*)[2])dirs, dvec);
    e2e_expect_value("globals_state", "vector tangent, direction 0", dvec[0], dv, E2E_EXACT_TOL);
    e2e_expect_value("globals_state", "vector tangent, direction 1", dvec[1], dw, E2E_EXACT_TOL);
    e2e_expect_value("globals_state", "vector tangent: state_dv[3][1] is state_d[3] along w", state_dv[3][1],
                     state_w[3], E2E_EXACT_TOL);
    e2e_expect_value("globals_state", "vector tangent: gain_dv[0]", gain_dv[0], v[N], 0.0);
    /* After the gradient, the backward sweep has restored state and gain to their values on entry. */
    for (int i = 0; i < N; i++)
        state[i] = 100.0 + i;
    gain = -7.0;
    globals_state_grad(x, g);
    e2e_expect_value("globals_state", "grad restores state[2] as on entry", state[2], 102.0, 0.0);
    e2e_expect_value("globals_state", "grad restores gain as on entry", gain, -7.0, 0.0);
    e2e_expect_value("globals_state", "grad: state_b[1] (state is set before it is read)", state_b[1], 0.0, 0.0);
    globals_state_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N + 1, N + 1, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("globals_state", "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
