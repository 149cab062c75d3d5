// ADOL-C version of bench/objectives/mds.c: the same code with adouble for the active values.
#include <vector>
#include "adolc_bench.h"

// One tag per problem size: retracing a tag that was last traced with explicit buffer sizes
// (adolc_bench_trace_on) into a larger tape overran the heap in libadolc 2.7.2.
static short TAG = 50;
static adolc_tape_info info;
static int last_npts = -1;

static adouble mds_stress(int npts, const adouble *W, const double *D) {
    adouble L = 0.0;
    for (int i = 0; i < npts; i++) {
        for (int j = i + 1; j < npts; j++) {
            adouble dx = W[2 * i] - W[2 * j];
            adouble dy = W[2 * i + 1] - W[2 * j + 1];
            adouble r = dx * dx + dy * dy - D[i * npts + j];
            L += r * r;
        }
    }
    return L;
}

extern "C" double mds_adolc_grad(int npts, const double *W, const double *D, double *g,
                                 size_t *tape_bytes) {
    if (npts != last_npts)
        info = adolc_tape_info(), last_npts = npts, TAG++;
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> w(2 * npts);
        for (int i = 0; i < 2 * npts; i++)
            w[i] <<= W[i];
        adouble y = mds_stress(npts, w.data(), D);
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, 2 * npts, W, g);
    return f;
}

extern "C" double mds_adolc_reuse(int nparams, const double *W, double *g) {
    gradient(TAG, nparams, W, g);
    return g[0];
}
