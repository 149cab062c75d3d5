/* adc failure 1: a macro constant from an included header used as an operand.
 * Expected: differentiated like `i * 3` (a macro defined in this file works).
 * adc 0.1.0 (libclang 14): "error: an operator adc cannot read is not supported by adc".
 * Found in bench/objectives/ba.c (&cams[camIdx * BA_NCAMPARAMS]) and mlp.c (&X[s * MLP_IN]). */
#include <adc.h>
#include "f1_header_macro_operand.h"

static double first_two(const double *p) { return p[0] * p[1]; }

ADC_DIFF(wrt(x), len(x: STRIDE * m))
double f(int m, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < m; i++)
        s += first_two(&x[i * STRIDE]);
    return s;
}
