// EXIT: 1
// ERROR: trailing_block_in_function.c:20:10: error: storing a pointer to floating data in the struct member 'ret->weight' is not supported
// ERROR: trailing_block_in_function.c:21:10: error: storing a pointer to floating data in the struct member 'ret->output' is not supported
// genann's layout (one malloc: the struct, then its weights and outputs, the members pointed
// into the block through a char * cast) built inside the function differentiated: adc cannot
// say which array each member's derivative points into. The layout is differentiated when the
// block is built outside (genann_init called by the caller, tests/realworld/ann_trailing.c),
// with a shadow struct the caller allocates the same way.
#include <stdlib.h>
#include <adc.h>

typedef struct net {
    int n;
    double *weight, *output;
} net;

static net *net_init(int n) {
    net *ret = malloc(sizeof(net) + sizeof(double) * (size_t)(2 * n));
    ret->n = n;
    ret->weight = (double *)((char *)ret + sizeof(net));
    ret->output = ret->weight + n;
    return ret;
}

ADC_DIFF(wrt(w), len(w: n))
double trailing_loss(const double *w, int n) {
    net *a = net_init(n);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        a->weight[i] = w[i];
        a->output[i] = a->weight[i] * a->weight[i];
        s += a->output[i];
    }
    free(a);
    return s;
}
