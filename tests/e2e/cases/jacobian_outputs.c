/* Jacobian wrappers on outputs that went wrong (issue 18): two in-out arrays (the wrapper did not compile: else without if), and a pure output written by a helper, which has no columns (the README's rule). Forward, vector forward and reverse agree with the closed forms (1e-10). */
#include <adc.h>

/* u0 <- u0 v1 + u1, v1 <- v0 u1, v0 <- u0 v1 (entry values) */
ADC_DIFF(wrt(u, v), len(u: 2, v: 2), modes(jacobian))
void two_in_out(double *u, double *v) {
    double a = u[0] * v[1];
    u[0] = a + u[1];
    v[1] = v[0] * u[1];
    v[0] = a;
}

ADC_DIFF(wrt(u, v), len(u: 2, v: 2), modes(jacobian), vector(3))
void two_in_out_v(double *u, double *v) {
    double a = u[0] * v[1];
    u[0] = a + u[1];
    v[1] = v[0] * u[1];
    v[0] = a;
}

static void put(double *y, double a) {
    y[0] = a;
    y[1] = 2 * a;
}

ADC_DIFF(wrt(x, y), len(y: 2), modes(jacobian))
void pure_output(double x, double *y) {
    put(y, x * x);
}

/* y[0] written, y[1] left as it was: y1 on return is y1 on entry, a column of its own */
ADC_DIFF(wrt(x, y), len(y: 2), modes(jacobian))
void partial_output(double x, double *y) {
    y[0] = x * x;
}

/* the loop stops after two elements: y[2] keeps its value on entry */
ADC_DIFF(wrt(x, y), len(y: n), modes(jacobian), vector(3))
void stopped_output(int n, double x, double *y) {
    for (int i = 0; i < n; i++) {
        y[i] = x * (i + 1);
        if (i == 1)
            break;
    }
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

int two_in_out_jacobian_forward(double *u, double *v, double *jacobian);
int two_in_out_jacobian_reverse(double *u, double *v, double *jacobian);
int two_in_out_v_jacobian_forward(double *u, double *v, double *jacobian);
int pure_output_jacobian_forward(double x, double *y, double *jacobian);
int pure_output_jacobian_reverse(double x, double *y, double *jacobian);
int partial_output_jacobian_forward(double x, double *y, double *jacobian);
int partial_output_jacobian_reverse(double x, double *y, double *jacobian);
int stopped_output_jacobian_forward(int n, double x, double *y, double *jacobian);
int stopped_output_jacobian_reverse(int n, double x, double *y, double *jacobian);

/* Runs a route of partial_output or stopped_output (n = 3) at x = 3 into a Jacobian filled
 * with 9s, and compares it with want (rows, columns). */
static void check_kept(const char *name, const char *route, int (*partial)(double, double *, double *),
                       int (*stopped)(int, double, double *, double *), const double *want, int rows, int cols) {
    double y[3] = {0.5, 0.25, 0.125}, jac[13];
    for (int k = 0; k < 13; k++)
        jac[k] = 9.0;
    int status = partial ? partial(3.0, y, jac) : stopped(3, 3.0, y, jac);
    e2e_expect_value(name, route, status, 0.0, 0.0);
    e2e_expect_close(name, route, jac, want, rows * cols + 1, E2E_CLOSED_TOL);
}

int main(void) {
    e2e_begin("jacobian_outputs");
    /* rows u0, u1, v0, v1; columns u0, u1, v0, v1 on entry (2, 3, 5, 7) */
    double want[16] = {7, 1, 0, 2, 0, 1, 0, 0, 7, 0, 0, 2, 0, 5, 3, 0}, jac[16], out_want[4] = {17, 3, 14, 15};
    int (*routes[3])(double *, double *, double *) = {two_in_out_jacobian_forward, two_in_out_jacobian_reverse,
                                                      two_in_out_v_jacobian_forward};
    const char *names[3] = {"forward", "reverse", "vector forward (W = 3)"};
    for (int r = 0; r < 3; r++) {
        double uv[4] = {2, 3, 5, 7};
        e2e_expect_value("two_in_out", names[r], routes[r](uv, uv + 2, jac), 0.0, 0.0);
        e2e_expect_close("two_in_out", names[r], jac, want, 16, E2E_CLOSED_TOL);
        e2e_expect_close("two_in_out", "outputs left in u and v", uv, out_want, 4, E2E_CLOSED_TOL);
    }

    /* rows y0, y1; one column (x): y has none */
    double y[2], pj[3] = {9, 9, 9}, pure_want[3] = {6, 12, 9};
    pure_output_jacobian_forward(3.0, y, pj);
    e2e_expect_close("pure_output", "forward: 2 x 1, no columns for y", pj, pure_want, 3, E2E_CLOSED_TOL);
    pj[0] = pj[1] = 0.0;
    pure_output_jacobian_reverse(3.0, y, pj);
    e2e_expect_close("pure_output", "reverse: 2 x 1, no columns for y", pj, pure_want, 3, E2E_CLOSED_TOL);

    /* rows y0, y1; columns x, y0, y1: y1 is its own value on entry (the 9 after: untouched) */
    const double partial_want[7] = {6, 0, 0, 0, 0, 1, 9};
    check_kept("partial_output", "forward: 2 x 3", partial_output_jacobian_forward, NULL, partial_want, 2, 3);
    check_kept("partial_output", "reverse: 2 x 3", partial_output_jacobian_reverse, NULL, partial_want, 2, 3);
    /* rows y0, y1, y2; columns x, y0, y1, y2 */
    const double stopped_want[13] = {1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 9};
    check_kept("stopped_output", "forward: 3 x 4", NULL, stopped_output_jacobian_forward, stopped_want, 3, 4);
    check_kept("stopped_output", "reverse: 3 x 4", NULL, stopped_output_jacobian_reverse, stopped_want, 3, 4);
    return e2e_finish();
}
#endif
