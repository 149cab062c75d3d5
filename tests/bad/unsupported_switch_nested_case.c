// ARGS:
// EXIT: 1
// ERROR: unsupported_switch_nested_case.c:15:5: error: a case label inside a statement nested in its switch is not supported
// A case label inside a loop of its switch (Duff's device) is refused; labels directly in the
// switch's { } block are lowered.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, int k)
{
    double s = 0.0;
    switch (k % 2) {
    case 0: do {
        s += x;
    case 1: s *= x;
        k = k - 1;
        } while (k > 0);
    }
    return s;
}
