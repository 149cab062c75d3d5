// ARGS:
// EXIT: 1
// ERROR: function_pointer_static_target.c:9:15: error: the address of static function 'sq' is taken, and the generated file cannot name it to call its derivative; make it non-static, or generate with --include-source and compile the generated file instead of the source
// A call through a pointer may reach a static function whose address the program takes: the
// generated file (another translation unit) cannot compare the pointer with it, so it cannot
// dispatch to its derivative. Refused (--include-source makes it work).
#include <adc.h>

static double sq(double x) { return x * x; }

ADC_DIFF(wrt(x))
double f(double (*g)(double), double x)
{
    return g(x) * x;
}

double use(double x) { return f(sq, x); }
