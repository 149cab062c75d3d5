// ADOL-C version of bench/objectives/ba.c: the same code with adouble for the active values.
#include <cmath>
#include <vector>
#include "adolc_bench.h"

static const short TAG = 2;
static const int NCAMPARAMS = 11;
static adolc_tape_info info;

static adouble sqsum(int n, const adouble *x) {
    adouble s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

static void cross(const adouble *a, const adouble *b, adouble *out) {
    out[0] = a[1] * b[2] - a[2] * b[1];
    out[1] = a[2] * b[0] - a[0] * b[2];
    out[2] = a[0] * b[1] - a[1] * b[0];
}

static void rodrigues_rotate_point(const adouble *rot, const adouble *pt, adouble *rotatedPt) {
    adouble sqtheta = sqsum(3, rot);
    if (sqtheta != 0.0) {  // decided at taping time
        adouble theta = sqrt(sqtheta);
        adouble costheta = cos(theta);
        adouble sintheta = sin(theta);
        adouble theta_inverse = 1.0 / theta;
        adouble w[3];
        for (int i = 0; i < 3; i++)
            w[i] = rot[i] * theta_inverse;
        adouble w_cross_pt[3];
        cross(w, pt, w_cross_pt);
        adouble tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) * (1.0 - costheta);
        for (int i = 0; i < 3; i++)
            rotatedPt[i] = pt[i] * costheta + w_cross_pt[i] * sintheta + w[i] * tmp;
    } else {
        adouble rot_cross_pt[3];
        cross(rot, pt, rot_cross_pt);
        for (int i = 0; i < 3; i++)
            rotatedPt[i] = pt[i] + rot_cross_pt[i];
    }
}

static void radial_distort(const adouble *rad_params, adouble *proj) {
    adouble rsq = sqsum(2, proj);
    adouble L = 1.0 + rad_params[0] * rsq + rad_params[1] * rsq * rsq;
    proj[0] = proj[0] * L;
    proj[1] = proj[1] * L;
}

static void project(const adouble *cam, const adouble *X, adouble *proj) {
    const adouble *C = &cam[3];
    adouble Xo[3], Xcam[3];
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

static adouble ba_objective(int nobs, const adouble *cams, const adouble *X, const int *obs,
                            const double *feats) {
    adouble err = 0.0;
    for (int i = 0; i < nobs; i++) {
        int camIdx = obs[2 * i];
        int ptIdx = obs[2 * i + 1];
        adouble proj[2];
        project(&cams[camIdx * NCAMPARAMS], &X[ptIdx * 3], proj);
        adouble ex = proj[0] - feats[2 * i];
        adouble ey = proj[1] - feats[2 * i + 1];
        err += ex * ex + ey * ey;
    }
    return err;
}

extern "C" double ba_adolc_grad(int ncams, int npts, int nobs, const double *params,
                                const int *obs, const double *feats, double *g,
                                size_t *tape_bytes) {
    int nparams = NCAMPARAMS * ncams + 3 * npts;
    double f;
    adolc_bench_trace_on(TAG, &info);
    {
        std::vector<adouble> p(nparams);
        for (int i = 0; i < nparams; i++)
            p[i] <<= params[i];
        adouble y = ba_objective(nobs, &p[0], &p[NCAMPARAMS * ncams], obs, feats);
        y >>= f;
    }
    trace_off();
    adolc_bench_trace_done(TAG, &info);
    *tape_bytes = info.bytes;
    gradient(TAG, nparams, params, g);
    return f;
}

extern "C" double ba_adolc_reuse(int nparams, const double *params, double *g) {
    gradient(TAG, nparams, params, g);
    return g[0];
}
