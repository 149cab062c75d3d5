/* A helper that moves both its parameters (u++, c = &c[1]) called in a checkpointed loop
 * (ADC_CHECKPOINT: its steps are replayed from snapshots), a local pointer kept at a
 * parameter's entry value while the parameter then walks backwards. Checked against finite
 * differences and tangent against adjoint (dot product). */
#include <math.h>
#include <adc.h>
static void walk(int n, double *u, const double *c)
{
    for (int i = 0; i < n; i++) {
        u[0] = u[0] * c[0] + 0.1 * sin(u[1]);
        u++;
        c = &c[1];
    }
}
ADC_DIFF(wrt(x), len(x: n))
double pointer_moves_checkpoint(int n, const double *x)
{
    double u[6], c[5];
    const double *start = x;
    for (int i = 0; i < 6; i++)
        u[i] = x[i];
    for (int i = 0; i < 5; i++)
        c[i] = 0.9 + 0.1 * x[i];
    ADC_CHECKPOINT(3)
    for (int k = 0; k < 7; k++)
        walk(5, u, c);
    x += n - 1;
    double s = 0.0;
    for (int i = 0; i < 6; i++) {
        s += u[i] * x[0] + start[i];
        x--;
    }
    return s;
}
#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_moves_checkpoint_tangent(int n, const double *x, const double *x_d, double *r_d);
double pointer_moves_checkpoint_adjoint(int n, const double *x, double *x_b, double r_b);
double pointer_moves_checkpoint_grad(int n, const double *x, double *x_grad);
#define N 6
static double primal(const double *x, void *p) {
    (void)p;
    return pointer_moves_checkpoint(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pointer_moves_checkpoint_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_moves_checkpoint_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_moves_checkpoint_adjoint(N, x, xb, seed);
}
int main(void) {
    e2e_begin("pointer_moves_checkpoint");
    double x[N];
    e2e_fill(x, N, 7u, -1.0, 1.0);
    e2e_scalar s = {.label = "pointer_moves_checkpoint", .n = N, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
