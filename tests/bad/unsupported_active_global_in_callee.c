// ARGS: --function f --modes tangent
// EXIT: 1
// ERROR-RE: unsupported_active_global_in_callee\.c:[0-9]+:[0-9]+: error: global variable 'acc' would carry derivatives in 'store'
// A helper stores an active value in a global that its caller reads: the derivative would
// be lost between the two functions (it was silently zero), so the global is refused.
double acc;

static void store(double x)
{
    acc = x * x;
}

double f(double x)
{
    store(x);
    return acc + x;
}
