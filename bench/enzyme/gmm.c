/* Enzyme's gradient of the GMM objective (bench/objectives/gmm.c, compiled here as a copy named
 * gmm_objective_copy: Enzyme differentiates code of its own translation unit). */
#define gmm_objective gmm_objective_copy
#include "../objectives/gmm.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double gmm_objective_enzyme(int primal_return, int d, int k, int n, const double *alphas,
                            const double *means, const double *icf, const double *x,
                            Wishart wishart, double *alphas_b, double *means_b, double *icf_b)
{
    BENCH_ZERO(alphas_b, k);
    BENCH_ZERO(means_b, d * k);
    BENCH_ZERO(icf_b, k * (d * (d + 1) / 2));
    return BENCH_ENZYME_GRAD(primal_return, gmm_objective_copy, enzyme_const, d, enzyme_const, k,
                             enzyme_const, n, enzyme_dup, alphas, alphas_b, enzyme_dup, means,
                             means_b, enzyme_dup, icf, icf_b, enzyme_const, x, enzyme_const,
                             wishart);
}
