// ARGS:
// EXIT: 1
// ERROR: designated_initializer.c:15:16: error: a designated initializer ('.x = v', '[k] = v') is not supported by adc; write the initializers in order, or assign the members after the declaration
// ERROR: designated_initializer.c:22:23: error: a designated initializer
// Designated initializers name the member they set; adc reads initializer lists in order,
// so it refuses them (with a message in C terms: "this expression" before) rather than
// assign a value to the wrong member.
#include <adc.h>

typedef struct { double x, y; } vec2;

ADC_DIFF(wrt(a, b))
double f(double a, double b)
{
    vec2 q = { .y = a, .x = 3.0 * b };
    return q.x * 10.0 + q.y;
}

ADC_DIFF(wrt(a, b))
double g(double a, double b)
{
    double arr[4] = { [2] = a, [0] = b };
    return arr[0] * 100.0 + arr[2];
}
