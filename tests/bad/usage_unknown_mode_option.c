// ARGS: --function f --modes tangent,backward
// EXIT: 2
// ERROR-RE: ^adc: error: unknown mode
// Usage error: --modes names a mode that does not exist.
double f(double x) { return x * x; }
