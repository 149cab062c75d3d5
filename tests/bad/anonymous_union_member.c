// ARGS:
// EXIT: 1
// ERROR: anonymous_union_member.c:14:18: error: anonymous union types are not supported; give the union a name or a typedef
// A struct holding an anonymous union (C11): the message named it a struct.
#include <adc.h>

struct value {
    int tag;
    union { double d; float f; };
};

ADC_DIFF(wrt(x))
double f(double x) {
    struct value v;
    v.tag = 0;
    v.d = x * x;
    return v.d;
}
