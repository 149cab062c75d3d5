/* Driver of shallow_water_globals.c: 120 cells, 150 steps, observations from a run with other
 * parameters. The caller allocates the model (init_model) and, as it allocated the state, the
 * shadow blocks of its global pointers: h_d, hu_d, hn_d, hun_d for the tangent and h_b, ... for
 * the gradient (simulate_grad clears them through len(h: nx, ...)). Also checks that the
 * tangent leaves each shadow pointer on the shadow of the block its pointer holds (150 steps:
 * swapped back) and that simulate_grad restores the pointers and leaves zero in h_b (SIMULATE
 * sets h before it reads it). */
#include "realworld.h"

enum { NGAUGE = 4 };
extern int nx, nstep, igauge[NGAUGE];
extern double dt, hobs[NGAUGE], *h, *hu, *hn, *hun;
extern double *h_d, *hu_d, *hn_d, *hun_d, *h_b, *hu_b, *hn_b, *hun_b;

int init_model(int n, double length);
void free_model(void);
double simulate(double amp, double width, double cf);
double simulate_grad(double amp, double width, double cf, double *amp_grad, double *width_grad, double *cf_grad);
double simulate_tangent(double amp, double amp_d, double width, double width_d, double cf, double cf_d,
                        double *simulate_d);

static double f(const double *x, void *p) {
    (void)p;
    return simulate(x[0], x[1], x[2]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return simulate_grad(x[0], x[1], x[2], g, g + 1, g + 2);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return simulate_tangent(x[0], v[0], x[1], v[1], x[2], v[2], dv);
}

int main(void) {
    enum { N = 120 };
    if (init_model(N, 1.0) != 0)
        return 1;
    nstep = 150;
    dt = 1.0e-3;
    double *blocks[8];
    for (int i = 0; i < 8; i++)
        if (!(blocks[i] = calloc(N, sizeof(double))))
            return 1;
    double **shadows[8] = {&h_d, &hu_d, &hn_d, &hun_d, &h_b, &hu_b, &hn_b, &hun_b};
    for (int i = 0; i < 8; i++)
        *shadows[i] = blocks[i];
    int gauge[NGAUGE] = {20, 45, 70, 95};
    for (int k = 0; k < NGAUGE; k++)
        igauge[k] = gauge[k];
    simulate(0.12, 0.08, 0.4);
    for (int k = 0; k < NGAUGE; k++)
        hobs[k] = h[igauge[k]];
    double x[3] = {0.1, 0.1, 0.3};
    rw_problem p = {"shallow_water_globals", 3, x, f, grad, tangent, NULL, 0};
    int status = rw_run(&p);
    double *state[4] = {h, hu, hn, hun}, dv, g[3];
    simulate_tangent(x[0], 1.0, x[1], 0.0, x[2], 0.0, &dv);
    int lockstep = h == state[0] && h_d == blocks[0] && hu_d == blocks[1] && hn_d == blocks[2] && hun_d == blocks[3];
    simulate_grad(x[0], x[1], x[2], g, g + 1, g + 2);
    double most = 0.0;
    for (int i = 0; i < N; i++)
        most = fmax(most, fabs(h_b[i]));
    int restored = h == state[0] && hu == state[1] && hn == state[2] && hun == state[3] && h_b == blocks[4];
    printf("shallow_water_globals: shadow pointers in lockstep %s, pointers restored by grad %s, max |h_b| = %g\n",
           lockstep ? "ok" : "FAIL", restored ? "ok" : "FAIL", most);
    for (int i = 0; i < 8; i++)
        free(blocks[i]);
    free_model();
    return status || !lockstep || !restored || most != 0.0;
}
