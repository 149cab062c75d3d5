/* ba.h: bundle-adjustment reprojection error (the ADBench camera model). */
#ifndef BENCH_BA_H
#define BENCH_BA_H

/* Camera: rotation (Rodrigues vector, 3), centre (3), focal length (1), principal point (2),
 * radial distortion (2). */
#define BA_NCAMPARAMS 11

double ba_objective(int ncams, int npts, int nobs, const double *cams, const double *X,
                    const int *obs, const double *feats);

#endif
