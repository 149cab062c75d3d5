// ARGS: --frobnicate
// EXIT: 2
// ERROR-RE: ^adc: error: unknown option '--frobnicate'
// Usage error: an option adc does not know.
double f(double x) { return x * x; }
