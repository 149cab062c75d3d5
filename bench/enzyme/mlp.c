/* Enzyme's gradient of the MLP objective (bench/objectives/mlp.c, compiled here as a copy named
 * mlp_loss_copy: Enzyme differentiates code of its own translation unit). */
#define mlp_loss mlp_loss_copy
#include "../objectives/mlp.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double mlp_loss_enzyme(int primal_return, const double *W1, const double *b1, const double *W2,
                       const double *b2, const double *W3, const double *b3, int batch,
                       const double *X, const double *Y, double *W1_b, double *b1_b,
                       double *W2_b, double *b2_b, double *W3_b, double *b3_b)
{
    BENCH_ZERO(W1_b, MLP_H1 * MLP_IN);
    BENCH_ZERO(b1_b, MLP_H1);
    BENCH_ZERO(W2_b, MLP_H2 * MLP_H1);
    BENCH_ZERO(b2_b, MLP_H2);
    BENCH_ZERO(W3_b, MLP_OUT * MLP_H2);
    BENCH_ZERO(b3_b, MLP_OUT);
    return BENCH_ENZYME_GRAD(primal_return, mlp_loss_copy, enzyme_dup, W1, W1_b, enzyme_dup, b1,
                             b1_b, enzyme_dup, W2, W2_b, enzyme_dup, b2, b2_b, enzyme_dup, W3,
                             W3_b, enzyme_dup, b3, b3_b, enzyme_const, batch, enzyme_const, X,
                             enzyme_const, Y);
}
