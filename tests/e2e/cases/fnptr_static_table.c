/* A file-scope `static const` table of function pointers, indexed by a particle type, as pair
 * potentials are chosen in molecular dynamics codes. adc copies the table into the generated
 * file, where the functions it names were declared only after it (a generated file that did
 * not compile; for hvp, adc's own adjoint code failed to read back). Scalar tangent and
 * gradient against finite differences, the dot-product test, hvp against finite differences of
 * the gradient; the value against the potentials summed by hand. */
#include <math.h>
#include <adc.h>

double lj(double r, double eps) {
    double ir6 = 1.0 / (r * r * r * r * r * r);
    return 4.0 * eps * (ir6 * ir6 - ir6);
}

double morse(double r, double eps) {
    double e = exp(-1.5 * (r - 1.1));
    return eps * (1.0 - e) * (1.0 - e);
}

typedef double (*pair_fn)(double, double);
static const pair_fn pair_table[2] = {lj, morse};

ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad, hvp))
double fnptr_static_table(const double *x)
{
    static const int type[4] = {0, 1, 1, 0};
    double e = 0.0;
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            double r = 1.0 + 0.2 * (x[j] - x[i]) * (x[j] - x[i]) + 0.1 * (j - i);
            e += pair_table[(type[i] + type[j]) % 2](r, 1.0 + 0.1 * x[i]);
        }
    return e;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double fnptr_static_table_tangent(const double *x, const double *x_d, double *f_d);
double fnptr_static_table_adjoint(const double *x, double *x_b, double f_b);
double fnptr_static_table_grad(const double *x, double *x_grad);
int fnptr_static_table_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return fnptr_static_table(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return fnptr_static_table_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return fnptr_static_table_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return fnptr_static_table_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return fnptr_static_table_hvp(x, v, hv);
}

static double by_hand(const double *x) {
    const int type[4] = {0, 1, 1, 0};
    double e = 0.0;
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            double r = 1.0 + 0.2 * (x[j] - x[i]) * (x[j] - x[i]) + 0.1 * (j - i);
            double eps = 1.0 + 0.1 * x[i];
            e += (type[i] + type[j]) % 2 ? morse(r, eps) : lj(r, eps);
        }
    return e;
}

int main(void) {
    e2e_begin("fnptr_static_table");
    const double x[4] = {0.3, -0.5, 0.8, 0.1};
    e2e_scalar s = {.label = "fnptr_static_table", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    e2e_expect_value("fnptr_static_table", "value vs by hand", primal(x, NULL), by_hand(x), E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
