// EXIT: 1
// ERROR: header_static_table.c:14:38: error: 'scale_table' is a static variable of a header: the generated file, including the header, has a copy of its own, which the source's code never sets; it is read here without being assigned first in this block; make it 'extern' with its definition in a .c file, or generate with --include-source
// A header's static table filled by the source at run time: the generated file would read its
// own copy, all zeros (adc 599c5bc gave f = 0 and a zero gradient, silently).
#include <adc.h>
#include "multifile/scale_table.h"

void setup(void) { scale_init(); }

ADC_DIFF(wrt(x), len(x: n))
double f(const double *x, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) s += scale_table[i % 4] * x[i] * x[i];
    return s;
}
