// ARGS: --wrt x
// EXIT: 2
// ERROR-RE: ^adc: error: --wrt must follow a --function
// Usage error: --wrt applies to the last --function and there is none.
double f(double x) { return x * x; }
