// ARGS:
// EXIT: 1
// ERROR: free_in_checkpoint.c:24:5: error: ADC_CHECKPOINT: the loop writes through 'order', which is not a parameter or local array
// ERROR: free_in_checkpoint.c:29:9: error: 'free' inside an ADC_CHECKPOINT loop is not supported in reverse mode (the loop runs again from its snapshots, which do not hold heap memory)
// In reverse mode a free of a block the backward sweep may read (an int list) waits for the
// tape (adc_tape_defer_free); a checkpointed loop runs its body again without a tape (and
// its snapshots hold no heap memory: the loop is refused for the list too).
#include <math.h>
#include <stdlib.h>
#include <adc.h>

static int *make_order(int t)
{
    int *order = malloc(2 * sizeof(int));
    order[0] = t % 2;
    order[1] = 1 - t % 2;
    return order;
}

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x, int steps)
{
    ADC_CHECKPOINT(4)
    for (int t = 0; t < steps; t++) {
        int *order = make_order(t);
        double w[2] = {x, 1.0};
        w[order[0]] *= 1.5;
        x = w[0] * w[1] + sin(x);
        free(order);
    }
    return x;
}
