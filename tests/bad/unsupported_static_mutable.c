// EXIT: 1
// ERROR-RE: unsupported_static_mutable\.c:[0-9]+:[0-9]+: error: static variable 'table' cannot be reached from the generated file; make it 'static const' or non-static, or generate with --include-source
// A mutable file-scope static (a table filled at run time) read by the differentiated code:
// the generated file, a translation unit of its own, cannot name it.
#include <adc.h>

static double table[3];

void setup(void)
{
    table[0] = 1.0;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    return table[0] * x * x;
}
