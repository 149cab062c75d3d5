// ARGS:
// EXIT: 1
// ERROR: omp_pragma_continued.c:12:9: error: an OpenMP pragma continued on the next line with '\' is not supported by adc: write the directive and its clauses on one line
// A parallel loop's pragma continued with a backslash: adc reads pragmas line by line from
// the source, and would read neither the directive nor its clauses whole.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for \
    reduction(+ : s) schedule(static)
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}
