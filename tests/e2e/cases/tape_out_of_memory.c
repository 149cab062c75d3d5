/* When the tape cannot grow (here: the address space is limited to 256 MB and the loop needs
 * 2 GB of tape), f_adjoint and f_grad skip the backward sweep and return NaN instead of
 * derivatives computed from a truncated tape; a void function's adjoints become NaN.
 * Skipped under AddressSanitizer, whose shadow memory needs more address space than that. */
#include <adc.h>

ADC_DIFF(wrt(x), modes(grad))
double long_chain(double x, long n) {
    double s = 0.5;
    for (long i = 0; i < n; i++)
        s = s * x + 1.0;
    return s;
}

ADC_DIFF(wrt(x, y), modes(adjoint))
void long_chain_out(double x, long n, double *y) {
    *y = long_chain(x, n);
}

#ifdef ADC_E2E_MAIN
#include <math.h>
#include <sys/resource.h>
#include "../e2e.h"

double long_chain_grad(double x, long n, double *x_grad);
void long_chain_out_adjoint(double x, double *x_b, long n, double *y, double *y_b);

int main(void) {
    e2e_begin("tape_out_of_memory");
#if defined(__SANITIZE_ADDRESS__)
    puts("SKIP tape_out_of_memory: AddressSanitizer");
    return 0;
#endif
    double g = 0.0, small = long_chain_grad(0.5, 10, &g);
    e2e_expect_value("small", "value with room for the tape", small, 2.0 - 1.5 / 1024.0, 1e-15);
    struct rlimit limit = {256L << 20, 256L << 20};
    e2e_expect_value("setup", "setrlimit(RLIMIT_AS)", setrlimit(RLIMIT_AS, &limit), 0.0, 0.0);
    long n = 1L << 28; /* 8 bytes per trip: 2 GB */
    double value = long_chain_grad(0.5, n, &g);
    e2e_report(isnan(value), "huge", "f_grad returns NaN when the tape runs out (got %g)", value);
    double x_b = 0.0, y = 0.0, y_b = 1.0;
    long_chain_out_adjoint(0.5, &x_b, n, &y, &y_b);
    e2e_report(isnan(x_b), "huge", "void f_adjoint sets the adjoints to NaN (got %g)", x_b);
    return e2e_finish();
}
#endif
