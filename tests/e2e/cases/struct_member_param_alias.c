/* A local struct whose member is given a parameter array (`sys_t s = {n, y, n, y, c};`), with
 * the function using the array by both names: writes through s.y[k] and reads of y[k], and the
 * struct given to a helper inside a loop whose backward sweep keeps y's adjoint in a local sum.
 * The analyses took s.y and y for two arrays: the backward sweep summed y_b[0] in a local while
 * the helper's backward sweep added to it through s_b.y, and a write through s.y[0] did not
 * count as overwriting y[0] (difftest seeds 221 and 1100110: dot-product tests 1.2 % and 21 %
 * off, silently). Tangent, adjoint, grad and hvp against finite differences and the dot-product
 * test. */
#include <math.h>
#include <string.h>
#include <adc.h>

typedef struct {
    int n;
    const double *x;
    int m;
    double *y;
    double c;
} sys_t;

static double reads(const sys_t *s, double q) {
    double r = s->y[s->m - 1] + 0.125;
    for (int k = 0; k < s->m; k++)
        r += s->x[k % s->n] * s->y[k] + s->c * q;
    return r;
}

ADC_DIFF(wrt(y), len(y: n), modes(tangent, adjoint, grad, hvp))
double summed_alias(int n, double *y) {
    double acc = 0.3;
    sys_t s = {n, y, n, y, y[2]};
    for (int k = 1; k < 3; k++) {
        acc += 1.0 / (2.0 + y[0] * y[0]);
        s.y[0] = acc + reads(&s, 2.0 - acc);
    }
    return acc;
}

ADC_DIFF(wrt(y), len(y: n), modes(tangent, adjoint, grad, hvp))
double written_alias(int n, double *y) {
    sys_t s = {n, y, n, y, 0.5 * y[1]};
    s.y[0] = s.y[0] * y[2] + sin(y[1]);
    double r = y[0] * y[0];
    y[1] = s.y[0] * y[2];
    s.y[2] *= y[0];
    return r + reads(&s, y[2]) + s.y[1] * y[2];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double summed_alias_tangent(int n, double *y, double *y_d, double *summed_alias_d);
double summed_alias_adjoint(int n, double *y, double *y_b, double summed_alias_b);
double summed_alias_grad(int n, double *y, double *y_grad);
int summed_alias_hvp(int n, double *y, const double *y_v, double *y_hv);
double written_alias_tangent(int n, double *y, double *y_d, double *written_alias_d);
double written_alias_adjoint(int n, double *y, double *y_b, double written_alias_b);
double written_alias_grad(int n, double *y, double *y_grad);
int written_alias_hvp(int n, double *y, const double *y_v, double *y_hv);

#define N 3
typedef double (*plain_fn)(int, double *);
typedef double (*tangent_fn)(int, double *, double *, double *);
typedef double (*adjoint_fn)(int, double *, double *, double);
typedef double (*grad_fn)(int, double *, double *);
typedef int (*hvp_fn)(int, double *, const double *, double *);
typedef struct {
    plain_fn f;
    tangent_fn tangent;
    adjoint_fn adjoint;
    grad_fn grad;
    hvp_fn hvp;
} routes;

/* Each route on a copy: the functions write y. */
static double primal(const double *x, void *p) {
    double y[N];
    memcpy(y, x, sizeof y);
    return ((const routes *)p)->f(N, y);
}
static double grad(const double *x, double *g, void *p) {
    double y[N];
    memcpy(y, x, sizeof y);
    return ((const routes *)p)->grad(N, y, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    double y[N], y_d[N];
    memcpy(y, x, sizeof y);
    memcpy(y_d, v, sizeof y_d);
    return ((const routes *)p)->tangent(N, y, y_d, dv);
}
/* y_b on entry is the adjoint of y on exit (y is written): zero, for the gradient of the value. */
static double adjoint(const double *x, double *xb, double seed, void *p) {
    double y[N], y_b[N] = {0};
    memcpy(y, x, sizeof y);
    double value = ((const routes *)p)->adjoint(N, y, y_b, seed);
    for (int i = 0; i < N; i++)
        xb[i] += y_b[i];
    return value;
}

static int hvp(const double *x, const double *v, double *hv, void *p) {
    double y[N];
    memcpy(y, x, sizeof y);
    return ((const routes *)p)->hvp(N, y, v, hv);
}

int main(void) {
    e2e_begin("struct_member_param_alias");
    routes summed = {summed_alias, summed_alias_tangent, summed_alias_adjoint, summed_alias_grad, summed_alias_hvp};
    routes written = {written_alias, written_alias_tangent, written_alias_adjoint, written_alias_grad,
                      written_alias_hvp};
    double x[N] = {0.4, -0.7, 0.55}, g[N];
    e2e_scalar s = {.label = "summed_alias", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp, .ctx = &summed};
    e2e_run_scalar(&s, g);
    e2e_scalar w = {.label = "written_alias", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp, .ctx = &written};
    e2e_run_scalar(&w, g);
    return e2e_finish();
}
#endif
