// ADOL-C version of bench/objectives/mlp.c: the same code with adouble for the active values.
#include <cmath>
#include <vector>
#include "adolc_bench.h"
#include "mlp.h"

static const short TAG = 4;
static adolc_tape_info info;

static void dense_tanh(int nout, int nin, const adouble *W, const adouble *b, const adouble *in,
                       adouble *out) {
    for (int i = 0; i < nout; i++) {
        adouble z = b[i];
        for (int j = 0; j < nin; j++)
            z += W[i * nin + j] * in[j];
        out[i] = tanh(z);
    }
}

static adouble mlp_loss(const adouble *W1, const adouble *b1, const adouble *W2,
                        const adouble *b2, const adouble *W3, const adouble *b3, int batch,
                        const double *X, const double *Y) {
    adouble loss = 0.0;
    for (int s = 0; s < batch; s++) {
        adouble x[MLP_IN], h1[MLP_H1], h2[MLP_H2];
        for (int j = 0; j < MLP_IN; j++)  // inputs are passive: constants on the tape
            x[j] = X[s * MLP_IN + j];
        dense_tanh(MLP_H1, MLP_IN, W1, b1, x, h1);
        dense_tanh(MLP_H2, MLP_H1, W2, b2, h1, h2);
        for (int k = 0; k < MLP_OUT; k++) {
            adouble out = b3[k];
            for (int j = 0; j < MLP_H2; j++)
                out += W3[k * MLP_H2 + j] * h2[j];
            adouble err = out - Y[s * MLP_OUT + k];
            loss += err * err;
        }
    }
    return loss / batch;
}

extern "C" double mlp_adolc_grad(const double *params, int batch, const double *X,
                                 const double *Y, double *g, size_t *tape_bytes) {
    const int o1 = MLP_H1 * MLP_IN, o2 = o1 + MLP_H1, o3 = o2 + MLP_H2 * MLP_H1, o4 = o3 + MLP_H2,
              o5 = o4 + MLP_OUT * MLP_H2, np = o5 + MLP_OUT;
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> p(np);
        for (int i = 0; i < np; i++)
            p[i] <<= params[i];
        adouble y = mlp_loss(&p[0], &p[o1], &p[o2], &p[o3], &p[o4], &p[o5], batch, X, Y);
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, np, params, g);
    return f;
}

extern "C" double mlp_adolc_reuse(int nparams, const double *params, double *g) {
    gradient(TAG, nparams, params, g);
    return g[0];
}
