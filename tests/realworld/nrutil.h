/* nrutil.h: the utility macros of Numerical Recipes in C (2nd ed.) that ode_driver.c uses,
 * as the book's nrutil.h defines them: DMAX/DMIN evaluate their arguments once through file
 * statics and the comma operator, SIGN takes the magnitude of a with the sign of b. */
#ifndef NRUTIL_H
#define NRUTIL_H

static double dmaxarg1, dmaxarg2;
#define DMAX(a, b) (dmaxarg1 = (a), dmaxarg2 = (b), (dmaxarg1) > (dmaxarg2) ? (dmaxarg1) : (dmaxarg2))

static double dminarg1, dminarg2;
#define DMIN(a, b) (dminarg1 = (a), dminarg2 = (b), (dminarg1) < (dminarg2) ? (dminarg1) : (dminarg2))

#define SIGN(a, b) ((b) >= 0.0 ? fabs(a) : -fabs(a))

void nrerror(char error_text[]);

#endif
