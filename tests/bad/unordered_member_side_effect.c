// ARGS:
// EXIT: 1
// ERROR: unordered_member_side_effect.c:16:14: error: 'st' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// A side effect on a struct member and another use of the same member in one statement: C
// does not order them, so adc refuses (another member of the struct is a distinct object:
// tests/e2e/cases/member_side_effects.c).
#include <adc.h>

typedef struct { double v[4]; int top; } stack;

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    stack st = {{0.0}, 0};
    for (int i = 0; i < n && i < 4; i++)
        st.v[st.top++] = x[i] * st.top;
    return st.v[0];
}
