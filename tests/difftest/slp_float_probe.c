/* slp_float_probe.c: exits 1 if the compiler drops a pair of double -> float -> double
 * conversions (check.sh, README bug 38). gcc 12.2 at -O2 vectorizes the two conversions
 * (SLP) into (vector(2) double)(vector(2) float)v and then folds that to v (pass fre), so
 * the rounding to float is lost: out = {0.1, 0.3} instead of {0.100000001490116, ...}. */
__attribute__((noinline)) static void round_pair(double a, double b, double *out) {
    float fa = (float)a;
    float fb = (float)b;
    out[0] = (double)fa;
    out[1] = (double)fb;
}

int main(void) {
    volatile double a = 0.1, b = 0.3;
    double out[2];
    round_pair(a, b, out);
    return out[0] != (double)(float)a || out[1] != (double)(float)b;
}
