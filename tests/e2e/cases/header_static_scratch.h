/* A header in the style of Numerical Recipes' nrutil.h: DMAX evaluates its arguments once
 * through file statics, DSQR its one. The generated file, including this header, gets copies
 * of its own, which it only ever uses as scratch (each read follows its assignment). */
static double hs_maxarg1, hs_maxarg2;
#define HS_DMAX(a, b) (hs_maxarg1 = (a), hs_maxarg2 = (b), (hs_maxarg1) > (hs_maxarg2) ? (hs_maxarg1) : (hs_maxarg2))
static double hs_sqrarg;
#define HS_DSQR(a) ((hs_sqrarg = (a)) == 0.0 ? 0.0 : hs_sqrarg * hs_sqrarg)
