/* An explicit ODE integrator in the style of small C simulation codes: a fixed-size state
 * vector, a right-hand side with a parameter block, a step function that switches over the
 * method (Euler, midpoint, Heun, classic Runge-Kutta), and a driver loop computing a misfit of
 * the trajectory against observations. Differentiated with respect to the initial state and the
 * model parameters (only the ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define NEQ 3
#define NPAR 4

enum { EULER = 0, MIDPOINT = 1, HEUN = 2, RK4 = 3 };

/* a damped, driven pendulum with a third, slow state */
static void rhs(double t, const double *y, const double *par, double *dydt)
{
    double damping = par[0], stiffness = par[1], force = par[2], relax = par[3];
    dydt[0] = y[1];
    dydt[1] = -damping * y[1] - stiffness * sin(y[0]) + force * cos(0.5 * t) + 0.1 * y[2];
    dydt[2] = -relax * (y[2] - y[0] * y[0]);
}

static void step(int method, double t, double h, double *y, const double *par)
{
    double k1[NEQ], k2[NEQ], k3[NEQ], k4[NEQ], tmp[NEQ];
    int i;

    switch (method) {
    case EULER:
        rhs(t, y, par, k1);
        for (i = 0; i < NEQ; i++)
            y[i] += h * k1[i];
        break;
    case MIDPOINT:
        rhs(t, y, par, k1);
        for (i = 0; i < NEQ; i++)
            tmp[i] = y[i] + 0.5 * h * k1[i];
        rhs(t + 0.5 * h, tmp, par, k2);
        for (i = 0; i < NEQ; i++)
            y[i] += h * k2[i];
        break;
    case HEUN:
        rhs(t, y, par, k1);
        for (i = 0; i < NEQ; i++)
            tmp[i] = y[i] + h * k1[i];
        rhs(t + h, tmp, par, k2);
        for (i = 0; i < NEQ; i++)
            y[i] += 0.5 * h * (k1[i] + k2[i]);
        break;
    case RK4:
    default:
        rhs(t, y, par, k1);
        for (i = 0; i < NEQ; i++)
            tmp[i] = y[i] + 0.5 * h * k1[i];
        rhs(t + 0.5 * h, tmp, par, k2);
        for (i = 0; i < NEQ; i++)
            tmp[i] = y[i] + 0.5 * h * k2[i];
        rhs(t + 0.5 * h, tmp, par, k3);
        for (i = 0; i < NEQ; i++)
            tmp[i] = y[i] + h * k3[i];
        rhs(t + h, tmp, par, k4);
        for (i = 0; i < NEQ; i++)
            y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        break;
    }
}

ADC_DIFF(wrt(y0, par))
double trajectory_misfit(int method, int nsteps, double h, const double y0[NEQ],
                         const double par[NPAR], const double *obs, int every)
{
    double y[NEQ], t = 0.0, misfit = 0.0;
    int i, n, k = 0;

    for (i = 0; i < NEQ; i++)
        y[i] = y0[i];
    for (n = 1; n <= nsteps; n++) {
        step(method, t, h, y, par);
        t += h;
        if (n % every == 0) {
            double d = y[0] - obs[k];
            misfit += d * d;
            k++;
        }
    }
    return 0.5 * misfit;
}
