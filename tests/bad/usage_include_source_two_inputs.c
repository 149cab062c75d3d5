// CMD: %s %I/../tests/bad/multifile/other.c --include-source -o %o
// EXIT: 2
// ERROR-RE: ^adc: error: --include-source takes one input file
// --include-source puts the derivatives in the translation unit of one source.
double f(double x) { return x * x; }
