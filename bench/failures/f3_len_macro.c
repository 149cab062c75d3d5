/* adc failure 3: len() naming a macro defined in the source file. adc accepts it, but the
 * generated f_grad uses the macro name while the generated file does not have the #define:
 * "error: 'NX' undeclared" when compiling the generated code. (Enum constants work: the
 * generated file copies them.) */
#include <adc.h>

#define NX 8

ADC_DIFF(wrt(x), len(x: NX))
double f(const double *x)
{
    double s = 0.0;
    for (int i = 0; i < NX; i++)
        s += x[i] * x[i];
    return s;
}
