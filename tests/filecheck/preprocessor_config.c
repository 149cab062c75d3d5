// The generated file checks that it is compiled with the macros adc read the input with:
// each macro a conditional directive tests, where the group holds a #define or code adc
// differentiates (not TEST_MAIN's, around main only; not reserved names like __GNUC__).
// Compiled with other -D flags it stops with #error instead of holding the derivative of
// other code.
// RUN: %adc %s -o %t/ad.c -DN=3 -- -I%I
// RUN: %FileCheck %s < %t/ad.c
// RUN: cc -fsyntax-only -I%I -DN=3 %t/ad.c
// RUN: cc -fsyntax-only -I%I -DN=3 -DTEST_MAIN %t/ad.c
// RUN: if cc -fsyntax-only -I%I -DN=4 %t/ad.c 2> %t/n4.txt; then exit 1; fi
// RUN: %FileCheck --check-prefix=N4 %s < %t/n4.txt
// RUN: if cc -fsyntax-only -I%I -DN=3 -DWITH_SQUARE %t/ad.c 2> %t/sq.txt; then exit 1; fi
// RUN: %FileCheck --check-prefix=SQ %s < %t/sq.txt
// RUN: if cc -fsyntax-only -I%I %t/ad.c 2> %t/none.txt; then exit 1; fi
// RUN: %FileCheck --check-prefix=N4 %s < %t/none.txt
// CHECK: adc differentiated the inputs as preprocessed with these macros
// CHECK: #if !defined(N) || (N) != (3)
// CHECK-NEXT: #error "adc read preprocessor_config.c with N defined as 3"
// CHECK: #ifdef WITH_SQUARE
// CHECK-NEXT: #error "adc read preprocessor_config.c with WITH_SQUARE undefined"
// CHECK-NOT: TEST_MAIN
// CHECK-NOT: with __GNUC__
// CHECK: #include
// N4: error: #error "adc read preprocessor_config.c with N defined as 3"
// SQ: error: #error "adc read preprocessor_config.c with WITH_SQUARE undefined"
#include <adc.h>

#ifndef N
#define N 100
#endif

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(const double *x, int n) {
    double s = 0;
#if __GNUC__ >= 4
    for (int i = 0; i < n && i < N; i++)
        s += x[i]
#ifdef WITH_SQUARE
             * x[i]
#endif
            ;
#endif
    return s;
}

#ifdef TEST_MAIN
int main(void) {
    double x[2] = {1, 2};
    return f(x, 2) > 0 ? 0 : 1;
}
#endif
