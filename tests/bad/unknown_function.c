// ARGS: --function nope
// EXIT: 1
// ERROR-RE: ^(adc|.*unknown_function\.c): error: no function named 'nope'
// --function names a function that is not defined in the file. The error has no source
// position, so it is reported as `adc: error:` (or `FILE: error:`), never as `FILE:0:0:`.
double f(double x) { return x * x; }
