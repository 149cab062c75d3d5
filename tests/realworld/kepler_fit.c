/* Orbit fitting in the style of small astronomy codes: Kepler's equation M = E - e sin E
 * solved by Newton's method with a convergence test (a loop whose trip count depends on the
 * data), true anomaly and radius from the eccentric anomaly, and a least-squares misfit
 * against observed positions. Differentiated with respect to the orbital elements (only the
 * ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define TWOPI 6.283185307179586
#define KEPLER_TOL 1e-14
#define KEPLER_MAXIT 50

/* eccentric anomaly for mean anomaly m and eccentricity e */
static double kepler_solve(double m, double e)
{
    double E = e < 0.8 ? m : 3.14159265358979;
    double dE = 1.0;
    int it = 0;
    while (fabs(dE) > KEPLER_TOL && it < KEPLER_MAXIT) {
        dE = (E - e * sin(E) - m) / (1.0 - e * cos(E));
        E -= dE;
        it++;
    }
    return E;
}

/* position in the orbital plane at time t */
static void orbit_position(const double *el, double t, double *x, double *y)
{
    double a = el[0], e = el[1], period = el[2], tp = el[3], omega = el[4];
    double m = TWOPI * (t - tp) / period;
    double E = kepler_solve(m, e);
    double nu = 2.0 * atan2(sqrt(1.0 + e) * sin(0.5 * E), sqrt(1.0 - e) * cos(0.5 * E));
    double r = a * (1.0 - e * cos(E));
    *x = r * cos(nu + omega);
    *y = r * sin(nu + omega);
}

ADC_DIFF(wrt(el), len(el: 5))
double orbit_misfit(const double *el, int nobs, const double *t, const double *xo, const double *yo)
{
    double chi2 = 0.0, x, y;
    int i;
    for (i = 0; i < nobs; i++) {
        orbit_position(el, t[i], &x, &y);
        chi2 += (x - xo[i]) * (x - xo[i]) + (y - yo[i]) * (y - yo[i]);
    }
    return chi2;
}
