/* nbody.h: the planets of the solar system as the Computer Language Benchmarks Game's n-body
 * program holds them, split over several files the way a project grows. */
#ifndef NBODY_H
#define NBODY_H

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define NBODIES 5

struct planet {
    double x, y, z;
    double vx, vy, vz;
    double mass;
};

void offset_momentum(int nbodies, struct planet *bodies);
void advance(int nbodies, struct planet *bodies, double dt);
double energy(int nbodies, struct planet *bodies);
double simulate(int nbodies, struct planet *bodies, int steps, double dt);

#endif
