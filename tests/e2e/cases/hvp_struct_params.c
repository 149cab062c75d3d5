/* Hessian-vector products with respect to struct parameters: a struct held by value (a
 * floating pair and an int), one struct through a pointer whose member points to floating data
 * (len(q: 1, q.v: q->n)) beside a floating member, the same struct by value writing through
 * its member (the wrapper's direction is a copy of the caller's), and an array of plain
 * structs (len(ps: n)), and a struct by value with a nested struct holding an array and a
 * member `const double *w` (its adjoint is written through a cast, ((double *)s_b->w)[i],
 * whose tangent once lost its parentheses: a file that did not compile). The directions and products have the parameter's type: the caller
 * points q_v->v and q_hv->v to arrays. Checked against finite differences of the gradient,
 * the symmetry <H u, w> = <u, H w> and a closed form for the first. */
#include <math.h>
#include <adc.h>

struct pair {
    double x, y;
    int k;
};

struct vec {
    int n;
    double *v;
    double w;
};

ADC_DIFF(wrt(p), modes(grad, hvp))
double hvp_struct_params(struct pair p)
{
    return p.x * p.x * p.y + sin(p.y) * p.k;
}

ADC_DIFF(wrt(q), len(q: 1, q.v: q->n), modes(grad, hvp))
double hvp_struct_pointer(const struct vec *q)
{
    double s = 0;
    for (int i = 0; i < q->n; i++)
        s += q->v[i] * q->v[i] * q->w + cos(q->v[i] * q->v[(i + 1) % q->n]);
    return s * q->w;
}

ADC_DIFF(wrt(q), len(q.v: q.n), modes(grad, hvp))
double hvp_struct_writes(struct vec q)
{
    for (int i = 0; i < q.n; i++) /* the caller's array: the gradient is at its values on entry */
        q.v[i] = q.v[i] * q.v[i] * q.w;
    double s = 0;
    for (int i = 0; i < q.n; i++)
        s += q.v[i] * q.v[(i + 1) % q.n];
    return s;
}

ADC_DIFF(wrt(ps), len(ps: n), modes(grad, hvp))
double hvp_struct_array(int n, const struct pair *ps)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += ps[i].x * ps[i].y * ps[(i + 1) % n].x + exp(0.1 * ps[i].y) * ps[i].k;
    return s;
}

struct inner {
    double a[2];
    double b;
};

struct outer {
    struct inner c;
    int n;
    const double *w;
};

ADC_DIFF(wrt(s), len(s.w: s.n), modes(grad, hvp))
double hvp_struct_nested(struct outer s)
{
    double t = s.c.a[0] * s.c.a[1] * s.c.b;
    for (int i = 0; i < s.n; i++)
        t += s.w[i] * s.w[i] * s.c.a[i % 2] + sin(s.w[i] * s.c.b);
    return t;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double hvp_struct_params_grad(struct pair p, struct pair *p_grad);
int hvp_struct_params_hvp(struct pair p, const struct pair p_v, struct pair *p_hv);
double hvp_struct_pointer_grad(const struct vec *q, struct vec *q_grad);
int hvp_struct_pointer_hvp(const struct vec *q, const struct vec *q_v, struct vec *q_hv);
double hvp_struct_writes_grad(struct vec q, struct vec *q_grad);
int hvp_struct_writes_hvp(struct vec q, const struct vec q_v, struct vec *q_hv);
double hvp_struct_array_grad(int n, const struct pair *ps, struct pair *ps_grad);
int hvp_struct_array_hvp(int n, const struct pair *ps, const struct pair *ps_v, struct pair *ps_hv);

double hvp_struct_nested_grad(struct outer s, struct outer *s_grad);
int hvp_struct_nested_hvp(struct outer s, const struct outer s_v, struct outer *s_hv);

#define N 4 /* entries of the vec; the flat form of a vec is v[0..N) then w */
#define K 3 /* pairs in the array; flat: x, y of each */

/* A function of the flat point x: its gradient into g, and (H v) into hv by its hvp. */
typedef struct Case {
    const char *label;
    int n;
    void (*gradient)(const double *x, double *g, void *ctx);
    int (*hvp)(const double *x, const double *v, double *hv);
} Case;

static void pair_grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    struct pair p = {x[0], x[1], 3}, pg;
    hvp_struct_params_grad(p, &pg);
    g[0] = pg.x, g[1] = pg.y;
}
static int pair_hvp(const double *x, const double *v, double *hv) {
    struct pair p = {x[0], x[1], 3}, pv = {v[0], v[1], 0}, phv;
    int st = hvp_struct_params_hvp(p, pv, &phv);
    hv[0] = phv.x, hv[1] = phv.y;
    return st;
}

/* The vec functions: which = 0 the pointer one, 1 the by-value one that writes. */
static void vec_grad_of(const double *x, double *g, int which) {
    double v[N], gv[N];
    memcpy(v, x, sizeof v);
    struct vec q = {N, v, x[N]}, qg = {N, gv, 0};
    if (which)
        hvp_struct_writes_grad(q, &qg);
    else
        hvp_struct_pointer_grad(&q, &qg);
    memcpy(g, gv, sizeof gv);
    g[N] = qg.w;
}
static int vec_hvp_of(const double *x, const double *dir, double *hv, int which) {
    double v[N], dv[N], hvv[N];
    memcpy(v, x, sizeof v);
    memcpy(dv, dir, sizeof dv);
    struct vec q = {N, v, x[N]}, qv = {N, dv, dir[N]}, qhv = {N, hvv, 0};
    int st = which ? hvp_struct_writes_hvp(q, qv, &qhv) : hvp_struct_pointer_hvp(&q, &qv, &qhv);
    memcpy(hv, hvv, sizeof hvv);
    hv[N] = qhv.w;
    return st;
}
static void pointer_grad(const double *x, double *g, void *ctx) { (void)ctx; vec_grad_of(x, g, 0); }
static int pointer_hvp(const double *x, const double *v, double *hv) { return vec_hvp_of(x, v, hv, 0); }
static void writes_grad(const double *x, double *g, void *ctx) { (void)ctx; vec_grad_of(x, g, 1); }
static int writes_hvp(const double *x, const double *v, double *hv) { return vec_hvp_of(x, v, hv, 1); }

static void pairs_of(const double *x, struct pair *ps) {
    for (int i = 0; i < K; i++)
        ps[i] = (struct pair){x[2 * i], x[2 * i + 1], i + 1};
}
static void array_grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    struct pair ps[K], pg[K];
    pairs_of(x, ps);
    hvp_struct_array_grad(K, ps, pg);
    for (int i = 0; i < K; i++)
        g[2 * i] = pg[i].x, g[2 * i + 1] = pg[i].y;
}
static int array_hvp(const double *x, const double *v, double *hv) {
    struct pair ps[K], pv[K], phv[K];
    pairs_of(x, ps);
    pairs_of(v, pv);
    int st = hvp_struct_array_hvp(K, ps, pv, phv);
    for (int i = 0; i < K; i++)
        hv[2 * i] = phv[i].x, hv[2 * i + 1] = phv[i].y;
    return st;
}

/* The nested one's flat form: c.a[0], c.a[1], c.b, then w[0..N). */
static struct outer outer_of(const double *x, double *w) {
    memcpy(w, x + 3, N * sizeof *w);
    return (struct outer){{{x[0], x[1]}, x[2]}, N, w};
}
static void flat_of(const struct outer *s, const double *w, double *x) {
    x[0] = s->c.a[0], x[1] = s->c.a[1], x[2] = s->c.b;
    memcpy(x + 3, w, N * sizeof *w);
}
static void nested_grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    double w[N], gw[N];
    struct outer s = outer_of(x, w), sg = {{{0, 0}, 0}, N, gw};
    hvp_struct_nested_grad(s, &sg);
    flat_of(&sg, gw, g);
}
static int nested_hvp(const double *x, const double *v, double *hv) {
    double w[N], vw[N], hw[N];
    struct outer s = outer_of(x, w), sv = outer_of(v, vw), shv = {{{0, 0}, 0}, N, hw};
    int st = hvp_struct_nested_hvp(s, sv, &shv);
    flat_of(&shv, hw, hv);
    return st;
}

int main(void) {
    e2e_begin("hvp_struct_params");
    Case cases[] = {{"struct by value", 2, pair_grad, pair_hvp},
                    {"pointer to a struct with a pointer member", N + 1, pointer_grad, pointer_hvp},
                    {"struct by value writing through its member", N + 1, writes_grad, writes_hvp},
                    {"array of structs", 2 * K, array_grad, array_hvp},
                    {"nested struct, const member pointer", 3 + N, nested_grad, nested_hvp}};
    for (int c = 0; c < 5; c++) {
        double x[8], u[8], w[8], hu[8], hw[8];
        int n = cases[c].n;
        e2e_fill(x, n, 51u + (unsigned)c, -0.9, 0.9);
        e2e_fill(u, n, 61u + (unsigned)c, -1.0, 1.0);
        e2e_fill(w, n, 71u + (unsigned)c, -1.0, 1.0);
        int st = cases[c].hvp(x, u, hu) + cases[c].hvp(x, w, hw);
        e2e_expect_value(cases[c].label, "hvp returns 0", st, 0.0, 0.0);
        adc_check_result r;
        st = adc_check_tangent(n, n, x, u, hu, cases[c].gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(cases[c].label, "Hessian-vector product vs finite differences of the gradient", st, &r);
        e2e_expect_value(cases[c].label, "symmetry <H u, w> = <u, H w>", e2e_dot(hu, w, n), e2e_dot(u, hw, n), 1e-12);
        if (c == 0) { /* x^2 y + 3 sin y */
            double want[2] = {2 * x[1] * u[0] + 2 * x[0] * u[1], 2 * x[0] * u[0] - 3 * sin(x[1]) * u[1]};
            e2e_expect_close(cases[c].label, "Hessian-vector product against the closed form", hu, want, 2,
                             E2E_CLOSED_TOL);
        }
    }
    return e2e_finish();
}
#endif
