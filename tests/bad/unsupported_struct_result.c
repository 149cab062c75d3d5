// ARGS:
// EXIT: 1
// ERROR: unsupported_struct_result.c:22:19: error: 'mk' returns a struct that carries derivatives, which is not supported; fill the struct through a pointer parameter instead
// A helper returning a struct built from active values: the tangent once called mk_tangent,
// which returned the struct without its tangent, and read p_d uninitialized (a wrong
// derivative, with no diagnostic, at -O0).
#include <adc.h>

struct pt {
    double x, y;
};

static struct pt mk(double a)
{
    struct pt p = {a, a * a};
    return p;
}

ADC_DIFF(wrt(w), modes(tangent))
double f(double w)
{
    struct pt p = mk(w);
    return p.x * p.y;
}
