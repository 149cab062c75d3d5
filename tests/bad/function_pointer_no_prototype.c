// ARGS:
// EXIT: 1
// ERROR: function_pointer_no_prototype.c:9:29: error: a pointer to a function without a prototype, variadic, or returning a function pointer is not supported; write its parameter types
// A pointer to a function declared without its parameter types (K&R style) cannot be matched
// with the functions it may point to: refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, double (*g)())
{
    return g(x) * x;
}
