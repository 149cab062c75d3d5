// The tangent of a local struct, or array of structs, declared without a value starts zeroed:
// members without a tangent (an int id) are copied along with the others (`particle key_d =
// p_d[i];` in a sort), and gcc -O3 refused the generated file of e2e outside_idioms under
// -Werror ("'ps_d[1].id' is used uninitialized"). A floating array's tangent is left as it was.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

typedef struct { double pos; int id; } particle;

static double first_pos(particle *p) {
    particle key = p[1];
    p[1] = p[0];
    p[0] = key;
    return p[0].pos;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent))
double f(const double *x) {
    particle ps[2];
    double w[2];
    for (int i = 0; i < 2; i++) {
        ps[i].pos = x[i];
        ps[i].id = i;
        w[i] = x[i] * x[i];
    }
    return first_pos(ps) + w[1];
}
// CHECK-LABEL: double f_tangent(
// CHECK: particle ps_d[2] = {0};
// CHECK: double w_d[2];
