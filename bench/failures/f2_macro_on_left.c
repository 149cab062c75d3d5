/* adc failure 2: a macro constant as the left operand, `STRIDE * i` (`i * STRIDE` works).
 * The operator is not inside the macro expansion, only its operand is; adc 0.1.0 (libclang 14)
 * refuses it: "error: an operator inside a macro expansion (with libclang older than 17);
 * expand the macro by hand or build adc with LLVM >= 17: is not supported by adc". */
#include <adc.h>

#define STRIDE 3

ADC_DIFF(wrt(x), len(x: 3 * m))
double f(int m, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < m; i++)
        s += x[STRIDE * i] * x[STRIDE * i + 1];
    return s;
}
