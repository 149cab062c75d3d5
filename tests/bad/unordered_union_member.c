// ARGS:
// EXIT: 1
// ERROR: unordered_union_member.c:16:11: error: 'w' is modified and used again in the same statement, in an order C leaves unspecified; split the statement
// A side effect on a union member and a use of another member, which overlaps it, in one
// statement: C does not order them, so adc refuses (members of a struct do not overlap:
// tests/e2e/cases/member_side_effects.c).
#include <adc.h>

typedef union { int d; int e; } both;

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    both w;
    w.e = n;
    w.d = w.e++;
    return x[0] * w.d;
}
