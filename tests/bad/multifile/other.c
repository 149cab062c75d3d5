/* other.c: the second input file of the tests/bad/multifile_*.c cases: each case defines one
 * of these names differently and calls other_g. */
#define SCALE 3.0

struct P {
    double a, b;
};

static const double w[2] = {3.0, 4.0};

static double helper(double v)
{
    return v * SCALE;
}

double other_g(double x)
{
    struct P p = {x, w[0]};
    return helper(p.a) * p.b;
}
