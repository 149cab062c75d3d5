// ARGS:
// EXIT: 1
// ERROR: designated_initializer_override.c:24:31: error: an initializer of a member that an earlier initializer sets is not supported by adc
// ERROR: designated_initializer_override.c:31:25: error: a range designator ('[a ... b] = v') is not supported by adc
// ERROR: designated_initializer_override.c:39:32: error: an initializer of part of a member that an earlier initializer sets whole is not supported by adc
// Designated initializers are filled as C fills them, but one that sets a member an earlier
// initializer set is refused (C keeps the last, and leaves unspecified whether the first is
// evaluated), as is a GNU range designator (whose bounds libclang shows like the indices of
// [a][b]) and a designator into part of a member set whole before (clang's partial update).
#include <adc.h>

typedef struct {
    double x, y;
} vec2;

struct holder {
    vec2 p;
    double w;
};

ADC_DIFF(wrt(a, b))
double f(double a, double b)
{
    vec2 q = {.y = a, .x = b, .y = 2.0 * b};
    return q.x * 10.0 + q.y;
}

ADC_DIFF(wrt(a, b))
double g(double a, double b)
{
    double arr[4][4] = {[1 ... 2] = {a, b}};
    return arr[1][0] * 100.0 + arr[2][1];
}

ADC_DIFF(wrt(a, b))
double h(double a, double b)
{
    vec2 r = {a, b};
    struct holder s = {.p = r, .p.y = b};
    return s.p.x + s.p.y * 3.0;
}
