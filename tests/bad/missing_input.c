// CMD: %d/does_not_exist.c -o %o
// EXIT: 1
// ERROR-RE: ^adc: error: cannot open '.*does_not_exist\.c'
// PREEXISTING: keep
// The input file does not exist (this file only holds the expectation).
