// ADOL-C version of bench/objectives/gmm.c: the same code with adouble for the active values.
#include <cmath>
#include <vector>
#include "adolc_bench.h"

static short TAG = 10; // one tag per problem size (see mds.cpp)
static adolc_tape_info info;
static int last_nparams = -1;

static adouble arr_max(int n, const adouble *x) {
    adouble m = x[0];
    for (int i = 1; i < n; i++)
        if (x[i] > m)  // comparison of adoubles: decided at taping time
            m = x[i];
    return m;
}

static adouble sqnorm(int n, const adouble *x) {
    adouble s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

static void subtract(int d, const double *x, const adouble *y, adouble *out) {
    for (int i = 0; i < d; i++)
        out[i] = x[i] - y[i];
}

static adouble logsumexp(int n, const adouble *x) {
    adouble mx = arr_max(n, x);
    adouble s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(x[i] - mx);
    return log(s) + mx;
}

static double log_gamma_distrib(double a, int p) {
    double out = 0.25 * p * (p - 1) * std::log(M_PI);
    for (int j = 1; j <= p; j++)
        out += std::lgamma(a + 0.5 * (1 - j));
    return out;
}

static adouble log_wishart_prior(int p, int k, double gamma, int m, const adouble *sum_qs,
                                 const adouble *Qdiags, const adouble *icf) {
    int n = p + m + 1;
    int icf_sz = p * (p + 1) / 2;
    double C = n * p * (std::log(gamma) - 0.5 * std::log(2.0)) - log_gamma_distrib(0.5 * n, p);
    adouble out = 0.0;
    for (int ik = 0; ik < k; ik++) {
        adouble frobenius = sqnorm(p, &Qdiags[ik * p]) + sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
        out = out + 0.5 * gamma * gamma * frobenius - m * sum_qs[ik];
    }
    return out - k * C;
}

static void preprocess_qs(int d, int k, const adouble *icf, adouble *sum_qs, adouble *Qdiags) {
    int icf_sz = d * (d + 1) / 2;
    for (int ik = 0; ik < k; ik++) {
        sum_qs[ik] = 0.0;
        for (int id = 0; id < d; id++) {
            adouble q = icf[ik * icf_sz + id];
            sum_qs[ik] = sum_qs[ik] + q;
            Qdiags[ik * d + id] = exp(q);
        }
    }
}

static void Qtimesx(int d, const adouble *Qdiag, const adouble *ltri, const adouble *x,
                    adouble *out) {
    for (int id = 0; id < d; id++)
        out[id] = Qdiag[id] * x[id];
    int Lparamsidx = 0;
    for (int i = 0; i < d; i++)
        for (int j = i + 1; j < d; j++) {
            out[j] = out[j] + ltri[Lparamsidx] * x[i];
            Lparamsidx++;
        }
}

static adouble gmm_objective(int d, int k, int n, const adouble *alphas, const adouble *means,
                             const adouble *icf, const double *x, double gamma, int m) {
    const double CONSTANT = -n * d * 0.5 * std::log(2.0 * M_PI);
    int icf_sz = d * (d + 1) / 2;
    std::vector<adouble> Qdiags(d * k), sum_qs(k), xcentered(d), Qxcentered(d), main_term(k);
    preprocess_qs(d, k, icf, sum_qs.data(), Qdiags.data());
    adouble slse = 0.0;
    for (int ix = 0; ix < n; ix++) {
        for (int ik = 0; ik < k; ik++) {
            subtract(d, &x[ix * d], &means[ik * d], xcentered.data());
            Qtimesx(d, &Qdiags[ik * d], &icf[ik * icf_sz + d], xcentered.data(), Qxcentered.data());
            main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, Qxcentered.data());
        }
        slse = slse + logsumexp(k, main_term.data());
    }
    adouble lse_alphas = logsumexp(k, alphas);
    adouble err = CONSTANT + slse - n * lse_alphas;
    return err + log_wishart_prior(d, k, gamma, m, sum_qs.data(), Qdiags.data(), icf);
}

extern "C" double gmm_adolc_grad(int d, int k, int n, const double *params, const double *x,
                                 double wishart_gamma, int wishart_m, double *g,
                                 size_t *tape_bytes) {
    int nparams = k + d * k + k * (d * (d + 1) / 2);
    if (nparams != last_nparams)
        info = adolc_tape_info(), last_nparams = nparams, TAG++;
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> p(nparams);
        for (int i = 0; i < nparams; i++)
            p[i] <<= params[i];
        adouble y = gmm_objective(d, k, n, &p[0], &p[k], &p[k + d * k], x, wishart_gamma,
                                  wishart_m);
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, nparams, params, g);
    return f;
}

extern "C" double gmm_adolc_reuse(int nparams, const double *params, double *g) {
    gradient(TAG, nparams, params, g);
    return g[0];
}
