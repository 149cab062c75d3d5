// A cache in globals (the last point and its value): when a call finds its point there, the
// value comes from the global, whose derivative on entry adc takes as 0, so the derivative of
// that call is 0 (an optimizer calling f and then f_grad at one point gets a gradient without
// the cached term). adc warns at each read of a value a global may hold on entry, in the
// helper too; -Wno-entry-value silences it; a global wrt(...) names is seeded, not warned of.
// RUN: %adc %s -o %t/out.c -- -I%I 2>&1 | %FileCheck %s
// RUN: %adc -Wno-entry-value %s -o %t/quiet.c -- -I%I 2>&1 | %FileCheck %s --check-prefix=QUIET --allow-empty
// CHECK: entry_value_cache.c:[[@LINE+16]]:14: warning: 'f' may read here the value the global 'last_x' holds on entry: its derivatives take that value as a constant (wrt(...) does not name 'last_x'), so a value an earlier call left there, as a cache does, passes no derivative on [-Wentry-value]
// CHECK: entry_value_cache.c:[[@LINE+16]]:16: warning: 'f' may read here the value the global 'last_val' holds on entry
// CHECK-NOT: warning: 'g'
// CHECK-NOT: 'calls'
// QUIET-NOT: warning
#include <math.h>
#include <adc.h>

double last_x = -1.0, last_val;
double calls;
double level;

static void count(void) { calls = calls + 1.0; }

static double expensive(double z)
{
    if (z == last_x)
        return last_val;
    last_x = z;
    last_val = exp(z) * sin(z);
    return last_val;
}

ADC_DIFF(wrt(x), modes(tangent, grad))
double f(double x)
{
    count();
    return expensive(x) * x;
}

/* level is read on entry, but wrt(...) names it; calls is only counted (inactive). */
ADC_DIFF(wrt(x, level), modes(tangent, grad))
double g(double x)
{
    level = level * x;
    if (x > 0.0) {
        double s = level + x;
        return s * s;
    }
    return level;
}
