/* Callees that update variables whose address they are given (issue 13, reproducer 1): a
 * scalar parameter (`twice(&j)`: the backward sweep must read the j the callee left, not j's
 * entry value), a local, a struct field, an element of a local array, two parameters swapped
 * into one call, the same variable passed twice (the callee reads and writes through both),
 * and a local and a parameter updated on every trip of a loop. The vector tangent of the
 * same without the struct (both directions at once) must give the gradient: it once read
 * `*j_d[k]` for `(*j_d)[k]`. */
#include <adc.h>

static void twice(double *v)
{
    *v += *v;
}

static void square(double *v)
{
    *v = *v * *v;
}

static void mix(double *a, double *b)
{
    *a = *a * *b;
    *b = *b + 0.5 * *a;
}

struct point {
    double u, v;
};

ADC_DIFF(wrt(i, j), modes(tangent, adjoint, grad, hvp))
double calls_address_of(double i, double j)
{
    twice(&j);
    double r = i * j;
    double local = i * j;
    twice(&local);
    r += local * i;
    struct point p;
    p.u = i;
    p.v = j;
    square(&p.u);
    r += p.u * p.v;
    double arr[2];
    arr[0] = i;
    arr[1] = j;
    square(&arr[1]);
    r += arr[1] * arr[0];
    mix(&j, &i);
    r += i * j;
    double y = i + j;
    mix(&y, &y);
    r += y * i;
    for (int k = 0; k < 3; k++) {
        double t = i + 0.1 * k;
        square(&t);
        r += t * j;
        twice(&j);
    }
    return r * j;
}

ADC_DIFF(wrt(i, j), modes(tangent_vector), vector(2))
double calls_address_of_vector(double i, double j)
{
    twice(&j);
    double local = i * j;
    square(&local);
    mix(&j, &i);
    double y = i + j;
    mix(&y, &y);
    return local * y + i * j;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_address_of_tangent(double i, double i_d, double j, double j_d, double *calls_address_of_d);
double calls_address_of_adjoint(double i, double *i_b, double j, double *j_b, double calls_address_of_b);
double calls_address_of_grad(double i, double j, double *i_grad, double *j_grad);
double calls_address_of_vector_tangent_vector(double i, const double i_d[2], double j, const double j_d[2],
                                              double *calls_address_of_vector_d);
int calls_address_of_hvp(double i, double i_v, double *i_hv, double j, double j_v, double *j_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return calls_address_of(x[0], x[1]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_address_of_grad(x[0], x[1], &g[0], &g[1]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_address_of_tangent(x[0], v[0], x[1], v[1], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_address_of_adjoint(x[0], &xb[0], x[1], &xb[1], seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    calls_address_of_grad(x[0], x[1], &g[0], &g[1]);
}

int main(void) {
    e2e_begin("calls_address_of");
    static const double points[][2] = {{0.3, 0.7}, {-0.4, 0.9}, {0.8, -0.6}};
    for (int k = 0; k < 3; k++) {
        char label[64];
        snprintf(label, sizeof label, "(i, j) = (%g, %g)", points[k][0], points[k][1]);
        double g[2];
        e2e_scalar s = {.label = label, .n = 2, .x = points[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, g);
        /* the vector tangent's two columns against central differences */
        double i = points[k][0], j = points[k][1], h = 1e-6, fd[2], columns[2];
        double unit_i[2] = {1.0, 0.0}, unit_j[2] = {0.0, 1.0};
        fd[0] = (calls_address_of_vector(i + h, j) - calls_address_of_vector(i - h, j)) / (2.0 * h);
        fd[1] = (calls_address_of_vector(i, j + h) - calls_address_of_vector(i, j - h)) / (2.0 * h);
        calls_address_of_vector_tangent_vector(i, unit_i, j, unit_j, columns);
        e2e_expect_close(label, "vector tangent vs finite differences", columns, fd, 2, E2E_FD_TOL);
        double v[2] = {0.6, -0.8}, hv[2];
        calls_address_of_hvp(points[k][0], v[0], &hv[0], points[k][1], v[1], &hv[1]);
        adc_check_result r;
        int st = adc_check_tangent(2, 2, points[k], v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
