// assert() in differentiated code: glibc's expansion (a statement expression whose value is
// dropped) becomes the block it is, kept where the source runs it, and since what assert.h
// expands to depends on NDEBUG, the generated file checks NDEBUG as adc read it: compiled
// with -DNDEBUG when adc read the input without it, it stops with #error rather than hold
// checks the primal does not make. A `#define NDEBUG` of the input goes before the includes,
// where it acts. Needs libclang >= 17 (glibc's assert spells __extension__ inside the macro).
// RUN: %adc %s -o %t/ad.c -- -I%I
// RUN: %FileCheck %s < %t/ad.c
// RUN: cc -fsyntax-only -Wall -Wextra -Werror -I%I %t/ad.c
// RUN: if cc -fsyntax-only -I%I -DNDEBUG %t/ad.c 2> %t/nd.txt; then exit 1; fi
// RUN: %FileCheck --check-prefix=ND %s < %t/nd.txt
// CHECK: #ifdef NDEBUG
// CHECK-NEXT: #error "adc read assert_ndebug.c with NDEBUG undefined"
// CHECK: #include <assert.h>
// CHECK-LABEL: double checked_tangent(
// CHECK: if (n > 0) {
// CHECK-NEXT: } else {
// CHECK-NEXT: __assert_fail("n > 0",
// ND: error: #error "adc read assert_ndebug.c with NDEBUG undefined"
#include <assert.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double checked(int n, const double *x) {
    assert(n > 0);
    return x[0] * x[n - 1];
}
