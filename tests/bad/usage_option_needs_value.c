// CMD: %s -o
// EXIT: 2
// ERROR-RE: ^adc: error: option '-o' needs a value
// Usage error: -o at the end of the command line, without its value.
double f(double x) { return x * x; }
