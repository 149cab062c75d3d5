// ARGS:
// EXIT: 1
// ERROR: omp_private_read_after.c:22:5: error: 't' is read here after the parallel loop at line 18 that names it private: OpenMP leaves its value there unspecified; name it lastprivate(t) or read another variable
// ERROR: omp_private_read_after.c:30:13: error: 'w' is read here after the parallel loop at line 33 that names it private
// ERROR: omp_private_read_after.c:44:5: error: 'r' is read here after the parallel loop at line 46 that names it private
// A variable named private(...) read after its parallel loop: gcc and clang leave it as it was
// before the loop, the serial forward sweep of reverse mode left the last trip's value, and the
// gradient was wrong (the dot-product test failed; OpenMP probes, probe 45). Also the read in an
// enclosing time loop, before the parallel loop, which runs after it on the next step, and in
// the condition of an enclosing while.
#include <adc.h>

ADC_DIFF(wrt(a, x), len(x: n))
double f(double a, int n, const double *x) {
    double t = a;
    double s = 0.0;
#pragma omp parallel for private(t) reduction(+:s)
    for (int i = 0; i < n; i++) {
        t = x[i] * 2.0;
        s += t * t;
    }
    return s * t;
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: n))
double g(double a, int n, const double *x, double *y) {
    double w = a;
    for (int step = 0; step < 3; step++) {
        for (int i = 0; i < n; i++)
            y[i] = x[i] * w;
        w = 0.5 * w;
#pragma omp parallel for private(w)
        for (int i = 0; i < n; i++) {
            w = y[i] * y[i];
            y[i] = w + a;
        }
    }
    return y[0];
}

ADC_DIFF(wrt(a, x, y), len(x: n, y: n))
double h(double a, int n, const double *x, double *y) {
    double r = a;
    while (r < 4.0) {
#pragma omp parallel for private(r)
        for (int i = 0; i < n; i++) {
            r = y[i] + x[i];
            y[i] = r * a;
        }
        a = a * 2.0;
    }
    return y[0];
}
