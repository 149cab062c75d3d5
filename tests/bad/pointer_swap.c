// ARGS:
// EXIT: 1
// ERROR: pointer_swap.c:14:9: error: pointer 'x0' pointing into 'x' here but into 'x0' at line 9 is not supported
// Pointer parameters swapped between passes (ping-pong buffers, Stam's SWAP macro) are refused: the derivative arrays would have to be swapped along in every sweep.
#include <adc.h>

#define SWAP(x0, x) {double *tmp = x0; x0 = x; x = tmp;}

static void smooth(int n, double *x0, double *x, int passes)
{
    for (int k = 0; k < passes; k++) {
        for (int i = 1; i + 1 < n; i++)
            x[i] = 0.5 * (x0[i - 1] + x0[i + 1]);
        SWAP(x0, x);
    }
}

ADC_DIFF(wrt(a, b), len(a: n, b: n))
void f(int n, double *a, double *b)
{
    smooth(n, a, b, 4);
}
