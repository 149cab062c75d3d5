// ARGS:
// EXIT: 1
// ERROR: struct_int_member_local_array.c:26:28: error: in reverse mode, 'B.ja' given 'ci' (a local array, or a pointer that may point into one) is not supported
// ERROR: struct_int_member_local_array.c:32:28: error: in reverse mode, 'C.ja' given 'pc' (a local array, or a pointer that may point into one) is not supported
// A local struct holding an int index table that is a local array (difftest seed 940052, class
// mesh): the backward sweep restored the struct as the forward sweep left it and read the table
// through a pointer into the forward sweep's dead frame (ASan: stack-buffer-underflow; garbage
// indices otherwise). The adc of 05aaa53 generated it without a word. A static const table, or
// a heap block, stays where it is: accepted (tests/e2e/cases/struct_index_members.c).
#include <math.h>
#include <adc.h>

struct idx { int n; const int *ja; };

static void gather(const struct idx *I, const double *x, double *y, int len)
{
    for (int p = 0; p < I->n; p++)
        y[p % len] = 0.5 * y[p % len] + 0.25 * tanh(x[I->ja[p]] * y[(p + 1) % len]);
}

ADC_DIFF(wrt(c, y), len(y: m))
double f(double c, int m, double *y)
{
    {
        int ci[3] = {1, 0, 1};
        struct idx B = {3, ci};
        gather(&B, y, y, m);
    }
    {
        int cj[2] = {0, 1};
        int *pc = cj;
        struct idx C = {2, pc};
        gather(&C, y, y, m);
    }
    return y[0] + y[1] * c;
}
