/* Int blocks on the heap in reverse mode, as index lists are kept: a local list malloc'd,
 * grown by realloc while it is filled, rewritten by a helper given no active value between
 * two uses, and freed by a helper at the end. Each once gave a wrong gradient or a read of
 * freed memory (ASan: heap-use-after-free) with no diagnostic: the forward sweep freed the
 * list that the backward sweep then read (a free now waits for adc_tape_free); the backward
 * sweep restored the pointer realloc had freed (it now stays on its last block); and the
 * helper's second rewrite was not undone, so the backward sweep of the first use read the
 * second list (a helper writing int memory through a pointer now runs as forward/reverse
 * pair, even with nothing active). FD, tangent against grad (dot product), closed form. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

/* rotates the m entries of idx left by one */
static void rotate_list(int *idx, int m)
{
    if (m < 2)
        return;
    int first = idx[0];
    for (int k = 0; k + 1 < m; k++)
        idx[k] = idx[k + 1];
    idx[m - 1] = first;
}

static void release(int *idx)
{
    free(idx);
}

ADC_DIFF(wrt(x), len(x: n))
double int_blocks_reverse(int n, const double *x)
{
    int cap = 1, m = 0;
    int *idx = (int *)malloc(cap * sizeof(int));
    for (int i = 0; i < n; i++)
        if (x[i] > 0.0) {
            if (m == cap) {
                cap *= 2;
                idx = (int *)realloc(idx, cap * sizeof(int));
            }
            idx[m++] = i;
        }
    double s = 0.0;
    for (int k = 0; k < m; k++) /* s = sum over positive x_i of x_i sin x_i */
        s += sin(x[idx[k]]) * x[idx[k]];
    rotate_list(idx, m);
    for (int k = 0; k < m; k++) /* + sum of x_{p(k)} x_{p(k+1)} over the positive ones, cyclically */
        s += x[idx[k]] * x[idx[(k + 1) % m]];
    release(idx);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double int_blocks_reverse_tangent(int n, const double *x, const double *x_d, double *d);
double int_blocks_reverse_grad(int n, const double *x, double *x_grad);

enum { N = 9 };

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return int_blocks_reverse(N, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return int_blocks_reverse_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *d, void *ctx) {
    (void)ctx;
    return int_blocks_reverse_tangent(N, x, v, d);
}

int main(void) {
    e2e_begin("int_blocks_reverse");
    double x[N] = {0.3, -1.0, 0.5, 2.0, -0.2, 0.9, 1.1, -0.4, 0.7};
    e2e_scalar c = {.label = "list", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent};
    double g[N];
    e2e_run_scalar(&c, g);
    /* Closed form: the positive entries p_0 < p_1 < ... (m of them) form a cycle; each gets
     * sin x + x cos x plus the sum of its two neighbours in the cycle. */
    int pos[N], m = 0;
    for (int i = 0; i < N; i++)
        if (x[i] > 0.0)
            pos[m++] = i;
    double want[N] = {0};
    for (int k = 0; k < m; k++) {
        int i = pos[k];
        want[i] = sin(x[i]) + x[i] * cos(x[i]) + x[pos[(k + 1) % m]] + x[pos[(k + m - 1) % m]];
    }
    e2e_expect_close("list", "grad against the closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
