// CMD: %s %s -o %o
// EXIT: 2
// ERROR-RE: ^adc: error: more than one input file
// Usage error: two input files.
double f(double x) { return x * x; }
