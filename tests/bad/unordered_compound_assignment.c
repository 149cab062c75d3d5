// ARGS:
// EXIT: 1
// ERROR: unordered_compound_assignment.c:19:13: error: 'g' writes through its argument 'a', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// A compound assignment reads its target, in an order C leaves open with the call in its other
// operand, which writes the target. gcc and clang both call g first today (f = 1.2 at
// a = (0.5, 0.3)), as adc's derivative code does, but C does not promise it (a[0] = a[0] + g(a)
// is refused the same way), so adc refuses rather than pick an order.
#include <adc.h>

static double g(double *a) {
    a[0] = 2.0 * a[0] + 1.0;
    return a[0];
}

ADC_DIFF(wrt(a), len(a: 2), modes(tangent, adjoint))
double f(double *a)
{
    double s = a[1];
    a[0] += g(a);
    return a[0] * s;
}
