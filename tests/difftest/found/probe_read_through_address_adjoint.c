/* Silently wrong on main (1cfde3d) and on dbec834, adjoint and grad (the tangent is right): a
 * read of a local scalar through its address in an expression, `*(&u)` or `*(c ? &u : &v)`
 * (accepted in first order since 7957b4c), loses the derivative of u: the backward sweep adds
 * into u_b (`*(&u_b) += adj`) but the block of `u = x[0] * x[0]` is empty. df/dx0 = 2 x0 when
 * c > 0.5, adc's grad 0; df/dx1 = 3 otherwise, adc's grad 0. `double *p = &u; s = *p;` is
 * right. Found by difftest class structwalk (seed 16 of none,structwalk,loops: the same read
 * with a passive d3 made the tangent name an undeclared d3_d, still open). Fixed on branch
 * structwalk (adjoint.c, forget_addressed): e2e read_through_chosen_address. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(adjoint, grad, tangent))
double f(int n, const double *x) {
    double u = x[0] * x[0];
    double v = 3.0 * x[1];
    double c = x[2];
    double s = *(c > 0.5 ? &u : &v);
    return s + c * c;
}
