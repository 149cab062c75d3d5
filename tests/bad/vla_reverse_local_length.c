// ARGS:
// EXIT: 1
// ERROR: vla_reverse_local_length.c:11:14: error: in reverse mode, the length of variable-length array 'w' may read only parameters the function does not assign ('m' is no parameter)
// The reverse mode declares every local at the top of each sweep: a length read from a local
// would have another value there.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(grad))
double f(int n, const double *x) {
    int m = 2 * n + 1;
    double w[m];
    for (int i = 0; i < m; i++)
        w[i] = x[i % n] * x[i % n];
    double s = 0.0;
    for (int i = 0; i < m; i++)
        s += w[i] * w[i];
    return s;
}
