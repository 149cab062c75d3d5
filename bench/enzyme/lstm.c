/* Enzyme's gradient of the LSTM objective (bench/objectives/lstm.c, compiled here as a copy
 * named lstm_loss_copy: Enzyme differentiates code of its own translation unit). */
#define lstm_loss lstm_loss_copy
#include "../objectives/lstm.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double lstm_loss_enzyme(int primal_return, const double *w, int len, const double *seq,
                        double *w_b)
{
    BENCH_ZERO(w_b, LSTM_NW);
    return BENCH_ENZYME_GRAD(primal_return, lstm_loss_copy, enzyme_dup, w, w_b, enzyme_const, len,
                             enzyme_const, seq);
}
