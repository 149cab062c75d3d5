// ARGS:
// EXIT: 1
// ERROR: static_local_kept_value.c:22:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left); adc takes one for an automatic local when every call assigns it before it reads it, its address is not taken and its function does not recurse
// ERROR: static_local_kept_value.c:30:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left)
// ERROR: static_local_kept_value.c:39:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (a call may read the value an earlier call left)
// ERROR: static_local_kept_value.c:51:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (its address is taken)
// ERROR: static_local_kept_value.c:58:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (the function may run inside a call of itself)
// ERROR: static_local_kept_value.c:69:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (the function may run inside a call of itself)
// ERROR: static_local_kept_value.c:77:19: error: a static local variable the function writes keeps its value from one call to the next, which adc does not follow (the function may run inside a call of itself)
// A static local scalar (f2c's `static integer i__;`) is an automatic local when every call
// assigns it before it reads it, nothing takes its address and its function never runs
// inside a call of itself (e2e f2c_static_locals). Each of these keeps a value from one call
// to the next, or may: assigned in one branch only, in a loop that may run no trip, before a
// do loop's condition that a continue reaches first; its address given to a helper; in a
// function that calls itself, through a helper, or whose address is taken.
#include <adc.h>

static void put(double *t, double x) { *t = x; }

static double one_branch(double x)
{
    static double t;
    if (x > 0.0)
        t = x;
    return t * x;
}

static double in_loop(double x, int n)
{
    static double t;
    for (int i = 0; i < n; i++)
        t = x * i;
    return t * x;
}

static double do_continue(double x, int n)
{
    int i = 0;
    static double t;
    do {
        i++;
        if (i < n)
            continue;
        t = x;
    } while (t < 0.0);
    return x * i;
}

static double by_address(double x)
{
    static double t;
    put(&t, x);
    return t * x;
}

static double recursive(double x, int n)
{
    static double t;
    t = x * x;
    if (n > 0)
        return recursive(x, n - 1) + t;
    return t;
}

static double mutual(double x, int n);
static double back(double x, int n) { return n > 0 ? mutual(x, n - 1) : x; }
static double mutual(double x, int n)
{
    static double t;
    t = x * 2.0;
    return back(t, n) + t;
}

double (*chosen)(double);
double pointed(double x)
{
    static double t;
    t = x * 3.0;
    return chosen ? t : t * x;
}

ADC_DIFF(wrt(x))
double f(double x, int n)
{
    chosen = pointed;
    return one_branch(x) + in_loop(x, n) + do_continue(x, n) + by_address(x) + recursive(x, n) +
           mutual(x, n) + pointed(x);
}
