// EXIT: 1
// ERROR: unsupported_active_global_pointer.c:9:9: error: global pointer 'current' would carry derivatives in 'f', but its declaration points it at memory that may have another name (an array's)
// A global pointer to a buffer that receives active values, declared pointing into a global
// array: its shadow would be a block of its own, apart from the array's (a global pointer's
// block is the caller's, allocated like it: globals_heap_state_include_source.c).
#include <adc.h>

double buffer[8];
double *current = buffer;

ADC_DIFF(wrt(x))
double f(double x)
{
    current[0] = x * x;
    return current[0] + x;
}
