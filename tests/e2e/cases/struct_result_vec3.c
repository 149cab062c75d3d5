/* Small vector structs returned by value from helpers, as n-body, rigid-body and ray codes
 * write them: vec3 vsub/vadd/vscale/vcross, double vdot, over an array of vec3 positions,
 * nested (f = vadd(f, vscale(r, k))), a declaration from a call (vec3 r = vsub(p[j], p[i])),
 * the result assigned back to an argument (g = vadd(g, vcross(r, f))), a call in a return.
 * They were refused ("returns a struct that carries derivatives"); each helper now fills its
 * result through a pointer parameter adc adds. FD, dot-product test, adjoint increments, and
 * the vector tangent against the tangent along each direction. */
#include <math.h>
#include <adc.h>

typedef struct {
    double x, y, z;
} vec3;

static vec3 vsub(vec3 a, vec3 b) { vec3 r = {a.x - b.x, a.y - b.y, a.z - b.z}; return r; }
static vec3 vadd(vec3 a, vec3 b) { vec3 r; r.x = a.x + b.x; r.y = a.y + b.y; r.z = a.z + b.z; return r; }
static vec3 vscale(vec3 a, double s) { vec3 r = {a.x * s, a.y * s, a.z * s}; return r; }
static double vdot(vec3 a, vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static vec3 vcross(vec3 a, vec3 b)
{
    vec3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}

ADC_DIFF(wrt(p), len(p: n), modes(tangent, adjoint, grad), vector(2))
double struct_result_vec3(const vec3 *p, int n)
{
    vec3 f = {0, 0, 0}, g = {0.5, 0, 0};
    double e = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (i == j)
                continue;
            vec3 r = vsub(p[j], p[i]);
            double d = sqrt(vdot(r, r));
            f = vadd(f, vscale(r, p[i].x / (d * d * d)));
            g = vadd(g, vcross(r, f));
            e += 1.0 / d;
        }
    return e + vdot(f, vcross(g, p[0])) + vdot(f, f);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

#define N 4
struct vec3_d2 {
    double x[2], y[2], z[2];
};
double struct_result_vec3_tangent(const vec3 *p, const vec3 *p_d, int n, double *d);
double struct_result_vec3_tangent_vector(const vec3 *p, const struct vec3_d2 *p_d, int n, double *d);
double struct_result_vec3_adjoint(const vec3 *p, vec3 *p_b, int n, double seed);
double struct_result_vec3_grad(const vec3 *p, int n, vec3 *p_grad);

/* The positions packed as x[3 i + c]. */
static double primal(const double *x, void *ctx) {
    (void)ctx;
    vec3 p[N];
    memcpy(p, x, sizeof p);
    return struct_result_vec3(p, N);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    vec3 p[N], pg[N];
    memcpy(p, x, sizeof p);
    memcpy(pg, g, sizeof pg); /* the harness's garbage: grad must zero it */
    double f = struct_result_vec3_grad(p, N, pg);
    memcpy(g, pg, sizeof pg);
    return f;
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    vec3 p[N], pd[N];
    memcpy(p, x, sizeof p);
    memcpy(pd, v, sizeof pd);
    return struct_result_vec3_tangent(p, pd, N, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    vec3 p[N], pb[N];
    memcpy(p, x, sizeof p);
    memcpy(pb, xb, sizeof pb);
    double f = struct_result_vec3_adjoint(p, pb, N, seed);
    memcpy(xb, pb, sizeof pb);
    return f;
}

int main(void) {
    e2e_begin("struct_result_vec3");
    double x[3 * N];
    e2e_fill(x, 3 * N, 3u, -1.0, 1.0);
    e2e_scalar s = {.label = "positions", .n = 3 * N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    double dirs[2][3 * N], along[2], both[2] = {NAN, NAN};
    struct vec3_d2 pd[N];
    vec3 p[N];
    memcpy(p, x, sizeof p);
    for (int k = 0; k < 2; k++) {
        e2e_fill(dirs[k], 3 * N, 40u + (unsigned)k, -1.0, 1.0);
        tangent(x, dirs[k], &along[k], NULL);
        for (int i = 0; i < N; i++) {
            pd[i].x[k] = dirs[k][3 * i];
            pd[i].y[k] = dirs[k][3 * i + 1];
            pd[i].z[k] = dirs[k][3 * i + 2];
        }
    }
    double fv = struct_result_vec3_tangent_vector(p, pd, N, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(x, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "two directions against the tangent along each", both, along, 2, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
