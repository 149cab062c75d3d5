/* Structs passed by value: an active struct parameter in the default wrt (its gradient once
 * zeroed with `*p_grad = 0.0`), and active local structs, a parameter, an array element and a
 * nested field passed by value to a static helper (the adjoint once passed a double for the
 * struct's adjoint). The vector mode's shadow of struct pt is struct pt_d3 (double x[3]), for
 * the parameter, the locals, the array and the nested field (once refused, and before that a
 * file that did not compile). FD, tangent against adjoint, vector against tangent, closed form. */
#include <math.h>
#include <adc.h>

struct pt {
    double x, y;
    int tag;
};

struct seg {
    struct pt a;
    double len;
};

static double spread(struct pt p)
{
    return p.x * p.y + sin(p.x) * p.tag;
}

ADC_DIFF(modes(tangent, adjoint, grad), vector(3))
double struct_by_value(struct pt p, double w)
{
    struct pt q = {w * p.x, p.y - w, 2};
    struct pt pts[2];
    pts[0] = q;
    pts[1].x = p.y * w;
    pts[1].y = 3.0;
    pts[1].tag = 1;
    struct seg s;
    s.a.x = q.y;
    s.a.y = w;
    s.a.tag = 3;
    s.len = 0.5;
    return spread(q) * w + spread(p) + spread(pts[1]) + s.len * spread(s.a);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_by_value_tangent(struct pt p, struct pt p_d, double w, double w_d, double *struct_by_value_d);
double struct_by_value_adjoint(struct pt p, struct pt *p_b, double w, double *w_b, double struct_by_value_b);
double struct_by_value_grad(struct pt p, double w, struct pt *p_grad, double *w_grad);
struct pt_d3 {
    double x[3], y[3];
    int tag;
};
double struct_by_value_tangent_vector(struct pt p, struct pt_d3 p_d, double w, const double w_d[3], double *d);

/* Packed as (p.x, p.y, w); p.tag is 1. */
static struct pt point(double x, double y) {
    struct pt p = {x, y, 1};
    return p;
}
static double primal(const double *v, void *ctx) {
    (void)ctx;
    return struct_by_value(point(v[0], v[1]), v[2]);
}
static double grad(const double *v, double *g, void *ctx) {
    (void)ctx;
    struct pt pg = {1e30, 1e30, 7};
    double f = struct_by_value_grad(point(v[0], v[1]), v[2], &pg, &g[2]);
    g[0] = pg.x;
    g[1] = pg.y;
    return f;
}
static double tangent(const double *v, const double *dv, double *df, void *ctx) {
    (void)ctx;
    return struct_by_value_tangent(point(v[0], v[1]), point(dv[0], dv[1]), v[2], dv[2], df);
}
static double adjoint(const double *v, double *vb, double seed, void *ctx) {
    (void)ctx;
    struct pt pb = point(vb[0], vb[1]);
    double f = struct_by_value_adjoint(point(v[0], v[1]), &pb, v[2], &vb[2], seed);
    vb[0] = pb.x;
    vb[1] = pb.y;
    return f;
}

int main(void) {
    e2e_begin("struct_by_value");
    double v[3] = {0.7, -0.4, 1.3};
    e2e_scalar s = {.label = "point and weight", .n = 3, .x = v, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* Closed form of d/dw at p = (x, y): the terms of q, pts[1] and s.a. */
    double x = v[0], y = v[1], w = v[2], g[3];
    grad(v, g, NULL);
    double qx = w * x, qy = y - w;
    double sq = qx * qy + 2.0 * sin(qx);
    double dsq = (x * qy - qx + 2.0 * cos(qx) * x) * w + sq;
    double dpts = y * 3.0 + cos(y * w) * y;
    double dsa = 0.5 * ((-1.0) * w + qy + 3.0 * cos(qy) * (-1.0));
    e2e_expect_value("point and weight", "d/dw against the closed form", g[2], dsq + dpts + dsa,
                     E2E_EXACT_TOL);
    /* Three directions at once against the tangent along each. */
    double dirs[3][3], along[3], both[3] = {NAN, NAN, NAN}, w_d[3];
    struct pt_d3 p_d = {{0}, {0}, 0};
    for (int k = 0; k < 3; k++) {
        e2e_fill(dirs[k], 3, 30u + (unsigned)k, -1.0, 1.0);
        tangent(v, dirs[k], &along[k], NULL);
        p_d.x[k] = dirs[k][0];
        p_d.y[k] = dirs[k][1];
        w_d[k] = dirs[k][2];
    }
    double fv = struct_by_value_tangent_vector(point(v[0], v[1]), p_d, v[2], w_d, both);
    e2e_expect_value("vector", "value returned by the vector tangent", fv, primal(v, NULL), E2E_EXACT_TOL);
    e2e_expect_close("vector", "three directions against the tangent along each", both, along, 3, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
