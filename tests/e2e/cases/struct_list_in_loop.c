/* A local struct of pointers declared by an initializer list inside a loop body (difftest
 * README entry 47, inside loops): `sys_t s = {n, x, m, y, c};` gives the members x and y again
 * on every pass, and a helper reads them through &s while the loop writes through s.y[0]. Each
 * member holds one array whenever it holds one (a pointer parameter, a local array): the forward
 * sweep tapes none of its stores, the backward sweep points it to its array where it begins.
 * struct_list_in_loop (x and y active, y in-out) in tangent, adjoint, grad and hvp;
 * struct_list_in_loop_h (a local array member) in grad, hvp and the dense Hessian with
 * vector(2). Checks: finite differences, the dot-product test, the Hessian-vector product
 * against finite differences of the gradient and its symmetry <w, H v> == <v, H w>, the
 * Hessian's columns against hvp, and the same arithmetic without the struct (twins). */
#include <math.h>
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static double reads(const sys_t *t) { return t->y[0] * t->x[1] + t->x[0] * t->c + sin(t->y[t->m - 1]); }

ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(tangent, adjoint, grad, hvp))
double struct_list_in_loop(int n, const double *x, int m, double *y)
{
    double acc = 0.25 * y[0];
    for (int k = 0; k < 3; k++) {
        sys_t s = {n, x, m, y, (x[0] * acc) / (2.0 + acc * acc)};
        s.y[0] = 0.5 * s.y[0] + x[1] * s.x[k % n];
        acc += reads(&s) + s.c * s.x[1];
    }
    return acc;
}

/* The same arithmetic, the arrays by name. */
ADC_DIFF(wrt(x, y), len(x: n, y: m), modes(grad))
double struct_list_in_loop_twin(int n, const double *x, int m, double *y)
{
    double acc = 0.25 * y[0];
    for (int k = 0; k < 3; k++) {
        double c = (x[0] * acc) / (2.0 + acc * acc);
        y[0] = 0.5 * y[0] + x[1] * x[k % n];
        acc += y[0] * x[1] + x[0] * c + sin(y[m - 1]) + c * x[1];
    }
    return acc;
}

ADC_DIFF(wrt(x), len(x: n), modes(grad, hvp, hessian), vector(2))
double struct_list_in_loop_h(int n, const double *x)
{
    double acc = 0.0;
    for (int k = 0; k < 4; k++) {
        double w[2] = {x[k % n] * x[1], cos(x[2])};
        sys_t s = {n, x, 2, w, x[0] * acc + x[3]};
        acc += reads(&s) * (1.0 + 0.1 * s.y[1]);
    }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4
#define M 3

double struct_list_in_loop_tangent(int n, const double *x, const double *x_d, int m, double *y, double *y_d, double *f_d);
double struct_list_in_loop_adjoint(int n, const double *x, double *x_b, int m, double *y, double *y_b, double f_b);
double struct_list_in_loop_grad(int n, const double *x, int m, double *y, double *x_grad, double *y_grad);
int struct_list_in_loop_hvp(int n, const double *x, const double *x_v, double *x_hv, int m, double *y,
                            const double *y_v, double *y_hv);
double struct_list_in_loop_twin_grad(int n, const double *x, int m, double *y, double *x_grad, double *y_grad);
double struct_list_in_loop_h_grad(int n, const double *x, double *x_grad);
int struct_list_in_loop_h_hvp(int n, const double *x, const double *x_v, double *x_hv);
int struct_list_in_loop_h_hessian(int n, const double *x, double *hessian);

/* The packed point z = (x, y): each call works on a copy of y (the function writes it). */
static double f(const double *z, void *p) {
    (void)p;
    double y[M] = {z[N], z[N + 1], z[N + 2]};
    return struct_list_in_loop(N, z, M, y);
}
static double grad(const double *z, double *g, void *p) {
    (void)p;
    double y[M] = {z[N], z[N + 1], z[N + 2]};
    return struct_list_in_loop_grad(N, z, M, y, g, g + N);
}
static double twin_grad(const double *z, double *g) {
    double y[M] = {z[N], z[N + 1], z[N + 2]};
    return struct_list_in_loop_twin_grad(N, z, M, y, g, g + N);
}
static void gradient(const double *z, double *g, void *p) { grad(z, g, p); }
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    double y[M] = {z[N], z[N + 1], z[N + 2]}, y_d[M] = {v[N], v[N + 1], v[N + 2]};
    return struct_list_in_loop_tangent(N, z, v, M, y, y_d, dv);
}
/* y_b on entry is the adjoint of y's value on return (y is in-out): zero, added after. */
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    double y[M] = {z[N], z[N + 1], z[N + 2]}, y_b[M] = {0};
    double value = struct_list_in_loop_adjoint(N, z, zb, M, y, y_b, seed);
    for (int i = 0; i < M; i++)
        zb[N + i] += y_b[i];
    return value;
}
static void hvp(const double *z, const double *v, double *hv) {
    double y[M] = {z[N], z[N + 1], z[N + 2]};
    struct_list_in_loop_hvp(N, z, v, hv, M, y, v + N, hv + N);
}
static void h_gradient(const double *x, double *g, void *p) {
    (void)p;
    struct_list_in_loop_h_grad(N, x, g);
}

/* <w, H v> == <v, H w>: the second route of a Hessian-vector product. */
static void symmetry(const char *label, int n, void (*product)(const double *, const double *, double *),
                     const double *z) {
    double v[N + M], w[N + M], hv[N + M], hw[N + M];
    e2e_fill(v, n, 3u, -1.0, 1.0);
    e2e_fill(w, n, 5u, -1.0, 1.0);
    product(z, v, hv);
    product(z, w, hw);
    e2e_expect_value(label, "<w, H v> == <v, H w>", e2e_dot(w, hv, n), e2e_dot(v, hw, n), E2E_EXACT_TOL);
}

static void h_hvp(const double *x, const double *v, double *hv) { struct_list_in_loop_h_hvp(N, x, v, hv); }

int main(void) {
    e2e_begin("struct_list_in_loop");
    double z[N + M] = {0.4, -0.9, 1.3, 0.2, 0.7, -0.3, 0.5}, g[N + M], twin[N + M], v[N + M], hv[N + M];
    e2e_scalar s = {.label = "list in loop", .n = N + M, .x = z, .f = f, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    e2e_expect_value("list in loop", "twin computes the same value", twin_grad(z, twin), f(z, NULL), E2E_EXACT_TOL);
    e2e_expect_close("list in loop", "gradient == twin's gradient", g, twin, N + M, E2E_EXACT_TOL);
    e2e_fill(v, N + M, 11u, -1.0, 1.0);
    hvp(z, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(N + M, N + M, z, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("list in loop", "hvp vs finite differences of the gradient", st, &r);
    symmetry("list in loop", N + M, hvp, z);

    double x[N] = {0.3, -0.7, 0.9, 0.4}, hx[N], h[N * N];
    e2e_fill(v, N, 13u, -1.0, 1.0);
    h_hvp(x, v, hx);
    st = adc_check_tangent(N, N, x, v, hx, h_gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("local array member", "hvp vs finite differences of the gradient", st, &r);
    symmetry("local array member", N, h_hvp, x);
    struct_list_in_loop_h_hessian(N, x, h);
    e2e_expect_symmetric("local array member", h, N);
    for (int j = 0; j < N; j++) {
        double unit[N] = {0}, col[N], hcol[N];
        unit[j] = 1.0;
        h_hvp(x, unit, col);
        for (int i = 0; i < N; i++)
            hcol[i] = h[i * N + j];
        e2e_expect_close("local array member", "Hessian column == hvp along the unit vector", hcol, col, N,
                         E2E_EXACT_TOL);
    }
    return e2e_finish();
}
#endif
