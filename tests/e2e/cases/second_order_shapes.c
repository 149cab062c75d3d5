/* Second order and vector mode on shapes that went wrong (issue 18): a write through a pointer to a local array in vector mode ((*p_d)[k], not *p_d[k]); Hessians through sq(&x[i]), a const local, a local pointer into the active array (const double *b = w + 2), float data (a float Hessian), an inactive const 2-D array parameter and an array updated in place, each by the vector route (vector(2)) and by HVPs, against closed forms (1e-10; float 1e-4). */
#include <adc.h>

ADC_DIFF(wrt(x, y), modes(tangent_vector), vector(2))
double through_pointer(double x, double y) {
    double a[2] = {x, y};
    double *p = a;
    *p = *p * 3;
    return a[0] + a[1];
}

static double sq(const double *p) {
    return *p * *p;
}

/* sum (i + 1) x_i^2 + (x0 x1)^2 + b0 w0^2 + b1^2 w1 with b = w + 2: one function per route */
ADC_DIFF(wrt(w), len(w: 4), modes(hessian), vector(2))
double shapes_v(const double *w) {
    double s = 0.0;
    for (int i = 0; i < 4; i++)
        s += (i + 1) * sq(&w[i]);
    const double t = w[0] * w[1];
    const double *b = w + 2;
    return s + t * t + b[0] * w[0] * w[0] + b[1] * b[1] * w[1];
}

ADC_DIFF(wrt(w), len(w: 4), modes(hessian))
double shapes(const double *w) {
    double s = 0.0;
    for (int i = 0; i < 4; i++)
        s += (i + 1) * sq(&w[i]);
    const double t = w[0] * w[1];
    const double *b = w + 2;
    return s + t * t + b[0] * w[0] * w[0] + b[1] * b[1] * w[1];
}

/* float data: x0^2 x1 */
ADC_DIFF(wrt(x), len(x: 2), modes(hessian), vector(2))
float cubic_float_v(const float *x) {
    return x[0] * x[0] * x[1];
}

ADC_DIFF(wrt(x), len(x: 2), modes(hessian))
float cubic_float(const float *x) {
    return x[0] * x[0] * x[1];
}

/* x^T A x with an inactive const 2-D array: H = A + A^T */
ADC_DIFF(wrt(x), len(x: 2), modes(hessian), vector(2))
double quad_form_v(const double *x, const double A[2][2]) {
    double s = 0.0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            s += A[i][j] * x[i] * x[j];
    return s;
}

ADC_DIFF(wrt(x), len(x: 2), modes(hvp, hessian))
double quad_form(const double *x, const double A[2][2]) {
    double s = 0.0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            s += A[i][j] * x[i] * x[j];
    return s;
}

/* x updated in place: x_i <- x_i^2, then sum (i + 1) x_i x_{i+1} (x on entry) */
ADC_DIFF(wrt(x), len(x: 3), modes(hessian), vector(2))
double in_place_v(double *x) {
    double s = 0.0;
    for (int i = 0; i < 3; i++)
        x[i] = x[i] * x[i];
    for (int i = 0; i < 3; i++)
        s += (i + 1) * x[i] * x[(i + 1) % 3];
    return s;
}

ADC_DIFF(wrt(x), len(x: 3), modes(hessian))
double in_place(double *x) {
    double s = 0.0;
    for (int i = 0; i < 3; i++)
        x[i] = x[i] * x[i];
    for (int i = 0; i < 3; i++)
        s += (i + 1) * x[i] * x[(i + 1) % 3];
    return s;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double through_pointer_tangent_vector(double x, const double x_d[2], double y, const double y_d[2],
                                      double through_pointer_d[2]);
int shapes_v_hessian(const double *w, double *hessian);
int shapes_hessian(const double *w, double *hessian);
int cubic_float_v_hessian(const float *x, float *hessian);
int cubic_float_hessian(const float *x, float *hessian);
int quad_form_v_hessian(const double *x, const double A[2][2], double *hessian);
int quad_form_hessian(const double *x, const double A[2][2], double *hessian);
int in_place_v_hessian(double *x, double *hessian);
int in_place_hessian(double *x, double *hessian);

/* Both routes of one Hessian against want (n x n); also: x unchanged when given. */
static void both_routes(const char *label, int status_v, const double *h_v, int status, const double *h,
                        const double *want, int n, double tol) {
    e2e_expect_value(label, "vector Hessian returns 0", status_v, 0.0, 0.0);
    e2e_expect_close(label, "vector Hessian (W = 2) vs closed form", h_v, want, n * n, tol);
    e2e_expect_value(label, "Hessian returns 0", status, 0.0, 0.0);
    e2e_expect_close(label, "Hessian by HVPs vs closed form", h, want, n * n, tol);
}

int main(void) {
    e2e_begin("second_order_shapes");
    double xd[2] = {2.0, 1.0}, yd[2] = {2.0, 10.0}, d[2], d_want[2] = {8.0, 13.0};
    through_pointer_tangent_vector(0.5, xd, -1.5, yd, d);
    e2e_expect_close("through_pointer", "directions 3 x_d + y_d", d, d_want, 2, E2E_CLOSED_TOL);

    double w[4] = {0.7, -1.2, 0.4, 1.9}, h_v[16], h[16], want[16] = {0};
    for (int i = 0; i < 4; i++)
        want[i * 4 + i] = 2.0 * (i + 1);
    want[0] += 2 * w[1] * w[1] + 2 * w[2];
    want[5] += 2 * w[0] * w[0];
    want[1] = want[4] = 4 * w[0] * w[1];
    want[2] = want[8] = 2 * w[0];
    want[7] = want[13] = 2 * w[3];
    want[15] += 2 * w[1];
    both_routes("shapes", shapes_v_hessian(w, h_v), h_v, shapes_hessian(w, h), h, want, 4, E2E_CLOSED_TOL);

    float xf[2] = {2.0f, 3.0f}, hf_v[4], hf[4];
    double cubic_want[4] = {2 * 3.0, 2 * 2.0, 2 * 2.0, 0.0};
    int status_f_v = cubic_float_v_hessian(xf, hf_v), status_f = cubic_float_hessian(xf, hf);
    for (int i = 0; i < 4; i++) { /* the Hessian of float data is float */
        h_v[i] = hf_v[i];
        h[i] = hf[i];
    }
    both_routes("cubic_float", status_f_v, h_v, status_f, h, cubic_want, 2, E2E_FLOAT_CLOSED_TOL);

    double x[2] = {2.0, 3.0}, A[2][2] = {{1.0, 2.0}, {3.0, 4.0}}, quad_want[4] = {2.0, 5.0, 5.0, 8.0};
    both_routes("quad_form", quad_form_v_hessian(x, A, h_v), h_v, quad_form_hessian(x, A, h), h, quad_want, 2,
                E2E_CLOSED_TOL);

    /* s = sum (i + 1) u_i u_{i+1}, u = x^2: d2s/dx_i dx_j = 4 c_ij x_i x_j (i != j), 2 d_i on the diagonal */
    double xi[3] = {1.0, 2.0, 0.5}, entry[3], ip_want[9];
    memcpy(entry, xi, sizeof entry);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            double c = 0.0; /* coefficient of u_i u_j */
            if (j == (i + 1) % 3)
                c += i + 1;
            if (i == (j + 1) % 3)
                c += j + 1;
            ip_want[i * 3 + j] = i == j ? 0.0 : 4.0 * c * xi[i] * xi[j];
        }
    for (int i = 0; i < 3; i++) { /* d_i = sum over neighbours of the coefficient times u_j */
        int next = (i + 1) % 3, prev = (i + 2) % 3;
        ip_want[i * 3 + i] = 2.0 * ((i + 1) * xi[next] * xi[next] + (prev + 1) * xi[prev] * xi[prev]);
    }
    int status_v = in_place_v_hessian(xi, h_v);
    e2e_expect_close("in_place", "vector Hessian leaves x as on entry", xi, entry, 3, 0.0);
    both_routes("in_place", status_v, h_v, in_place_hessian(xi, h), h, ip_want, 3, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
