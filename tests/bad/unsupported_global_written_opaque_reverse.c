// EXIT: 1
// ERROR-RE: unsupported_global_written_opaque_reverse\.c:[0-9]+:[0-9]+: error: the global variable 'table' is written here, where adc cannot undo the write .* and read at .*unsupported_global_written_opaque_reverse\.c:[0-9]+ by the code the adjoint of 'f' runs
// A global that a function adc cannot see into writes, read before and after: the backward
// sweep could not restore it (the writes adc sees are taped and undone).
#include <adc.h>

double table[4];
void load_table(double *t); /* defined elsewhere: adc cannot see what it writes */

ADC_DIFF(wrt(x))
double f(double x)
{
    double y = x * table[1];
    load_table(table);
    return y * table[2];
}
