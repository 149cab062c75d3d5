// EXIT: 1
// ERROR-RE: unsupported_global_written_reverse\.c:[0-9]+:[0-9]+: error: the global variable 'scale' is written here and read at .*unsupported_global_written_reverse\.c:[0-9]+ by the code the adjoint of 'f' runs
// An inactive global that a helper changes between two uses: the backward sweep would read
// the changed value (the gradient was silently wrong); tangent modes are fine.
#include <adc.h>

double scale = 2.0;

static void bump(void)
{
    scale = scale + 1.0;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    double y = x * x * scale;
    bump();
    return y * x * scale;
}
