/* Silently wrong on main (1cfde3d), adjoint and grad: the backward sweep of a read of memory
 * chosen by ?: (`(c > 0.5 ? a : b)[0]`, accepted in first order since 7957b4c) evaluates the
 * condition again with the values its variables have at the end of the function: here c was
 * overwritten, so it adds into the array not read (x = {1.5, 2, 0.3}: grad {3, 0, ...}, finite
 * differences {0, 3, ...}). When the condition's variables are not otherwise needed the
 * backward sweep names undeclared variables (difftest structwalk seeds 15 of
 * none,structwalk,loops and 1018 of none,structwalk,loops,helpers,structs,branch,math,while). */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(adjoint, grad, tangent))
double f(int n, const double *x) {
    double a[2] = {x[0] * x[0], 1.0};
    double b[2] = {3.0 * x[1], 2.0};
    double c = x[2];
    double s = (c > 0.5 ? a : b)[0];
    c = 1.0 - c;
    return s + c * c;
}
