/* enzyme.c: Enzyme's gradient of a tests/realworld program, for bench/run (clang-19 with the
 * Enzyme plugin, -DRW_PROGRAM='"NAME.c"' -DRW_DRIVER='"NAME_main.c"' -DRW_UNDEF='"FILE"', FILE
 * an #undef of each macro NAME.c defines, which the driver may define again). Enzyme differentiates
 * code of its own translation unit, so the program and its driver are compiled here together
 * (the driver's main unused) and rw_enzyme differentiates the driver's adapter f(x, ctx) with
 * respect to x, ctx constant. bench/run keeps rw_enzyme the only global symbol of the object. */
#include "realworld.h"
#define rw_run(p) ((void)(p), 0)
#define main static rw_driver_main
#include RW_PROGRAM
#include RW_UNDEF
#include RW_DRIVER
#undef main

int enzyme_const, enzyme_dup, enzyme_primal_return;
double __enzyme_autodiff(void *, ...);

double rw_enzyme(const double *x, double *g, void *ctx, int primal_return) {
    if (primal_return)
        return __enzyme_autodiff((void *)f, enzyme_primal_return, enzyme_dup, x, g, enzyme_const, ctx);
    __enzyme_autodiff((void *)f, enzyme_dup, x, g, enzyme_const, ctx);
    return NAN;
}
