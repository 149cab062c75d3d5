/* A robotics homework: forward kinematics of a planar arm with n revolute joints (link lengths,
 * accumulated angles in a loop), the reach error to a target, and a joint-limit penalty with
 * fmax. Differentiated with respect to the joint angles (only the ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define MAX_LINKS 8

typedef struct arm {
    int n;
    double len[MAX_LINKS];
    double lo[MAX_LINKS], hi[MAX_LINKS];
} arm;

/* end effector position */
void forward_kinematics(const arm *a, const double *q, double *px, double *py)
{
    double phi = 0.0;
    *px = 0.0;
    *py = 0.0;
    for (int i = 0; i < a->n; i++) {
        phi += q[i];
        *px += a->len[i] * cos(phi);
        *py += a->len[i] * sin(phi);
    }
}

ADC_DIFF(wrt(q), len(q: a->n))
double reach_cost(const arm *a, const double *q, double tx, double ty, double weight)
{
    double px, py, penalty = 0.0;
    forward_kinematics(a, q, &px, &py);
    for (int i = 0; i < a->n; i++) {
        double over = fmax(q[i] - a->hi[i], 0.0), under = fmax(a->lo[i] - q[i], 0.0);
        penalty += over * over + under * under;
    }
    return (px - tx) * (px - tx) + (py - ty) * (py - ty) + weight * penalty;
}
