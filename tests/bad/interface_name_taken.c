// ARGS:
// EXIT: 1
// ERROR: interface_name_taken.c:15:8: error: 'f_grad' is already a name in this program: adc cannot give it to the derivative of 'f' it generates; rename it
// ERROR: interface_name_taken.c:15:8: error: 'f_hvp' is already a name in this program: adc cannot give it to the derivative of 'f' it generates; rename it
// The user's own f_grad and f_hvp have the names of what adc generates for f: the generated
// file would not link (its derivatives of static helpers would be renamed, not these). A
// prototype alone (of the function adc generates, from its --header) is not a conflict.
#include <adc.h>

double f_grad(double x) { return 2.0 * x; }
int f_hvp = 1;
double f_tangent(double x, double x_d, double *f_d);

ADC_DIFF(wrt(x), modes(tangent, grad, hvp))
double f(double x) { return x * x; }
