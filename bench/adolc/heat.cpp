// ADOL-C version of bench/objectives/heat.c: the same code with adouble for the active values.
#include <vector>
#include "adolc_bench.h"

static const short TAG = 6;
static adolc_tape_info info;

static adouble heat_energy(int n, int nsteps, double r, adouble *u) {
    for (int step = 0; step < nsteps; step++) {
        adouble left = u[0];
        for (int i = 1; i < n - 1; i++) {
            adouble centre = u[i];
            u[i] = centre + r * (left - 2.0 * centre + u[i + 1]);
            left = centre;
        }
    }
    adouble e = 0.0;
    for (int i = 0; i < n; i++)
        e += u[i] * u[i];
    return 0.5 * e / (n - 1);
}

extern "C" double heat_adolc_grad(int n, int nsteps, double r, const double *u0, double *g,
                                  size_t *tape_bytes) {
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> u(n);
        for (int i = 0; i < n; i++)
            u[i] <<= u0[i];
        adouble y = heat_energy(n, nsteps, r, u.data());
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, n, u0, g);
    return f;
}

extern "C" double heat_adolc_reuse(int n, const double *u0, double *g) {
    gradient(TAG, n, u0, g);
    return g[0];
}
