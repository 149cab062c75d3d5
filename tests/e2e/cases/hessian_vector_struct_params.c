/* The dense Hessian computed with vector(2) directions of a function whose local struct of
 * pointers to its parameters (one a `const double *`) goes to a helper (difftest README entry
 * 45): the first stage's adjoint writes through the const member with a cast,
 * `((double *)s_b->x)[i] += ...`, whose vector tangent in the second stage kept the cast to
 * `double *` where its shadow is `double (*)[2]` (did not compile), and the vector tangent
 * taped the struct's shadow as W times the struct's bytes, past the end of its vector shadow
 * struct. The Hessian against the finite differences of the gradient column by column and
 * against the hvp of each unit direction; the gradient against FD. */
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static void relax(sys_t *s, double q)
{
    for (int k = 0; k < s->m; k++)
        s->y[k] = s->y[k] * q + s->x[k % s->n] * s->c;
}

static double run(double a, int n, const double *x, int m, double *y)
{
    sys_t s = {n, x, m, y, a};
    relax(&s, a);
    return y[0] * y[1];
}

ADC_DIFF(wrt(p), len(p: 4), modes(grad, hvp, hessian), vector(2))
double hessian_vector_struct_params(const double *p)
{
    double y[2] = {p[2], p[3]};
    return run(p[0], 1, p + 1, 2, y);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define N 4

double hessian_vector_struct_params_grad(const double *p, double *p_grad);
int hessian_vector_struct_params_hessian(const double *p, double *h);
int hessian_vector_struct_params_hvp(const double *p, const double *p_v, double *p_hv);

static double value(const double *p, void *ctx) {
    (void)ctx;
    return hessian_vector_struct_params(p);
}

static void gradient(const double *p, double *g, void *ctx) {
    (void)ctx;
    hessian_vector_struct_params_grad(p, g);
}

int main(void) {
    e2e_begin("hessian_vector_struct_params");
    double p[N] = {0.7, -1.3, 0.4, 0.9}, g[N], h[N * N];
    adc_check_result r;
    gradient(p, g, NULL);
    e2e_check_status("struct of parameters", "gradient vs finite differences",
                     adc_check_gradient(N, p, g, value, NULL, E2E_FD_TOL, &r, NULL), &r);
    e2e_expect_value("struct of parameters", "hessian returns 0", hessian_vector_struct_params_hessian(p, h), 0.0, 0.0);
    e2e_expect_symmetric("struct of parameters", h, N);
    for (int k = 0; k < N; k++) {
        double unit[N] = {0}, col[N], hk[N];
        unit[k] = 1.0;
        for (int i = 0; i < N; i++)
            hk[i] = h[i * N + k];
        int st = adc_check_tangent(N, N, p, unit, hk, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status("struct of parameters", "Hessian column vs finite differences of the gradient", st, &r);
        hessian_vector_struct_params_hvp(p, unit, col);
        for (int i = 0; i < N; i++)
            e2e_expect_value("struct of parameters", "Hessian column vs hvp of the unit direction", hk[i], col[i],
                             1e-12 * (1.0 + fabs(col[i])));
    }
    return e2e_finish();
}
#endif
