// ARGS:
// EXIT: 1
// ERROR: table_passed.c:21:19: error: using 'rows' other than by element is not supported: adc follows a table of pointers ('rows') initialized with arrays and never written, read by element in statements (double *p = rows[k]; s += rows[k][i]); pass the arrays themselves
// A table of pointers given to a function taking double ** is refused (issue 15): its shadow
// table would have to be built in every mode. A double ** parameter of the differentiated
// function works (the caller builds the shadow table).
#include <adc.h>

static double mix(int m, double **r)
{
    double s = 0.0;
    for (int j = 0; j < m; j++)
        s += r[0][j] * r[1][j];
    return s;
}

ADC_DIFF(wrt(u, v), len(u: 2, v: 2))
double f(double *u, double *v)
{
    double *rows[2] = {u, v};
    return mix(2, rows);
}
