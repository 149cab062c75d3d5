// ARGS:
// EXIT: 1
// ERROR: byte_buffer_store.c:17:9: error: a value carrying derivatives stored as floating data into 'buf', whose type holds no floating data (a byte or integer buffer), is not supported: that memory has no derivative; store it into an array of the value's type
// ERROR: byte_buffer_store.c:28:5: error: a value carrying derivatives stored as floating data into 'words'
// Doubles serialized into a byte buffer at computed offsets and read back, as message
// packing and checkpoint codes do: the buffer has no shadow, so the tangent lost the
// derivative silently (0 instead of 2 a x^2 sums) before this was refused.
#include <stddef.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(double a, int n, const double *x)
{
    unsigned char buf[8 * sizeof(double)];
    size_t off = 0;
    for (int i = 0; i < n; i++, off += sizeof(double))
        *(double *)(buf + off) = a * x[i];
    double s = 0.0;
    for (size_t k = 0; k < off; k += sizeof(double))
        s += *(const double *)(buf + k) * x[0];
    return s;
}

ADC_DIFF(wrt(x))
double g(double x)
{
    long words[2];
    *(double *)&words[1] = x * x;
    return *(double *)&words[1];
}
