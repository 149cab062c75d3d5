/* Gaussian mixture model log-likelihood, as in ADBench (gmm_objective in
 * ADBench's C/C++ tools): k components in d dimensions, n points x[n*d]; parameters alphas[k]
 * (log weights), means[k*d] and icf[k*d(d+1)/2] (the inverse covariance factor of each
 * component: d log-diagonal entries, then the strictly lower triangle, column by column).
 * Returns log p(x | alphas, means, icf) + log Wishart prior. */
#include <math.h>
#include <adc.h>
#include "gmm.h"

static const double GMM_PI = 3.14159265358979323846;

static double arr_max(int n, const double *x)
{
    double m = x[0];
    for (int i = 1; i < n; i++)
        if (x[i] > m)
            m = x[i];
    return m;
}

static double sqnorm(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

static void subtract(int d, const double *x, const double *y, double *out)
{
    for (int i = 0; i < d; i++)
        out[i] = x[i] - y[i];
}

static double logsumexp(int n, const double *x)
{
    double mx = arr_max(n, x);
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += exp(x[i] - mx);
    return log(s) + mx;
}

/* log of the multivariate gamma function Gamma_p(a) */
static double log_gamma_distrib(double a, int p)
{
    double out = 0.25 * p * (p - 1) * log(GMM_PI);
    for (int j = 1; j <= p; j++)
        out += lgamma(a + 0.5 * (1 - j));
    return out;
}

static double log_wishart_prior(int p, int k, Wishart wishart, const double *sum_qs,
                                const double *Qdiags, const double *icf)
{
    int n = p + wishart.m + 1;
    int icf_sz = p * (p + 1) / 2;
    double C = n * p * (log(wishart.gamma) - 0.5 * log(2.0)) - log_gamma_distrib(0.5 * n, p);
    double out = 0.0;
    for (int ik = 0; ik < k; ik++) {
        double frobenius = sqnorm(p, &Qdiags[ik * p]) + sqnorm(icf_sz - p, &icf[ik * icf_sz + p]);
        out = out + 0.5 * wishart.gamma * wishart.gamma * frobenius - wishart.m * sum_qs[ik];
    }
    return out - k * C;
}

static void preprocess_qs(int d, int k, const double *icf, double *sum_qs, double *Qdiags)
{
    int icf_sz = d * (d + 1) / 2;
    for (int ik = 0; ik < k; ik++) {
        sum_qs[ik] = 0.0;
        for (int id = 0; id < d; id++) {
            double q = icf[ik * icf_sz + id];
            sum_qs[ik] = sum_qs[ik] + q;
            Qdiags[ik * d + id] = exp(q);
        }
    }
}

/* out = Q x with Q = diag(Qdiag) + strictly lower triangle ltri (column-major) */
static void Qtimesx(int d, const double *Qdiag, const double *ltri, const double *x, double *out)
{
    for (int id = 0; id < d; id++)
        out[id] = Qdiag[id] * x[id];
    int Lparamsidx = 0;
    for (int i = 0; i < d; i++) {
        for (int j = i + 1; j < d; j++) {
            out[j] = out[j] + ltri[Lparamsidx] * x[i];
            Lparamsidx++;
        }
    }
}

ADC_DIFF(wrt(alphas, means, icf), len(alphas: k, means: d * k, icf: k * (d * (d + 1) / 2)))
double gmm_objective(int d, int k, int n, const double *alphas, const double *means,
                     const double *icf, const double *x, Wishart wishart)
{
    const double CONSTANT = -n * d * 0.5 * log(2.0 * GMM_PI);
    int icf_sz = d * (d + 1) / 2;
    double Qdiags[GMM_MAX_K * GMM_MAX_D];
    double sum_qs[GMM_MAX_K];
    double xcentered[GMM_MAX_D];
    double Qxcentered[GMM_MAX_D];
    double main_term[GMM_MAX_K];

    preprocess_qs(d, k, icf, sum_qs, Qdiags);

    double slse = 0.0;
    for (int ix = 0; ix < n; ix++) {
        for (int ik = 0; ik < k; ik++) {
            subtract(d, &x[ix * d], &means[ik * d], xcentered);
            Qtimesx(d, &Qdiags[ik * d], &icf[ik * icf_sz + d], xcentered, Qxcentered);
            main_term[ik] = alphas[ik] + sum_qs[ik] - 0.5 * sqnorm(d, Qxcentered);
        }
        slse = slse + logsumexp(k, main_term);
    }
    double lse_alphas = logsumexp(k, alphas);
    double err = CONSTANT + slse - n * lse_alphas;
    return err + log_wishart_prior(d, k, wishart, sum_qs, Qdiags, icf);
}
