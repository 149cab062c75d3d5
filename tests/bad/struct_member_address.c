// ARGS:
// EXIT: 1
// ERROR: struct_member_address.c:15:17: error: taking the address of a struct member (assigned to 'q') is not supported: adc cannot tell which array its derivative points into; use the member itself, or pass its address directly to the function that writes it
// The address of a member of an element chosen at run time kept in a pointer: the message
// called parts[k].v a variable that is not an array.
#include <adc.h>

struct part { double v, r; };

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    struct part parts[4];
    for (int i = 0; i < 4; i++) { parts[i].v = x[i % n]; parts[i].r = 2.0; }
    int k = n % 4;
    double *q = &parts[k].v;
    *q *= 3.0;
    return parts[1].v * parts[0].v;
}
