// ARGS:
// EXIT: 1
// ERROR: static_local_goto_paths.c:14:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left)
// ERROR: static_local_goto_paths.c:26:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left)
// ERROR: static_local_goto_paths.c:38:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left)
// f2c's forward gotos (goto.c turns them into flags): a static local assigned on every path
// the gotos leave is an automatic local (e2e f2c_static_goto_branches), but each of these
// reads one on a path that skipped its assignment: a goto over it to a later label, a goto
// out of a loop over it, a goto past its only assignment.
#include <adc.h>

static double skipped_branch(double x)
{
    static double t;
    if (x > 0.0)
        goto L10;
    goto L20;
L10:
    t = x;
L20:
    return t;
}

static double out_of_loop(double x, int n)
{
    static double t;
    for (int i = 0; i < n; i++) {
        if (x > i)
            goto L30;
    }
    t = 1.0;
L30:
    return t * x;
}

static double past_it(double x)
{
    static double t;
    if (x > 0.0)
        goto L10;
    t = 1.0;
L10:
    return t * x;
}

ADC_DIFF(wrt(x))
double f(double x, int n)
{
    return skipped_branch(x) + out_of_loop(x, n) + past_it(x);
}
