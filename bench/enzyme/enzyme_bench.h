/* enzyme_bench.h: Enzyme's gradients of the benchmark objectives (bench/enzyme/NAME.c), for the
 * drivers in bench/cases/. Each NAME_enzyme takes a flag, then the parameters of adc's
 * NAME_grad (the primal's, then the gradient of each active array): it zeroes the gradients,
 * calls __enzyme_autodiff on the objective and returns f, computed by the same call, when
 * primal_return is nonzero (enzyme_primal_return); with 0 it returns NAN and Enzyme is free to
 * skip the part of the primal the gradient does not need. The declarations are weak: bench/run
 * links bench/enzyme/NAME.c only when ENZYME_PLUGIN is set, and the drivers then see NULL. */
#ifndef ENZYME_BENCH_H
#define ENZYME_BENCH_H

#include "ba.h"
#include "gmm.h"
#include "heat.h"
#include "lstm.h"
#include "mds.h"
#include "mlp.h"

#define BENCH_WEAK __attribute__((weak))

double ba_objective_enzyme(int primal_return, int ncams, int npts, int nobs, const double *cams,
                           const double *X, const int *obs, const double *feats, double *cams_b,
                           double *X_b) BENCH_WEAK;
double gmm_objective_enzyme(int primal_return, int d, int k, int n, const double *alphas,
                            const double *means, const double *icf, const double *x,
                            Wishart wishart, double *alphas_b, double *means_b,
                            double *icf_b) BENCH_WEAK;
double heat_energy_enzyme(int primal_return, int n, int nsteps, double r, double *u,
                          double *u_b) BENCH_WEAK;
double lstm_loss_enzyme(int primal_return, const double *w, int len, const double *seq,
                        double *w_b) BENCH_WEAK;
double mds_stress_enzyme(int primal_return, int npts, const double *W, const double *D,
                         double *W_b) BENCH_WEAK;
double mlp_loss_enzyme(int primal_return, const double *W1, const double *b1, const double *W2,
                       const double *b2, const double *W3, const double *b3, int batch,
                       const double *X, const double *Y, double *W1_b, double *b1_b,
                       double *W2_b, double *b2_b, double *W3_b, double *b3_b) BENCH_WEAK;

/* For bench/enzyme/NAME.c (clang with the Enzyme plugin): Enzyme's C interface, and the call
 * of NAME_enzyme with or without the primal return. Enzyme reads the activity markers by name. */
#ifdef BENCH_ENZYME_IMPL
#include <math.h>
#include <string.h>
int enzyme_const, enzyme_dup, enzyme_primal_return;
double __enzyme_autodiff(void *, ...);
#define BENCH_ENZYME_GRAD(primal_return, fn, ...)                                               \
    ((primal_return) ? __enzyme_autodiff((void *)(fn), enzyme_primal_return, __VA_ARGS__)      \
                     : (__enzyme_autodiff((void *)(fn), __VA_ARGS__), NAN))
#define BENCH_ZERO(a, n) memset((a), 0, sizeof(double) * (size_t)(n))
#endif

#endif
