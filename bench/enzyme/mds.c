/* Enzyme's gradient of the MDS objective (bench/objectives/mds.c, compiled here as a copy named
 * mds_stress_copy: Enzyme differentiates code of its own translation unit). */
#define mds_stress mds_stress_copy
#include "../objectives/mds.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double mds_stress_enzyme(int primal_return, int npts, const double *W, const double *D,
                         double *W_b)
{
    BENCH_ZERO(W_b, 2 * npts);
    return BENCH_ENZYME_GRAD(primal_return, mds_stress_copy, enzyme_const, npts, enzyme_dup, W,
                             W_b, enzyme_const, D);
}
