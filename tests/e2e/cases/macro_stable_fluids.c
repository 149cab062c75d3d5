/* Loops and expressions spelled in macros, the stable-fluids idiom: a for header from a macro
 * (FOR_EACH, and FOR_EACH_CELL opening two loops that `}}` closes), index, square and max
 * macros. Once the tangent lost the headers' init and condition (`for (; ; i++)`) and the
 * adjoint ran `while (1)`. Needs libclang >= 17 (older ones cannot read operators inside
 * macros: adc refuses). FD, tangent against adjoint. */
#include <adc.h>

#define N 4
#define IX(i, j) ((i) + (N + 2) * (j))
#define SQR(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define FOR_EACH for (i = 0; i < n; i++) {
#define FOR_EACH_CELL for (i = 1; i <= N; i++) { for (j = 1; j <= N; j++) {

ADC_DIFF(wrt(x), len(x: (N + 2) * (N + 2)))
double macro_stable_fluids(int n, const double *x)
{
    double y[(N + 2) * (N + 2)];
    int i, j;
    FOR_EACH
        y[i] = 0.5 * x[i];
    }
    FOR_EACH_CELL
        y[IX(i, j)] = 0.25 * (x[IX(i - 1, j)] + x[IX(i + 1, j)] + x[IX(i, j - 1)] * x[IX(i, j + 1)]);
    }}
    double s = 0.0;
    FOR_EACH_CELL
        s += MAX(y[IX(i, j)], 0.3 * y[IX(i, j - 1)]) * SQR(y[IX(i, j)] - x[IX(i, j)]);
    }}
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define NX ((N + 2) * (N + 2))
double macro_stable_fluids_tangent(int n, const double *x, const double *x_d,
                                   double *macro_stable_fluids_d);
double macro_stable_fluids_adjoint(int n, const double *x, double *x_b, double macro_stable_fluids_b);
double macro_stable_fluids_grad(int n, const double *x, double *x_grad);

static double primal(const double *x, void *ctx) {
    (void)ctx;
    return macro_stable_fluids(NX, x);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return macro_stable_fluids_grad(NX, x, g);
}
static double tangent(const double *x, const double *dx, double *dv, void *ctx) {
    (void)ctx;
    return macro_stable_fluids_tangent(NX, x, dx, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *ctx) {
    (void)ctx;
    return macro_stable_fluids_adjoint(NX, x, xb, seed);
}

int main(void) {
    e2e_begin("macro_stable_fluids");
    double x[NX];
    e2e_fill(x, NX, 17u, 0.2, 1.5);
    e2e_scalar s = {.label = "4x4 grid", .n = NX, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
