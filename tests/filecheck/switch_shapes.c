// A switch whose cases all end in break becomes an else-if chain over the selector, evaluated
// once, with no loop; a case falling into the next opens it through a flag, inside a loop run
// once so that break leaves the switch.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent))
double chain(double x, int m)
{
    switch (m) {
    case 0: x = x * x; break;
    case 1: case 2: { x = x + 1.0; break; }
    default: x = -x;
    }
    return x;
}

ADC_DIFF(wrt(x), modes(tangent))
double fall(double x, int m)
{
    switch (m) {
    case 0: x = x * x; /* fall through */
    case 1: x = x + 1.0; break;
    }
    return x;
}

// CHECK-LABEL: {{^}}double chain_tangent({{.*}}) {
// CHECK:       int selector = m;
// CHECK-NOT:   do {
// CHECK:       if (selector == 0) {
// CHECK-NOT:   break;
// CHECK:       } else if (selector == 1 || selector == 2) {
// CHECK-NOT:   break;
// CHECK:       } else {
// CHECK-NOT:   while (0);
// CHECK-LABEL: {{^}}double fall_tangent({{.*}}) {
// CHECK:       int selector = m;
// CHECK-NEXT:  int fell = 0;
// CHECK-NEXT:  do {
// CHECK-NEXT:  if (fell || selector == 0) {
// CHECK-NEXT:  fell = 1;
// CHECK:       if (fell || selector == 1) {
// CHECK:       break;
// CHECK:       } while (0);
