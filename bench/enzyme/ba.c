/* Enzyme's gradient of the bundle-adjustment objective (bench/objectives/ba.c, compiled here as
 * a copy named ba_objective_copy: Enzyme differentiates code of its own translation unit). */
#define ba_objective ba_objective_copy
#include "../objectives/ba.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double ba_objective_enzyme(int primal_return, int ncams, int npts, int nobs, const double *cams,
                           const double *X, const int *obs, const double *feats, double *cams_b,
                           double *X_b)
{
    BENCH_ZERO(cams_b, BA_NCAMPARAMS * ncams);
    BENCH_ZERO(X_b, 3 * npts);
    return BENCH_ENZYME_GRAD(primal_return, ba_objective_copy, enzyme_const, ncams, enzyme_const,
                             npts, enzyme_const, nobs, enzyme_dup, cams, cams_b, enzyme_dup, X,
                             X_b, enzyme_const, obs, enzyme_const, feats);
}
