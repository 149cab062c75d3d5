/* Bundle adjustment: sum of squared reprojection errors of nobs observations (camera obs[2i],
 * point obs[2i+1], measured feature feats[2i..2i+1]) with ADBench's camera model: rotation by a
 * Rodrigues vector, perspective division, two-parameter radial distortion, focal length and
 * principal point. Active: the cameras cams[11*ncams] and the points X[3*npts]. */
#include <math.h>
#include <adc.h>
#include "ba.h"

static double sqsum(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

static void cross(const double *a, const double *b, double *out)
{
    out[0] = a[1] * b[2] - a[2] * b[1];
    out[1] = a[2] * b[0] - a[0] * b[2];
    out[2] = a[0] * b[1] - a[1] * b[0];
}

static void rodrigues_rotate_point(const double *rot, const double *pt, double *rotatedPt)
{
    double sqtheta = sqsum(3, rot);
    if (sqtheta != 0.0) {
        double theta = sqrt(sqtheta);
        double costheta = cos(theta);
        double sintheta = sin(theta);
        double theta_inverse = 1.0 / theta;
        double w[3];
        for (int i = 0; i < 3; i++)
            w[i] = rot[i] * theta_inverse;
        double w_cross_pt[3];
        cross(w, pt, w_cross_pt);
        double tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) * (1.0 - costheta);
        for (int i = 0; i < 3; i++)
            rotatedPt[i] = pt[i] * costheta + w_cross_pt[i] * sintheta + w[i] * tmp;
    } else {
        double rot_cross_pt[3];
        cross(rot, pt, rot_cross_pt);
        for (int i = 0; i < 3; i++)
            rotatedPt[i] = pt[i] + rot_cross_pt[i];
    }
}

static void radial_distort(const double *rad_params, double *proj)
{
    double rsq = sqsum(2, proj);
    double L = 1.0 + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
    proj[0] = proj[0] * L;
    proj[1] = proj[1] * L;
}

static void project(const double *cam, const double *X, double *proj)
{
    const double *C = &cam[3];
    double Xo[3], Xcam[3];
    Xo[0] = X[0] - C[0];
    Xo[1] = X[1] - C[1];
    Xo[2] = X[2] - C[2];
    rodrigues_rotate_point(&cam[0], Xo, Xcam);
    proj[0] = Xcam[0] / Xcam[2];
    proj[1] = Xcam[1] / Xcam[2];
    radial_distort(&cam[9], proj);
    proj[0] = proj[0] * cam[6] + cam[7];
    proj[1] = proj[1] * cam[6] + cam[8];
}

ADC_DIFF(wrt(cams, X), len(cams: BA_NCAMPARAMS * ncams, X: 3 * npts))
double ba_objective(int ncams, int npts, int nobs, const double *cams, const double *X,
                    const int *obs, const double *feats)
{
    (void)ncams;
    (void)npts;
    double err = 0.0;
    for (int i = 0; i < nobs; i++) {
        int camIdx = obs[2 * i];
        int ptIdx = obs[2 * i + 1];
        double proj[2];
        project(&cams[camIdx * BA_NCAMPARAMS], &X[ptIdx * 3], proj);
        double ex = proj[0] - feats[2 * i];
        double ey = proj[1] - feats[2 * i + 1];
        err += ex * ex + ey * ey;
    }
    return err;
}
