// ARGS: --emit=xyz
// EXIT: 2
// ERROR-RE: ^adc: error: --emit expects c, ir or dot, not 'xyz'
// PREEXISTING: keep
// Usage error: an unknown --emit kind.
double f(double x) { return x * x; }
