// ARGS:
// EXIT: 1
// ERROR: statement_expression_value.c:13:16: error: a statement expression ({ ... }) is not supported by adc
// A GNU statement expression whose value is used (a MAX macro in the style of GNU code): its
// statements would run in the middle of an expression, where adc cannot place them; only a
// statement expression whose value is dropped, as assert's, is lowered (e2e assert_checks).
#include <adc.h>

#define MAX(a, b) ({ double a_ = (a), b_ = (b); a_ > b_ ? a_ : b_; })

ADC_DIFF(wrt(x))
double f(double x, double y) {
    double m = MAX(x * x, y);
    return m * x;
}
