// CMD: %s %s -o %o
// EXIT: 2
// ERROR-RE: ^adc: error: input file .*usage_input_twice\.c. is given twice
// Usage error: one input file given twice.
double f(double x) { return x * x; }
