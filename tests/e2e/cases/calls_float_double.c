/* float and double meeting at calls: a float helper given doubles, double helpers whose results are stored through float pointers (directly, compounded, into a struct member, an initializer, a recursive helper), a float helper's result stored through a double pointer, a float helper returning a double helper's result; scalar and vector tangents, adjoint; float FD tolerance and a closed form. */
#include <adc.h>

struct pair {
    float f;
    double d;
};

static float sq(float a) { return a * a; }
static double cube(double a) { return a * a * a; }
static float twice(float a) { return 2.0f * a; }
static double power(double a, int n) {
    if (n == 0)
        return 1.0;
    return a * power(a, n - 1);
}
static float narrowed_cube(double a) { return cube(a); }

ADC_DIFF(wrt(x, yf, yd), len(x: 4, yf: 3, yd: 3), modes(tangent, tangent_vector, adjoint), vector(2))
void calls_float_double(const double *x, float *yf, double *yd)
{
    float a = (float)x[0];
    yf[0] = cube(x[0]);
    *yd = sq(x[1]) * x[2];
    yd[1] = twice(a) + narrowed_cube(x[3]);
    float b = cube(a);
    yf[1] = power(x[2], 3);
    yf[1] += b;
    yf[2] = sq(x[3]);
    yf[2] += cube(x[1]);
    float c[2] = {cube(x[1]), sq(x[2])};
    yd[2] = c[0] * c[1];
}

/* Struct members (no vector mode: it does not take active structs). */
ADC_DIFF(wrt(x), len(x: 4), modes(tangent, adjoint, grad))
double float_double_members(const double *x)
{
    struct pair p = {sq(x[0]), twice(x[1])};
    p.f = cube(x[2]);
    p.d = sq(x[3]) + p.d;
    return p.f * p.d;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define W 2

void calls_float_double_tangent(const double *x, const double *x_d, float *yf, float *yf_d, double *yd,
                                 double *yd_d);
void calls_float_double_tangent_vector(const double *x, const double (*x_d)[W], float *yf,
                                       float (*yf_d)[W], double *yd, double (*yd_d)[W]);
void calls_float_double_adjoint(const double *x, double *x_b, float *yf, float *yf_b, double *yd,
                                double *yd_b);

static void primal(const double *x, double *y, void *ctx) {
    (void)ctx;
    float yf[3];
    calls_float_double(x, yf, y + 3);
    for (int i = 0; i < 3; i++)
        y[i] = yf[i];
}

static void tangent(const double *x, const double *v, double *y, double *jv, void *ctx) {
    (void)ctx;
    float yf[3], yf_d[3];
    calls_float_double_tangent(x, v, yf, yf_d, y + 3, jv + 3);
    for (int i = 0; i < 3; i++) {
        y[i] = yf[i];
        jv[i] = yf_d[i];
    }
}

static void adjoint(const double *x, const double *w, double *jtw, void *ctx) {
    (void)ctx;
    float yf[3], yf_b[3];
    double yd[3], yd_b[3];
    for (int i = 0; i < 3; i++) {
        yf_b[i] = (float)w[i];
        yd_b[i] = w[i + 3];
    }
    calls_float_double_adjoint(x, jtw, yf, yf_b, yd, yd_b);
}

double float_double_members_tangent(const double *x, const double *x_d, double *f_d);
double float_double_members_adjoint(const double *x, double *x_b, double f_b);
double float_double_members_grad(const double *x, double *x_grad);

static double members(const double *x, void *p) {
    (void)p;
    return float_double_members(x);
}
static double members_grad(const double *x, double *g, void *p) {
    (void)p;
    return float_double_members_grad(x, g);
}
static double members_tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return float_double_members_tangent(x, v, dv);
}
static double members_adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return float_double_members_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("calls_float_double");
    const double x[4] = {0.7, -1.1, 0.9, 1.3};
    e2e_vector s = {.label = "calls_float_double", .n = 4, .m = 6, .x = x, .f = primal,
                    .tangent = tangent, .adjoint = adjoint, .fd_tol = E2E_FLOAT_FD_TOL,
                    .exact_tol = E2E_FLOAT_EXACT_TOL};
    e2e_run_vector(&s);

    /* The Jacobian in closed form (double), against the scalar tangent column by column and
     * against the vector tangent (two directions per call). */
    double x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
    double jac[6][4] = {
        {3 * x0 * x0, 0, 0, 0},
        {3 * x0 * x0, 0, 3 * x2 * x2, 0},
        {0, 3 * x1 * x1, 0, 2 * x3},
        {0, 2 * x1 * x2, x1 * x1, 0},
        {2, 0, 0, 3 * x3 * x3},
        {0, 3 * x1 * x1 * x2 * x2, 2 * x2 * x1 * x1 * x1, 0},
    };
    for (int j = 0; j < 4; j += W) {
        double seeds[4][W] = {{0}}, yd[3], yd_d[3][W];
        float yf[3], yf_d[3][W];
        for (int k = 0; k < W; k++)
            seeds[j + k][k] = 1.0;
        calls_float_double_tangent_vector(x, (const double (*)[W])seeds, yf, yf_d, yd, yd_d);
        for (int k = 0; k < W; k++) {
            double e[4] = {0}, y[6], col[6], vcol[6], want[6];
            e[j + k] = 1.0;
            tangent(x, e, y, col, NULL);
            for (int i = 0; i < 6; i++) {
                want[i] = jac[i][j + k];
                vcol[i] = i < 3 ? yf_d[i][k] : yd_d[i - 3][k];
            }
            e2e_expect_close(s.label, "tangent column vs closed form", col, want, 6, E2E_FLOAT_CLOSED_TOL);
            e2e_expect_close(s.label, "vector tangent column vs scalar tangent", vcol, col, 6,
                             E2E_FLOAT_EXACT_TOL);
        }
    }
    /* p.f * p.d = x2^3 (x3^2 + 2 x1) */
    e2e_scalar m = {.label = "float_double_members", .n = 4, .x = x, .f = members, .grad = members_grad,
                    .tangent = members_tangent, .adjoint = members_adjoint, .fd_tol = E2E_FLOAT_FD_TOL,
                    .exact_tol = E2E_FLOAT_EXACT_TOL};
    double g[4], ref[4] = {0, 2 * x2 * x2 * x2, 3 * x2 * x2 * (x3 * x3 + 2 * x1), 2 * x3 * x2 * x2 * x2};
    e2e_run_scalar(&m, g);
    e2e_expect_close(m.label, "grad vs closed form", g, ref, 4, E2E_FLOAT_CLOSED_TOL);
    return e2e_finish();
}
#endif
