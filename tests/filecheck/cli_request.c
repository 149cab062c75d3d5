// The request can be made on the command line instead of with ADC_DIFF: --function picks the
// function, --wrt its active parameters, --modes what to generate; nothing else is emitted.
// RUN: %adc --function f --wrt y --modes tangent %s -- -I%I | %FileCheck %s
// RUN: %adc --function f --wrt x,y --modes adjoint,grad %s -- -I%I | %FileCheck %s --check-prefix=REV
double f(double x, double y)
{
    return x * y * y;
}

// CHECK:      {{^}} *   f_tangent: tangent of f
// CHECK-NEXT: {{^}} */
// CHECK:      {{^}}double f_tangent(double x, double y, double y_d, double *f_d);
// CHECK-NOT:  {{f_adjoint|f_grad|f_forward|f_reverse|x_d}}

// REV:      {{^}} *   f_adjoint: adjoint of f
// REV-NEXT: {{^}} *   f_grad: grad of f
// REV:      {{^}}double f_adjoint(double x, double *x_b, double y, double *y_b, double f_b);
// REV-NEXT: {{^}}double f_grad(double x, double y, double *x_grad, double *y_grad);
// REV-NOT:  f_tangent
