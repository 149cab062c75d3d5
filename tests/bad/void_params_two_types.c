// ARGS:
// EXIT: 1
// ERROR: void_params_two_types.c:40:18: error: 'euler' receives memory that carries derivatives through 'params', whose type holds no floating data: adc cannot follow derivatives through it (adc follows a 'void *' given pointers of one type only, and cast back only to that type, by functions of the program)
// ERROR: void_params_two_types.c:41:19: error: 'euler' receives memory
// One `void *params` (euler's, and through the dispatch the targets') is given a double * at
// one call and a struct * at another: adc gives a void * the type of what it carries only when
// that is one type, so the active rate through it is refused, never silently dropped.
#include <adc.h>

typedef void (*rhs_fn)(double t, const double *y, double *dydt, void *params);

struct rates { double k; };

void decay(double t, const double *y, double *dydt, void *params)
{
    (void)t;
    dydt[0] = -*(double *)params * y[0];
}

void growth(double t, const double *y, double *dydt, void *params)
{
    (void)t;
    dydt[0] = ((struct rates *)params)->k * y[0];
}

static void euler(rhs_fn f, void *params, double *y)
{
    double dydt[1];
    for (int i = 0; i < 10; i++) {
        f(0.1 * i, y, dydt, params);
        y[0] += 0.1 * dydt[0];
    }
}

ADC_DIFF(wrt(k))
double f(double k, double y0)
{
    struct rates r = {k};
    double y[1] = {y0};
    euler(decay, &k, y);
    euler(growth, &r, y);
    return y[0];
}
