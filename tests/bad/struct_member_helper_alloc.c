// ARGS:
// EXIT: 1
// ERROR: struct_member_helper_alloc.c:29:5: error: freeing 'K.val', which this function did not allocate, is not supported
// A constructor helper allocating the values of a sparse matrix the caller holds in a local
// struct (csr_init(&K, ...)), as finite-element codes do: adc follows a member's heap block
// only where the struct is a local variable.
#include <stdlib.h>
#include <adc.h>

typedef struct { int n, nnz; int *row_ptr, *col; double *val; } csr_matrix;

static void csr_init(csr_matrix *A, int n)
{
    A->n = n;
    A->nnz = n;
    A->val = calloc((size_t)n, sizeof(double));
}

ADC_DIFF(wrt(d), len(d: n))
double f(int n, const double *d)
{
    csr_matrix K;
    double s = 0.0;
    csr_init(&K, n);
    for (int i = 0; i < n; i++)
        K.val[i] = d[i] * d[i];
    for (int i = 0; i < n; i++)
        s += K.val[i];
    free(K.val);
    return s;
}
