/* MDS stress: sum over pairs i < j of (|W_i - W_j|^2 - D_ij)^2 for npts points W (2-D, flat)
 * and target squared distances D[npts*npts]. Active: W. */
#include <adc.h>
#include "mds.h"

ADC_DIFF(wrt(W), len(W: 2 * npts))
double mds_stress(int npts, const double *W, const double *D)
{
    double L = 0.0;
    for (int i = 0; i < npts; i++) {
        for (int j = i + 1; j < npts; j++) {
            double dx = W[2 * i] - W[2 * j];
            double dy = W[2 * i + 1] - W[2 * j + 1];
            double r = dx * dx + dy * dy - D[i * npts + j];
            L += r * r;
        }
    }
    return L;
}
