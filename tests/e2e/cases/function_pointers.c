/* Function pointers: a right-hand side passed as a pointer parameter (typedef'd, with an output
 * array and a void * context) to a helper, a local pointer chosen by ?:, a pointer in a struct
 * member and in an array, calls through (*p)(...) and through the pointer a helper returns
 * (choose(k)(x)), an inactive callback (a body's velocity_func) whose target adc never sees,
 * and an active struct passed by value with its callback; in tangent, vector tangent,
 * adjoint/grad and hvp. An active call that reaches a function adc has no derivative for stops
 * the program (SIGABRT), never a zero. */
#include <math.h>
#include <stddef.h>
#include <adc.h>

typedef void (*rhs_fn)(double t, const double *y, double *dy, void *ctx);
typedef double (*scalar_fn)(double);

void decay(double t, const double *y, double *dy, void *ctx)
{
    (void)ctx;
    dy[0] = -0.7 * y[0] + sin(t) * y[1];
    dy[1] = y[0] * y[1] - 0.5 * y[1];
}

void spring(double t, const double *y, double *dy, void *ctx)
{
    (void)ctx;
    dy[0] = y[1];
    dy[1] = -y[0] - 0.1 * t * y[1] * y[1];
}

double softplus(double x) { return log(1.0 + exp(x)); }
double square(double x) { return x * x; }

static scalar_fn choose(int k)
{
    return k ? square : softplus;
}

struct body {
    double mass;
    scalar_fn velocity_func; /* not on an active path */
    scalar_fn shape;
};

static void euler_step(rhs_fn f, double t, double h, double *y)
{
    double dy[2];
    f(t, y, dy, NULL);
    for (int i = 0; i < 2; i++)
        y[i] += h * dy[i];
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double function_pointers(const double *x, int which, scalar_fn velocity)
{
    double y[2] = {x[0], x[1]};
    rhs_fn f = which ? decay : spring;
    for (int s = 0; s < 4; s++)
        euler_step(f, 0.1 * s, 0.1, y);
    struct body b = {2.0, velocity, which ? softplus : square};
    double v = b.velocity_func(1.0) / b.mass;
    double g = b.shape(x[2] * y[0]);
    double (*direct)(double) = &square;
    scalar_fn table[2] = {square, softplus};
    return g + v * y[1] + (*direct)(y[0]) + table[which](y[1]) + choose(which)(x[1]);
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent_vector), vector(3))
double function_pointers_vector(const double *x, int which, scalar_fn velocity)
{
    return function_pointers(x, which, velocity);
}

ADC_DIFF(wrt(x))
double through_param(scalar_fn g, double x)
{
    return g(x) * x;
}

/* An active struct passed by value with its callback member: the shadow struct's pointer
 * member is never called, the primal one is dispatched on. */
typedef double (*rate_fn)(double k, double y);
double linear_rate(double k, double y) { return -k * y; }
double quadratic_rate(double k, double y) { return -k * y * y; }
struct decay_model {
    rate_fn rate;
    double k, y0;
};

static double settle(struct decay_model m, int steps)
{
    double y = m.y0;
    for (int i = 0; i < steps; i++)
        y += 0.1 * m.rate(m.k, y);
    return y;
}

ADC_DIFF(wrt(k, y0))
double struct_member_rate(double k, double y0, int which)
{
    struct decay_model m = {which ? quadratic_rate : linear_rate, k, y0}, twice;
    twice = m;
    twice.k = 2.0 * m.k;
    return settle(m, 5) + settle(twice, 3);
}

#ifdef ADC_E2E_MAIN
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../e2e.h"

double function_pointers_tangent(const double *x, const double *x_d, int which, scalar_fn velocity,
                                 double *function_pointers_d);
double function_pointers_adjoint(const double *x, double *x_b, int which, scalar_fn velocity,
                                 double function_pointers_b);
double function_pointers_grad(const double *x, int which, scalar_fn velocity, double *x_grad);
int function_pointers_hvp(const double *x, const double *x_v, double *x_hv, int which, scalar_fn velocity);
double function_pointers_vector_tangent_vector(const double *x, const double x_d[][3], int which,
                                               scalar_fn velocity, double function_pointers_vector_d[3]);
double through_param_grad(scalar_fn g, double x, double *x_grad);
double struct_member_rate_tangent(double k, double k_d, double y0, double y0_d, int which, double *struct_member_rate_d);
double struct_member_rate_grad(double k, double y0, int which, double *k_grad, double *y0_grad);

/* Functions adc does not see (defined only in the test's main part). */
static double external_drift(double t) { return 0.3 + 0.2 * t; }
static double external_cube(double x) { return x * x * x; }

static int which;
static double primal(const double *x, void *p) {
    (void)p;
    return function_pointers(x, which, external_drift);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return function_pointers_grad(x, which, external_drift, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return function_pointers_tangent(x, v, which, external_drift, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return function_pointers_adjoint(x, xb, which, external_drift, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    function_pointers_grad(x, which, external_drift, g);
}
static double rate_primal(const double *x, void *p) {
    (void)p;
    return struct_member_rate(x[0], x[1], which);
}
static double rate_grad(const double *x, double *g, void *p) {
    (void)p;
    return struct_member_rate_grad(x[0], x[1], which, &g[0], &g[1]);
}
static double rate_tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return struct_member_rate_tangent(x[0], v[0], x[1], v[1], which, dv);
}

/* Whether the gradient through a pointer to a function adc never saw stops with SIGABRT. */
static int stops_without_derivative(void) {
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        double g;
        through_param_grad(external_cube, 0.5, &g);
        _exit(0); /* reached only if it did not stop */
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

int main(void) {
    e2e_begin("function_pointers");
    static const double points[][3] = {{0.3, 0.7, -0.4}, {-0.5, 0.9, 0.6}};
    for (which = 0; which < 2; which++)
        for (int k = 0; k < 2; k++) {
            char label[64];
            snprintf(label, sizeof label, "which %d, point %d", which, k);
            double g[3];
            e2e_scalar s = {.label = label, .n = 3, .x = points[k], .f = primal, .grad = grad,
                            .tangent = tangent, .adjoint = adjoint};
            e2e_run_scalar(&s, g);
            double v[3] = {0.6, -0.8, 0.3}, hv[3];
            function_pointers_hvp(points[k], v, hv, which, external_drift);
            adc_check_result r;
            int st = adc_check_tangent(3, 3, points[k], v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
            e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
            double unit[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, columns[3];
            function_pointers_vector_tangent_vector(points[k], unit, which, external_drift, columns);
            e2e_expect_close(label, "vector tangent vs gradient", columns, g, 3, E2E_EXACT_TOL);
        }
    for (which = 0; which < 2; which++) {
        static const double point[2] = {0.7, 1.3};
        e2e_scalar s = {.label = which ? "struct member, quadratic rate" : "struct member, linear rate", .n = 2,
                        .x = point, .f = rate_primal, .grad = rate_grad, .tangent = rate_tangent};
        e2e_run_scalar(&s, NULL);
    }
    double gx;
    through_param_grad(square, 0.5, &gx);
    e2e_expect_value("through_param", "gradient through a parameter pointer (closed form 3 x^2)", gx, 0.75,
                     E2E_CLOSED_TOL);
    e2e_report(stops_without_derivative(), "through_param", "a pointer to a function adc never saw stops (SIGABRT)");
    return e2e_finish();
}
#endif
