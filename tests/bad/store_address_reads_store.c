// ARGS:
// EXIT: 1
// ERROR: store_address_reads_store.c:14:10: error: this store's address depends on what the store may change: in reverse mode adc could not find the element again; compute the address into a local first
// An int table written through an address chosen by ?: from one of its own elements: when the
// store changes that element, the backward sweep could not find the element it restores.
// (Indices and pointer offsets that read the table are computed into locals first.)
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 4), modes(adjoint))
double f(const double *x)
{
    int t[4] = {1, 0, 3, 2}, u[4] = {0, 1, 2, 3};
    for (int k = 0; k < 4; k++)
        (t[k] > 1 ? t : u)[k] = (t[k] + 1) % 4;
    double s = 0.0;
    for (int k = 0; k < 4; k++)
        s += x[t[k]] * x[u[k]];
    return s;
}
