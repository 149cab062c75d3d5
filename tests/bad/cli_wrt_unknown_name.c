// ARGS: --function f --wrt z
// EXIT: 1
// ERROR: cli_wrt_unknown_name.c:5:8: error: 'wrt' names 'z', which is neither a parameter of 'f' nor a floating global variable
// --wrt on the command line names something that is not a parameter.
double f(double x) { return x * x; }
