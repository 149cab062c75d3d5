// EXIT: 1
// ERROR-RE: unsupported_active_global_struct\.c:[0-9]+:[0-9]+: error: global variable 'total' would carry derivatives in 'f', and adc gives shadow globals only to floating scalars and arrays of known size
// A struct global that receives an active value: adc gives shadow globals to floating scalars
// and arrays only, so it is refused (before: every active global was).
#include <adc.h>

struct acc { double sum; int n; };
struct acc total;

ADC_DIFF(wrt(x))
double f(double x)
{
    total.sum = x * x;
    return total.sum + x;
}
