/* A `const T *` struct parameter still writes through its members: in C the const covers the
 * struct (its pointers), not what they point to, and genann's `genann_run(genann const *ann,
 * ...)` computes every neuron into ann->output[]. adc once read such a parameter as an input
 * only: the helper's writes got no derivatives (its tangent began `(void)a_d;`) and the loss's
 * gradient and tangent were silently zero in the weights. Here a helper given `const net *`
 * writes a layer through a pointer walking a member, a requested function given `const net *`
 * calls it and writes a member itself. FD, the dot-product test (tangent against grad), and
 * the adjoint's seed scaling. */
#include <math.h>
#include <adc.h>

typedef struct {
    int n;
    double *w; /* 2n weights: a scale and a bias per neuron */
    double *o; /* n outputs */
} net;

static void layer(const net *a, const double *in) {
    const double *w = a->w;
    double *o = a->o;
    for (int j = 0; j < a->n; j++) {
        double sum = *w++ * in[j];
        sum += *w++;
        *o++ = tanh(sum);
    }
}

ADC_DIFF(wrt(a), len(a: 1, a.w: 2 * a->n, a.o: a->n), modes(tangent, adjoint, grad))
double const_struct_member_writes(const net *a, const double *x) {
    double s = 0.0;
    layer(a, x);
    for (int j = 0; j < a->n; j++)
        a->o[j] = a->o[j] * a->o[j];
    for (int j = 0; j < a->n; j++)
        s += a->o[j] * (j + 1);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double const_struct_member_writes_tangent(const net *a, const net *a_d, const double *x, double *f_d);
double const_struct_member_writes_adjoint(const net *a, net *a_b, const double *x, double f_b);
double const_struct_member_writes_grad(const net *a, const double *x, net *a_grad);

enum { N = 4 };
static const double X[N] = {0.7, -1.1, 0.4, 1.9};

/* The active inputs are the 2N weights; o is scratch the function overwrites. */
static double primal(const double *p, void *ctx) {
    (void)ctx;
    double w[2 * N], o[N];
    for (int i = 0; i < 2 * N; i++)
        w[i] = p[i];
    net a = {N, w, o};
    return const_struct_member_writes(&a, X);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    double w[2 * N], o[N], go[N];
    for (int i = 0; i < 2 * N; i++)
        w[i] = p[i];
    net a = {N, w, o}, ga = {N, g, go};
    return const_struct_member_writes_grad(&a, X, &ga);
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    (void)ctx;
    double w[2 * N], o[N], ob[N] = {0};
    for (int i = 0; i < 2 * N; i++)
        w[i] = p[i];
    net a = {N, w, o}, ab = {N, pb, ob};
    return const_struct_member_writes_adjoint(&a, &ab, X, seed);
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    double w[2 * N], o[N], wd[2 * N], od[N] = {0};
    for (int i = 0; i < 2 * N; i++) {
        w[i] = p[i];
        wd[i] = dp[i];
    }
    net a = {N, w, o}, ad = {N, wd, od};
    return const_struct_member_writes_tangent(&a, &ad, X, df);
}

int main(void) {
    e2e_begin("const_struct_member_writes");
    double p[2 * N];
    e2e_fill(p, 2 * N, 3u, -0.9, 0.9);
    e2e_scalar c = {.label = "layer", .n = 2 * N, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[2 * N];
    e2e_run_scalar(&c, g);
    /* Closed form: d/dw_{2j} = (j+1) 2 o_j (1 - o_j^2) x_j, d/dw_{2j+1} the same without x_j. */
    double want[2 * N];
    for (int j = 0; j < N; j++) {
        double o = tanh(p[2 * j] * X[j] + p[2 * j + 1]);
        want[2 * j + 1] = (j + 1) * 2.0 * o * (1.0 - o * o);
        want[2 * j] = want[2 * j + 1] * X[j];
    }
    e2e_expect_close("layer", "grad against the closed form", g, want, 2 * N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
