// An if / else if chain, and a chain of ?: (lowered to one), print flat: at one indentation
// in the tangent, in both sweeps of reverse mode and in the IR. The backward sweep computes the
// branch's number again from the tests (of a parameter: branch_cond.c), tests it for each branch.
// RUN: %adc %s -- -I%I | %FileCheck %s --strict-whitespace
// RUN: %adc %s --emit=ir -- -I%I | %FileCheck %s --strict-whitespace --check-prefix=IR
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x)
{
    double y;
    if (x < 0.0)
        y = -x;
    else if (x < 1.0)
        y = 2.0 * x;
    else if (x < 2.0)
        y = x * x;
    else
        y = sqrt(x);
    return y * (x > 5.0 ? x : x > 4.0 ? 2.0 * x : 3.0);
}

// CHECK-LABEL: {{^}}double f_tangent(double x, double x_d, double *f_d) {
// CHECK:       {{^    }}if (x < 0.0) {
// CHECK:       {{^    }}} else if (x < 1.0) {
// CHECK:       {{^    }}} else if (x < 2.0) {
// CHECK:       {{^    }}} else {
// CHECK:       {{^        }}double [[S:t[0-9]+]] = sqrt(x);
// The ?: chain assigns one variable in each branch.
// CHECK:       {{^    }}double cond_value;
// CHECK-NEXT:  {{^    }}if (x > 5.0) {
// CHECK:       {{^        }}cond_value = x;
// CHECK-NEXT:  {{^    }}} else if (x > 4.0) {
// CHECK:       {{^        }}cond_value = [[T:t[0-9]+]];
// CHECK-NEXT:  {{^    }}} else {
// CHECK:       {{^        }}cond_value = 3.0;
// CHECK-NEXT:  {{^    }}}
// CHECK-NOT:   cond_value_2

// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape, double x) {
// CHECK:       {{^    }}if (x < 0.0) {
// CHECK-NEXT:  {{^        }}y = -x;
// CHECK-NEXT:  {{^    }}} else if (x < 1.0) {
// CHECK-NEXT:  {{^        }}y = 2.0 * x;
// CHECK-NEXT:  {{^    }}} else if (x < 2.0) {
// CHECK-NEXT:  {{^        }}y = x * x;
// CHECK-NEXT:  {{^    }}} else {
// CHECK-NEXT:  {{^        }}y = sqrt(x);
// CHECK-NEXT:  {{^    }}}

// CHECK-LABEL: {{^}}void f_reverse(adc_tape *tape, double x, double *x_b, double f_b) {
// Last in, first out: the ?: chain comes back first. The conditions are evaluated once, for
// the branch's number.
// CHECK-NOT:   if (x
// CHECK:       {{^        }}long [[C:branch_[0-9]+]] = (x > 5.0) ? 0 : (x > 4.0) ? 1 : 2;
// CHECK-NEXT:  {{^        }}if ([[C]] == 0) {
// CHECK:       {{^        }}if ([[C]] == 1) {
// CHECK:       {{^        }}if ([[C]] == 2) {
// CHECK:       {{^        }}long [[B:branch_[0-9]+]] = (x < 0.0) ? 0 : (x < 1.0) ? 1 : (x < 2.0) ? 2 : 3;
// CHECK-NEXT:  {{^        }}if ([[B]] == 0) {
// CHECK:       {{^                }}(*x_b) -= adj;
// CHECK:       {{^        }}if ([[B]] == 1) {
// CHECK:       {{^        }}if ([[B]] == 2) {
// CHECK:       {{^        }}if ([[B]] == 3) {
// CHECK:       {{^                }}double [[R:t[0-9]+]] = y;
// CHECK-NEXT:  {{^                }}double adj = y_b;
// CHECK-NOT:   if (x

// IR:          {{^}}[[IND:[ ]+]]if [active] (x < 0.0)  @13
// IR-NEXT:     {{^}}[[IND]]    then:
// IR:          {{^}}[[IND]]    else if [active] (x < 1.0)  @15
// IR-NEXT:     {{^}}[[IND]]    then:
// IR:          {{^}}[[IND]]    else if [active] (x < 2.0)  @17
// IR-NEXT:     {{^}}[[IND]]    then:
// IR:          {{^}}[[IND]]    else:
