// ARGS:
// EXIT: 1
// ERROR: struct_result_requested.c:13:6: error: 'sq' returns a struct, which a differentiated function cannot: its derivatives would not be returned; fill the struct through a pointer parameter instead
// A differentiated function returning a struct: its tangent once returned the struct without
// its tangent (no derivative at all, and no diagnostic). A helper returning one is fine.
#include <adc.h>

typedef struct cplx {
    double re, im;
} cplx;

ADC_DIFF(wrt(a), modes(tangent, adjoint))
cplx sq(double a)
{
    cplx r = {a * a, 2 * a};
    return r;
}
