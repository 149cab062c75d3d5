/* shape_other.c: the second input file of multifile_shape.c. */
#include <math.h>
#include "shape.h"

#define HALF 0.5

static double half(double v)
{
    return HALF * v;
}

double g(const Pair *p)
{
    return half(sin(p->a) * p->b);
}
