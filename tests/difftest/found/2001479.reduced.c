#include <math.h>
#include <stdlib.h>
#include <adc.h>
#define HALF 0.5
#define SQ(u) ((u) * (u))
#define MIX(u, v) (HALF * (u) + 0.25 * (v))
struct pt {
    double v;
    double w;
    int tag;
};
struct grid {
    int n;
    double *u, *unew;
};
static double h0(double k_2, double bound_14) {
    double t2_b = (bound_14 - (double)(float)bound_14);
    float trips = k_2;
    double *pd0 = &k_2;
    *pd0 = 0.5 * *pd0 + MIX((t2_b + 1.25), SQ(bound_14));
    char x_v[] = "xbz";
    for (int seed = 0; x_v[seed] != '\0'; seed++) {
        struct pt first = {t2_b, trips, 2};
        {
            struct grid grid0 = {3, 0, 0};
            struct grid *status = &grid0;
            status->unew = calloc(3, sizeof(double));
            for (int hessian = 0; hessian < 3; hessian++)
                status->u[hessian] = (first.w - seed * 0.3) * (hessian + 1);
            for (int t2 = 0; t2 < 2; t2++) {
                for (int hessian = 0; hessian < 3; hessian++)
                    status->unew[hessian] = 0.5 * status->u[hessian] + tanh((trips / (2.0 + t2_b * t2_b))) * status->u[(hessian + 1) % 3];
                double *adj_2 = status->u;
                status->u = status->unew;
                status->unew = adj_2;
            }
            t2_b += status->u[0] * status->unew[1];
        }
    }
    return t2_b + (0.75 * 1.5);
}
ADC_DIFF(wrt(a0, x0, y0), len(x0: tape, y0: count), modes(tangent, adjoint, grad, hvp))
double f(double a0, int tape, const double *x0, int count, double *y0) {
    double value_d = log10(1.0 + (a0 / (2.0 + x0[(tape) % tape] * x0[(tape) % tape])) * (a0 / (2.0 + x0[(tape) % tape] * x0[(tape) % tape])));
    unsigned long c0 = 3;
    if (3.0 > -3.0) {
        double result = h0(a0, count * 0.75);
        value_d += result;
    }
    int first_14 = ((c0 + tape)) % tape;
    const double *ptr0 = x0 + first_14;
    double k[5] = {[4] = -(ptr0[(tape - first_14) - 1])};
    if ((x0[tape - 1] > -0.125 || y0[(0) % count] < HALF)) {
        if ((count * 0.125 < -2.0 || ptr0[((count + (c0 + tape))) % (tape - first_14)] > x0[(c0) % tape])) {
            double i = a0;
            y0[0] *= (fabs(tape * 0.125) - h0(value_d, value_d));
            value_d += i;
        }
    }
    struct pt t1 = {pow((k[((c0 + c0 * 2)) % 5] * x0[((c0 + 3)) % tape]), 2.0), (h0(a0, a0) + (first_14 * 0.3 + tape * 1.25)), 1};
    if (!(a0 < 3.0)) {
        int f_b = (count) % 5;
        double *ptr1 = k + f_b;
        value_d += ptr1[(5 - f_b) - 1] * HALF;
        const double cd0 = h0(value_d, t1.w);
        value_d += cd0;
    }
    double columns = value_d;
    struct pt a_d[2] = {[1] = {.tag = 1, .w = sqrt(0.5 + 1.25 * 1.25)}, [0].v = c0 * 0.125};
    float j = (h0(x0[((count + count)) % tape], ptr0[((first_14 + 3) * 2) % (tape - first_14)]) + a_d[(c0) % 2].w);
    if ((3.0 < 0.3 || count * 0.3 > a0)) {
        if (-(a_d[(c0) % 2].v) > h0(k[0], count * 1.25)) {
            struct pt adj = {(columns / (2.0 + a0 * a0)), ((tape < 3 && 0.75 < -0.5) ? (columns > 0.5 ? x0[(c0) % tape] : y0[count - 1]) : -(0.125)), 1};
            value_d += adj.v;
        }
    }
    value_d += j;
    return value_d + value_d;
}
