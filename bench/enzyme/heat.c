/* Enzyme's gradient of the heat objective (bench/objectives/heat.c, compiled here as a copy
 * named heat_energy_copy: Enzyme differentiates code of its own translation unit). u is updated
 * in place; u_b gets the gradient with respect to its initial value. */
#define heat_energy heat_energy_copy
#include "../objectives/heat.c"
#define BENCH_ENZYME_IMPL
#include "enzyme_bench.h"

double heat_energy_enzyme(int primal_return, int n, int nsteps, double r, double *u, double *u_b)
{
    BENCH_ZERO(u_b, n);
    return BENCH_ENZYME_GRAD(primal_return, heat_energy_copy, enzyme_const, n, enzyme_const,
                             nsteps, enzyme_const, r, enzyme_dup, u, u_b);
}
