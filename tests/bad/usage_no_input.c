// CMD: -o %o -- -I%I
// EXIT: 2
// ERROR-RE: ^adc: error: no input file
// Usage error: no FILE.c on the command line (this file only holds the expectation).
