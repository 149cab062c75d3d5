/* Jacobian wrappers (modes(jacobian)): y = A x gives A by both routes (a pure output: no columns for y); f(x, y) = (x + y, x - y) gives [[1, 1], [1, -1]]; an in-out relaxation step has columns for its entry values; forward and reverse agree to 1e-12 and match finite differences. relax_heap works in a malloc'd array: the reverse route leaves its outputs without leaking it (difftest seed 18778, under ASan). */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(jacobian))
void matvec(int m, int n, const double *a, const double *x, double *y) {
    for (int i = 0; i < m; i++) {
        y[i] = 0.0;
        for (int j = 0; j < n; j++)
            y[i] += a[i * n + j] * x[j];
    }
}

ADC_DIFF(wrt(x, y, out), len(out: 2), modes(jacobian), vector(3))
void sum_difference(double x, double y, double *out) {
    out[0] = x + y;
    out[1] = x - y;
}

ADC_DIFF(wrt(u, f), len(u: n, f: n), modes(jacobian), vector(3))
double relax(int n, double *u, const double *f) {
    for (int i = 1; i + 1 < n; i++)
        u[i] = 0.5 * (u[i - 1] + u[i + 1]) + 0.1 * sin(f[i]) * u[i];
    return u[n / 2] * u[n / 2];
}

ADC_DIFF(wrt(u, f), len(u: n, f: n), modes(jacobian))
double relax_heap(int n, double *u, const double *f) {
    double *w = malloc(sizeof *w * (size_t)n);
    for (int i = 0; i < n; i++)
        w[i] = u[i] * f[i];
    for (int i = 1; i + 1 < n; i++)
        u[i] = 0.25 * (w[i - 1] + w[i + 1]) + 0.5 * sin(w[i]);
    double s = w[0] * w[n - 1];
    free(w);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define M 3
#define N 4
#define R 5

int matvec_jacobian_forward(int m, int n, const double *a, const double *x, double *y, double *jacobian);
int matvec_jacobian_reverse(int m, int n, const double *a, const double *x, double *y, double *jacobian);
int matvec_jacobian(int m, int n, const double *a, const double *x, double *y, double *jacobian);
int sum_difference_jacobian(double x, double y, double *out, double *jacobian);
int relax_jacobian_forward(int n, double *u, const double *f, double *jacobian);
int relax_jacobian_reverse(int n, double *u, const double *f, double *jacobian);
int relax_heap_jacobian_forward(int n, double *u, const double *f, double *jacobian);
int relax_heap_jacobian_reverse(int n, double *u, const double *f, double *jacobian);

/* relax as a map (u, f) -> (result, u) for finite differences */
static void relax_map(const double *in, double *out, void *ctx) {
    (void)ctx;
    double u[R];
    for (int i = 0; i < R; i++)
        u[i] = in[i];
    out[0] = relax(R, u, in + R);
    for (int i = 0; i < R; i++)
        out[1 + i] = u[i];
}

int main(void) {
    e2e_begin("jacobian");
    double a[M * N], x[N], y[M], jf[M * N], jr[M * N];
    e2e_fill(a, M * N, 3u, -2.0, 2.0);
    e2e_fill(x, N, 5u, -1.0, 1.0);
    matvec_jacobian_forward(M, N, a, x, y, jf);
    e2e_expect_close("matvec", "forward Jacobian of y = A x is A", jf, a, M * N, E2E_EXACT_TOL);
    matvec_jacobian_reverse(M, N, a, x, y, jr);
    e2e_expect_close("matvec", "reverse Jacobian of y = A x is A", jr, a, M * N, E2E_EXACT_TOL);
    double want_y[M];
    matvec(M, N, a, x, want_y);
    e2e_expect_close("matvec", "outputs left in y", y, want_y, M, E2E_EXACT_TOL);
    matvec_jacobian(M, N, a, x, y, jf);
    e2e_expect_close("matvec", "automatic route", jf, a, M * N, E2E_EXACT_TOL);

    double out[2], js[4], want_s[4] = {1.0, 1.0, 1.0, -1.0};
    sum_difference_jacobian(0.3, -0.4, out, js);
    e2e_expect_close("sum_difference", "Jacobian [[1, 1], [1, -1]]", js, want_s, 4, E2E_EXACT_TOL);

    /* (1 + R) outputs (result, u) by 2R inputs (u on entry, f) */
    double u[R], f[R], u_entry[R], jrf[(1 + R) * 2 * R], jrr[(1 + R) * 2 * R], in[2 * R];
    e2e_fill(u_entry, R, 7u, 0.5, 1.5);
    e2e_fill(f, R, 11u, -1.0, 1.0);
    for (int i = 0; i < R; i++)
        u[i] = u_entry[i];
    relax_jacobian_forward(R, u, f, jrf);
    for (int i = 0; i < R; i++)
        u[i] = u_entry[i];
    relax_jacobian_reverse(R, u, f, jrr);
    e2e_expect_close("relax", "forward and reverse Jacobians agree", jrf, jrr, (1 + R) * 2 * R, E2E_EXACT_TOL);
    for (int i = 0; i < R; i++) {
        in[i] = u_entry[i];
        in[R + i] = f[i];
    }
    for (int j = 0; j < 2 * R; j++) { /* each column against finite differences */
        double e[2 * R] = {0}, column[1 + R];
        e[j] = 1.0;
        for (int i = 0; i < 1 + R; i++)
            column[i] = jrf[i * 2 * R + j];
        adc_check_result r;
        int st = adc_check_tangent(2 * R, 1 + R, in, e, column, relax_map, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status("relax", "Jacobian column vs finite differences", st, &r);
    }

    double u_heap[R], want_heap[R];
    for (int i = 0; i < R; i++)
        u[i] = u_heap[i] = want_heap[i] = u_entry[i];
    relax_heap(R, want_heap, f);
    relax_heap_jacobian_forward(R, u, f, jrf);
    relax_heap_jacobian_reverse(R, u_heap, f, jrr);
    e2e_expect_close("relax_heap", "forward and reverse Jacobians agree", jrf, jrr, (1 + R) * 2 * R, E2E_EXACT_TOL);
    e2e_expect_close("relax_heap", "reverse route leaves the outputs", u_heap, want_heap, R, E2E_EXACT_TOL);
    double dw0 = jrf[0 * 2 * R + R + 0], want_dw0 = u_entry[0] * u_entry[R - 1] * f[R - 1];
    e2e_expect_close("relax_heap", "d result / d f[0] = u0 u4 f4 (closed form)", &dw0, &want_dw0, 1, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
