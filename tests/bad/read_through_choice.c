// ARGS:
// EXIT: 1
// ERROR: read_through_choice.c:17:12: error: adc cannot tell which variable this memory is in (the pointer is chosen by ?:); choose the value instead (c ? u : v, c ? a[i] : b[i]), or write an if/else
// ERROR: read_through_choice.c:26:16: error: adc cannot tell which variable this memory is in
// ERROR: read_through_choice.c:38:43: error: adc cannot tell which variable this memory is in
// A read through a pointer chosen by ?: (`*(c ? &u : &v)`, `(c ? a : b)[0]`, `(c ? &s[0] : &s[1])->v`): the adjoint
// dropped u's derivative, or its backward sweep chose again from a condition whose variable
// had changed since (the adjoint went to the array not read), and the hvp, reading the adjoint
// back, lost the choice: silently wrong in every reverse mode (difftest class structwalk,
// tests/difftest/found/probe_*). Refused in every mode.
#include <adc.h>

ADC_DIFF(wrt(x, y), modes(tangent, adjoint, grad, hvp))
double f(double x, double y)
{
    double u = x * x, v = y * x;
    return *(x > 0.5 ? &u : &v) * y;
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint, grad, tangent))
double g(int n, const double *x)
{
    double a[2] = {x[0] * x[0], 1.0};
    double b[2] = {3.0 * x[1], 2.0};
    double c = x[2];
    double s = (c > 0.5 ? a : b)[0];
    c = 1.0 - c;
    return s + c * c;
}

struct pt { double v, w; };

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double h(int n, const double *x)
{
    struct pt s[2] = {{x[0] * x[0], 1.0}, {3.0 * x[1], 2.0}};
    double c = x[2];
    double r = (c > 0.5 ? &s[0] : &s[1])->v;
    c = 1.0 - c;
    return r + c * c;
}
