// EXIT: 1
// ERROR-RE: unsupported_global_written_checkpoint\.c:[0-9]+:[0-9]+: error: the global variable 'drift' is written here, where adc cannot undo the write
// A helper called in an ADC_CHECKPOINT loop writes a global that is read: the snapshots of the
// loop hold its own variables, so the replayed steps would start from the wrong value.
#include <adc.h>

double drift = 1.0;

static void advance(double *v)
{
    drift = drift * 0.5;
    *v = *v * drift + 1.0;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    double v = x;
    ADC_CHECKPOINT(4)
    for (int i = 0; i < 16; i++)
        advance(&v);
    return v * drift;
}
