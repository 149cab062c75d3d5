/* mds.h: multidimensional-scaling stress of npts points in the plane. */
#ifndef BENCH_MDS_H
#define BENCH_MDS_H

double mds_stress(int npts, const double *W, const double *D);

#endif
