/* Structs: an inactive const struct params * (double and int fields), an inactive struct passed by value (double and long fields), active local struct point values computed from active inputs, struct copy, field compound assignment, a local array of structs. */
#include <math.h>
#include <adc.h>

struct params {
    double scale;
    double offset;
    int order;
};

struct config {
    double weight;
    long iterations;
};

struct point {
    double x, y;
};

ADC_DIFF(wrt(x), len(x: n))
double struct_fields(int n, const double *x, const struct params *p, struct config cfg)
{
    struct point c = {0.0, 0.0};
    struct point pts[4];
    int npts = 0;
    for (int i = 0; i + 1 < n; i += 2) {
        struct point q;
        q.x = p->scale * x[i] + p->offset;
        q.y = p->scale * x[i + 1] - p->offset;
        c.x += q.x * q.y;
        c.y += q.x - q.y * q.y;
        if (npts < 4) {
            pts[npts] = q;
            npts++;
        }
    }
    struct point d = c;
    d.x *= cfg.weight;
    double s = 0.0;
    for (long k = 0; k < cfg.iterations; k++)
        s = s * 0.5 + d.x * d.y;
    for (int k = 1; k <= p->order; k++)
        s += pow(d.y, (double)k) / k;
    for (int i = 0; i < npts; i++)
        s += pts[i].x * pts[(i + 1) % npts].y;
    return s + sqrt(d.x * d.x + d.y * d.y);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_fields_tangent(int n, const double *x, const double *x_d, const struct params *p,
                             struct config cfg, double *struct_fields_d);
double struct_fields_adjoint(int n, const double *x, double *x_b, const struct params *p,
                             struct config cfg, double struct_fields_b);
double struct_fields_grad(int n, const double *x, const struct params *p, struct config cfg,
                          double *x_grad);

#define N 8
struct ctx {
    struct params p;
    struct config cfg;
};

static double primal(const double *x, void *v) {
    const struct ctx *c = v;
    return struct_fields(N, x, &c->p, c->cfg);
}
static double grad(const double *x, double *g, void *v) {
    const struct ctx *c = v;
    return struct_fields_grad(N, x, &c->p, c->cfg, g);
}
static double tangent(const double *x, const double *dx, double *dv, void *v) {
    const struct ctx *c = v;
    return struct_fields_tangent(N, x, dx, &c->p, c->cfg, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *v) {
    const struct ctx *c = v;
    return struct_fields_adjoint(N, x, xb, &c->p, c->cfg, seed);
}

int main(void) {
    e2e_begin("struct_fields");
    struct ctx c = {{1.5, 0.25, 3}, {0.8, 4}};
    double x[N];
    e2e_fill(x, N, 51u, -1.0, 1.0);
    e2e_scalar s = {.label = "struct_fields", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &c};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
