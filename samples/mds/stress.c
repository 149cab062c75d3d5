/* stress.c: the objective of metric multidimensional scaling: for m points in the plane
 * (x[2i], x[2i+1]) and target distances D (m x m, row-major; only i < j is read),
 *     stress(x) = sum_{i<j} (|x_i - x_j| - D_ij)^2,
 * marked for its gradient with respect to the coordinates. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2 * m), modes(grad))
double stress(int m, const double *x, const double *D) {
    double s = 0.0;
    for (int i = 0; i < m; i++)
        for (int j = i + 1; j < m; j++) {
            double dx = x[2 * i] - x[2 * j], dy = x[2 * i + 1] - x[2 * j + 1];
            double r = sqrt(dx * dx + dy * dy) - D[i * m + j];
            s += r * r;
        }
    return s;
}
