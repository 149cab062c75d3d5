/* A helper returning a pointer into what a member of its struct parameter points to, as
 * genann's `double const *genann_run(genann const *ann, ...)` returns the first output
 * neuron, `ret`, a pointer into ann->output: adc refused it ("returning a pointer to floating
 * data that is not a heap block it allocated"). The helper now returns the offset and each
 * call reads `l->buf + offset`, a pointer read from a member of a struct, whose shadow is the
 * shadow struct's member at that offset. The value is used through a pointer variable and in
 * place (`layer_run(l, x + 1)[1]`, hoisted by lowering). Also genann's idioms around it: the
 * inputs memcpy'd into a member with a count read from an integer member of the same struct
 * (`sizeof(double) * l->n_in`: once refused, as the copy loop might change it), the activation
 * called through a member function pointer, and `struct layer;` declared before the typedef
 * naming it (the generated file once did not compile without it). FD, the dot-product test, the
 * adjoint's seed, and a closed form. */
#include <math.h>
#include <string.h>
#include <adc.h>

struct layer;

typedef double (*act_fn)(const struct layer *l, double a);

typedef struct layer {
    int n_in, n_out;
    act_fn act;
    double *w;   /* n_out rows of a bias and n_in weights */
    double *buf; /* the inputs, then the outputs */
} layer;

double act_softplus(const layer *l, double a) {
    (void)l;
    return log(1.0 + exp(a));
}

void layer_setup(layer *l) {
    l->act = act_softplus;
}

static double const *layer_run(layer const *l, double const *in) {
    memcpy(l->buf, in, sizeof(double) * l->n_in);
    double *o = l->buf + l->n_in;
    double const *ret = o;
    double const *w = l->w;
    for (int j = 0; j < l->n_out; ++j) {
        double sum = *w++;
        for (int k = 0; k < l->n_in; ++k)
            sum += *w++ * l->buf[k];
        *o++ = l->act(l, sum);
    }
    return ret;
}

ADC_DIFF(wrt(l), len(l: 1, l.w: l->n_out * (l->n_in + 1), l.buf: l->n_in + l->n_out))
double struct_interior_return(layer const *l, double const *x) {
    double const *out = layer_run(l, x);
    double s = 0.0;
    for (int j = 0; j < l->n_out; ++j)
        s += out[j] * out[j];
    s += layer_run(l, x + 1)[1];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double struct_interior_return_tangent(const layer *l, const layer *l_d, const double *x, double *f_d);
double struct_interior_return_adjoint(const layer *l, layer *l_b, const double *x, double f_b);
double struct_interior_return_grad(const layer *l, const double *x, layer *l_grad);

enum { NIN = 3, NOUT = 2, NW = NOUT * (NIN + 1) };
static const double X[NIN + 1] = {0.4, -0.9, 1.3, 0.2};

/* A layer whose weights are p, and scratch of its own. */
typedef struct {
    double w[NW], buf[NIN + NOUT];
    layer l;
} net;

static layer *make(net *n, const double *p) {
    for (int i = 0; i < NW; i++)
        n->w[i] = p ? p[i] : 0.0;
    for (int i = 0; i < NIN + NOUT; i++)
        n->buf[i] = 0.0;
    n->l = (layer){NIN, NOUT, 0, n->w, n->buf};
    layer_setup(&n->l);
    return &n->l;
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    net n;
    return struct_interior_return(make(&n, p), X);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    net n, gn;
    layer *gl = make(&gn, NULL);
    double f = struct_interior_return_grad(make(&n, p), X, gl);
    memcpy(g, gn.w, sizeof gn.w);
    return f;
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    (void)ctx;
    net n, bn;
    layer *bl = make(&bn, pb);
    double f = struct_interior_return_adjoint(make(&n, p), bl, X, seed);
    memcpy(pb, bn.w, sizeof bn.w);
    return f;
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    net n, dn;
    return struct_interior_return_tangent(make(&n, p), make(&dn, dp), X, df);
}

int main(void) {
    e2e_begin("struct_interior_return");
    double p[NW];
    e2e_fill(p, NW, 4u, -0.8, 0.8);
    e2e_scalar c = {.label = "layer", .n = NW, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[NW];
    e2e_run_scalar(&c, g);
    /* Closed form: o_j = softplus(z_j), z_j = w_j0 + sum_k w_jk in_k; the first run's outputs
     * enter squared, the second run's second output once. */
    double want[NW] = {0};
    for (int run = 0; run < 2; run++)
        for (int j = 0; j < NOUT; j++) {
            const double *in = X + run;
            double z = p[j * (NIN + 1)];
            for (int k = 0; k < NIN; k++)
                z += p[j * (NIN + 1) + 1 + k] * in[k];
            double o = log(1.0 + exp(z)), slope = 1.0 / (1.0 + exp(-z));
            double df_do = run == 0 ? 2.0 * o : j == 1 ? 1.0 : 0.0;
            want[j * (NIN + 1)] += df_do * slope;
            for (int k = 0; k < NIN; k++)
                want[j * (NIN + 1) + 1 + k] += df_do * slope * in[k];
        }
    e2e_expect_close("layer", "grad against the closed form", g, want, NW, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
