// ARGS: --function f --wrt z
// EXIT: 1
// ERROR: cli_wrt_unknown_name.c:5:8: error: 'wrt' names 'z', which is not a parameter of 'f'
// --wrt on the command line names something that is not a parameter.
double f(double x) { return x * x; }
