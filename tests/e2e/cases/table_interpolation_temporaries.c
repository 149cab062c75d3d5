/* A table interpolated the way molecular dynamics codes read their potential tables (CoMD's
 * EAM interpolate): the differences of neighbouring entries are held in temporaries
 * (`lo = tab->v[k + 1] - tab->v[k - 1];`) and combined with the fractional point in a later
 * statement, and the table's end is padded by a chained store through a struct member
 * (`tab->v[n + 1] = tab->v[n] = tab->v[n - 1];`). adc refused both: the temporaries as a
 * step function read from a table, the padding as an unordered use of `tab`. The derivative
 * along the point is checked against its closed form, every mode against finite differences
 * and the dot-product test, the Hessian-vector product against differences of the gradient. */
#include <math.h>
#include <adc.h>

#define NTAB 6

typedef struct {
    int n;
    double x0, inv_dx;
    double *v;
} Table;

static void pad_end(Table *tab)
{
    int n = tab->n;
    tab->v[n + 1] = tab->v[n] = tab->v[n - 1];
}

static double quadratic_at(const Table *tab, double r)
{
    const double *t = tab->v;
    double s = (r - tab->x0) * tab->inv_dx;
    int k = (int)floor(s);
    s = s - floor(s);
    double lo = t[k + 1] - t[k - 1];
    double curve = t[k + 1] + t[k - 1] - 2.0 * t[k];
    return t[k] + 0.5 * s * (lo + s * curve);
}

/* x[0..NTAB-1]: the table's entries; x[NTAB]: the point */
ADC_DIFF(wrt(x), len(x: 7), modes(tangent, adjoint, grad, hvp))
double table_interpolation_temporaries(const double *x)
{
    double entries[NTAB + 2];
    Table tab;
    tab.n = NTAB;
    tab.x0 = 0.0;
    tab.inv_dx = 2.0;
    tab.v = entries;
    for (int i = 0; i < NTAB; i++)
        tab.v[i] = x[i];
    pad_end(&tab);
    double r = x[NTAB];
    return quadratic_at(&tab, r) * r + tab.v[NTAB + 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double table_interpolation_temporaries_tangent(const double *x, const double *x_d, double *f_d);
double table_interpolation_temporaries_adjoint(const double *x, double *x_b, double f_b);
double table_interpolation_temporaries_grad(const double *x, double *x_grad);
int table_interpolation_temporaries_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return table_interpolation_temporaries(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return table_interpolation_temporaries_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return table_interpolation_temporaries_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return table_interpolation_temporaries_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    table_interpolation_temporaries_grad(x, g);
}

int main(void) {
    e2e_begin("table_interpolation_temporaries");
    const double x[7] = {0.7, -1.3, 0.4, 1.1, 0.9, -0.5, 1.35}; /* r = 1.35: s = 2.7, k = 2 */
    e2e_scalar s = {.label = "table_interpolation_temporaries", .n = 7, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[7];
    e2e_run_scalar(&s, g);
    /* closed form along r: q(r) + r q'(r), q' = 2 (0.5 (lo + 2 s curve)) with s = 0.7 */
    double fr = 0.7, lo = x[3] - x[1], curve = x[3] + x[1] - 2.0 * x[2];
    double q = x[2] + 0.5 * fr * (lo + fr * curve), dq = 2.0 * 0.5 * (lo + 2.0 * fr * curve);
    e2e_expect_value(s.label, "d/dr against its closed form", g[6], q + x[6] * dq, E2E_CLOSED_TOL);
    double v[7] = {0.6, -0.8, 0.3, 0.5, -0.2, 0.1, 0.4}, hv[7];
    table_interpolation_temporaries_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(7, 7, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
