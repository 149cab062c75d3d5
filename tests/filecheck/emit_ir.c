// --emit=ir prints the IR with the activity analysis: parameters and locals are marked
// varied/useful/active, active statements [active]; inactive ones (the int counter, the
// value computed only from the inactive c) carry no mark.
// RUN: %adc %s --emit=ir -- -I%I | %FileCheck %s --check-prefix=IR
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x, double c, int n)
{
    double scale = c * 2.0;
    double y = 0.0;
    for (int k = 0; k < n; k++)
        y = y + scale * x;
    return y;
}

// IR:      {{^}}func f -> double  @{{.*}}emit_ir.c:8
// IR-NEXT:   param x: double varied useful active
// IR-NEXT:   param c: double useful{{$}}
// IR-NEXT:   param n: int{{$}}
// IR-NEXT:   local scale: double useful{{$}}
// IR-NEXT:   local y: double varied useful active
// IR-NEXT:   local k: int{{$}}
// IR:        decl scale: double c * 2.0  @10
// IR-NEXT:   decl [active] y: double 0.0  @11
// IR-NEXT:   for [active] (k < n)  @12
// IR:        assign k += 1  @12
// IR:        assign [active] y = y + scale * x  @13
// IR:        return [active] y  @14
