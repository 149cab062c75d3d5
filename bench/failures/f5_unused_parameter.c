/* adc failure 5: `(void)param;` statements are dropped from the generated code, so the
 * generated tangent warns "unused parameter 'n' [-Wunused-parameter]" and breaks builds with
 * -Wall -Wextra -Werror although the source is clean (bench/objectives/ba.c: ncams, npts). */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    (void)n;
    return x[0] * x[1];
}
