// ARGS:
// EXIT: 1
// ERROR: vector_active_struct.c:13:27: error: the vector tangent mode does not support active structs ('p'); ask for modes(tangent) and call it once per direction
// The vector mode has no shadow type for a struct (each floating member would need its
// directions): an active struct parameter once gave a file that did not compile (p_d->x[k]).
#include <adc.h>

struct pt {
    double x, y;
};

ADC_DIFF(wrt(p, w), vector(2))
double f(const struct pt *p, double w)
{
    return p->x * p->y * w;
}
