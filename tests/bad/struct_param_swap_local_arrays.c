// ARGS:
// EXIT: 1
// ERROR: struct_param_swap_local_arrays.c:33:26: error: 'st.cur' given a local array, while 'step' re-points the members of '&st' it is given, is not supported
// ERROR: struct_param_swap_local_arrays.c:33:30: error: 'st.next' given a local array, while 'step' re-points the members of '&st' it is given, is not supported
// A local struct whose members point to two local arrays, given to a step function that swaps
// them. Once silently wrong (difftest-form probe): adc read the members as the arrays first
// given (st.cur[i] as u0[i]), though after an odd number of steps st.cur is u1, so the tangent
// returned a wrong value and derivative and the reverse modes pointed the shadow member back
// to u0's; the hvp code compared u0 == u0 and did not compile. Refused, as members given a
// pointer parameter are, with the rewrite to heap blocks (e2e struct_param_swap).
#include <adc.h>

struct stepper {
    double *cur, *next;
    int len;
};

static void step(struct stepper *st, double k)
{
    for (int i = 0; i < st->len; i++)
        st->next[i] = st->cur[i] + k * st->cur[(i + 1) % st->len] * st->cur[i];
    double *t = st->cur;
    st->cur = st->next;
    st->next = t;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double run(int n, const double *x, double k)
{
    double u0[4], u1[4];
    for (int i = 0; i < 4; i++)
        u0[i] = x[i % n];
    struct stepper st = {u0, u1, 4};
    for (int s = 0; s < 3; s++)
        step(&st, k);
    return st.cur[0] * st.cur[1];
}
