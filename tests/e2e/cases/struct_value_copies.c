/* Whole structs copied as real codes copy them, in every mode: `body b = bs[i];` and
 * `bs[j] = b;` of a struct with an array member (reverse mode refused them: "copy the
 * fields"), an initializer list of structs returned by helpers, and by-value struct parameters
 * the helper assigns (`a.x /= d;`, reverse mode refused them: "pass it by pointer"), copied
 * into a local on entry. The vector mode's shadow of body holds that of v2, which it met
 * first (adc once crashed making them). FD, dot-product test, adjoint increments, vector
 * against tangent. */
#include <math.h>
#include <adc.h>

typedef struct {
    double x, y;
} v2;

typedef struct {
    double r[3];
    v2 v;
    double m;
    int id;
} body;

static v2 mk(double x, double y) { v2 p = {x, y}; return p; }
static v2 vnorm(v2 a)
{
    double d = sqrt(a.x * a.x + a.y * a.y);
    a.x /= d;
    a.y /= d;
    return a;
}
static double stretch(body b, double s)
{
    b.r[1] *= s;
    b.v.x += b.r[1];
    return b.v.x * b.r[0] + b.m;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad), vector(2))
double struct_value_copies(const double *x, int n)
{
    body bs[3];
    for (int i = 0; i < 3; i++) {
        bs[i].r[0] = x[i];
        bs[i].r[1] = x[(i + 1) % n] * x[i];
        bs[i].r[2] = sin(x[(i + 2) % n]);
        bs[i].v = vnorm(mk(x[i], 1.0 + x[i] * x[i]));
        bs[i].m = 1.0 + x[i] * x[i];
        bs[i].id = i;
    }
    double e = 0.0;
    for (int i = 0; i < 3; i++) {
        body b = bs[i];
        b.r[2] *= b.m;
        b.v.y += b.r[0];
        e += b.r[2] * b.v.y + stretch(b, x[i]);
        bs[(i + 1) % 3] = b;
    }
    v2 pair[2] = {vnorm(bs[0].v), mk(bs[1].r[2], bs[2].m)};
    return e + pair[0].x * pair[1].y + bs[0].r[2] * bs[1].v.x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4
double struct_value_copies_tangent(const double *x, const double *x_d, int n, double *d);
double struct_value_copies_tangent_vector(const double *x, const double (*x_d)[2], int n, double *d);
double struct_value_copies_adjoint(const double *x, double *x_b, int n, double seed);
double struct_value_copies_grad(const double *x, int n, double *x_grad);

static double primal(const double *x, void *ctx) { (void)ctx; return struct_value_copies(x, N); }
static double grad(const double *x, double *g, void *ctx) { (void)ctx; return struct_value_copies_grad(x, N, g); }
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return struct_value_copies_tangent(x, v, N, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return struct_value_copies_adjoint(x, xb, N, seed);
}

int main(void) {
    e2e_begin("struct_value_copies");
    double x[N] = {0.7, -0.4, 1.1, 0.3};
    e2e_scalar s = {.label = "copies", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    double dirs[2][N], along[2], both[2] = {NAN, NAN}, x_d[N][2];
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], N, 20u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++)
            x_d[i][k] = dirs[k][i];
    }
    struct_value_copies_tangent_vector(x, (const double (*)[2])x_d, N, both);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
