/* f2c probe p20 (hand-written, f2c style): README bug 104 (fixed). libf2c's s_cmp: an unsigned
 * char pointer started at a char parameter; the generated file failed -Wpointer-sign. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>
typedef long int integer;
typedef double doublereal;
typedef long int logical;
/* character arguments with f2c's hidden lengths (ftnlen), s_cmp and a CHARACTER switch */
typedef long int ftnlen;

integer s_cmp(char *a0, char *b0, ftnlen la, ftnlen lb)
{
    unsigned char *a, *aend, *b, *bend;
    a = (unsigned char *)a0;
    b = (unsigned char *)b0;
    aend = a + la;
    bend = b + lb;
    if(la <= lb)
	{
	while(a < aend)
		if(*a != *b)
			return( *a - *b );
		else
			{ ++a; ++b; }
	while(b < bend)
		if(*b != ' ')
			return( ' ' - *b );
		else	++b;
	}
    else
	{
	while(b < bend)
		if(*a == *b)
			{ ++a; ++b; }
		else
			return( *a - *b );
	while(a < aend)
		if(*a != ' ')
			return(*a - ' ');
		else	++a;
	}
    return(0);
}

doublereal weight_(char *kind, doublereal *x, ftnlen kind_len)
{
    doublereal ret_val;
    if (s_cmp(kind, "GAUSS", kind_len, (ftnlen)5) == 0) {
	ret_val = exp(-(*x) * *x);
    } else if (s_cmp(kind, "CAUCHY", kind_len, (ftnlen)6) == 0) {
	ret_val = 1. / (*x * *x + 1.);
    } else {
	ret_val = 1.;
    }
    return ret_val;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: m), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(3))
double f(double a, int n, const double *x, int m, double *y) {
    doublereal t = a * x[0];
    (void)n; (void)m;
    y[0] = weight_("GAUSS", &t, (ftnlen)5) * y[1];
    y[1] = weight_("CAUCHY", &y[1], (ftnlen)6);
    return weight_("BOX   ", &t, (ftnlen)6) * t + y[0];
}
#ifdef DIFFTEST_MAIN
#define DT_SEED 1u
#define DT_NX 1
#define DT_NY 2
#define DT_W 3
#define DT_FLOAT 0
#define DT_HVP 1
#define DT_JAC 0
#define DT_HESS 0
#include "harness.h"
#endif
