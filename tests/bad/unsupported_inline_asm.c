// ARGS:
// EXIT: 1
// ERROR: unsupported_inline_asm.c:10:5: error: inline assembly is not supported
// Inline assembly is refused.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    __asm__ volatile("" ::: "memory");
    return x * x;
}
