/* Idioms of code written elsewhere, in one function: size_t loops counting down
 * (`for (i = n; i-- > 0;)`, `while (i--)`), unsigned wrap-around loops, static inline helpers
 * taking structs by value, SQR/MAX/MIN macros, copysign/hypot/atan2/cbrt/expm1/log1p/fmax/fmin,
 * indices from integer division and bit operations, do/while with a pre-decrement index, a
 * switch whose cases fall through (Taylor terms), globals written by a helper and read back,
 * recursion by halving, insertion sort of an array of structs with struct copies, and a Kahan
 * sum through volatile temporaries. Every mode against finite differences and the
 * dot-product test, the Hessian-vector product against differences of the gradient.
 * Needs libclang >= 17 (operators inside the SQR/MAX/MIN macros). */
#include <math.h>
#include <stddef.h>
#include <adc.h>

#define SQR(a) ((a) * (a))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

typedef struct { double x, y; } vec2;
typedef struct { double pos, vel; int id; } particle;

double acc[3];
int naccumulated;

static inline double dot2(vec2 p, vec2 q) { return p.x * q.x + p.y * q.y; }

static double norm_down(size_t n, const double *restrict v)
{
    double s = 0.0;
    for (size_t i = n; i-- > 0;)
        s += SQR(v[i]);
    return sqrt(s);
}

static double wrap_down(unsigned n, const double *v)
{
    double s = 0.0;
    for (unsigned i = n - 1; i < n; i--)
        s = 0.5 * s + v[i] * v[i];
    return s;
}

static double libm_mix(double p, double q)
{
    return copysign(hypot(p, q), p - q) + atan2(q, p) + cbrt(p * p + 1.0) + expm1(0.3 * q) +
           log1p(p * p) + fmax(p, q) * fmin(p, 0.5) + fabs(q);
}

static double pair_sum(int n, const double *v)
{
    double s = 0.0;
    for (int k = 0; k < n; k++) {
        int i = k / 2, j = (k >> 1) ^ 1;
        s += (k & 1) ? v[i] * v[j % (n / 2 + 1)] : MAX(v[i], v[j % 3]) - MIN(v[k], 0.1);
    }
    return s;
}

static double horner_do(int n, const double *c, double t)
{
    double s = 0.0;
    int k = n;
    do {
        s = s * t + c[--k];
    } while (k > 0);
    return s;
}

static double taylor_step(int order, double h, double u)
{
    double r = 0.0;
    switch (order) {
    case 4: r += h * h * h * h * u / 24.0; /* fall through */
    case 3: r += h * h * h * u / 6.0;      /* fall through */
    case 2: r += h * h * u / 2.0;          /* fall through */
    case 1: r += h * u; break;
    default: r = 0.0;
    }
    return r;
}

static void accumulate(double v)
{
    acc[naccumulated % 3] += v;
    naccumulated++;
}

static double power_rec(double b, int e)
{
    if (e == 0)
        return 1.0;
    if (e & 1)
        return b * power_rec(b, e - 1);
    double h = power_rec(b, e / 2);
    return h * h;
}

static void sort_by_pos(particle *p, int n)
{
    for (int i = 1; i < n; i++) {
        particle key = p[i];
        int j = i - 1;
        while (j >= 0 && p[j].pos > key.pos) {
            p[j + 1] = p[j];
            j--;
        }
        p[j + 1] = key;
    }
}

static double kahan(int n, const particle *p)
{
    double sum = 0.0, c = 0.0;
    for (int i = 0; i < n; i++) {
        volatile double y = p[i].vel * p[i].pos - c;
        volatile double t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

ADC_DIFF(wrt(x), len(x: 6), modes(tangent, adjoint, grad, hvp))
double outside_idioms(const double *x)
{
    vec2 p = {x[0], x[5]}, q = {x[2] * x[5], x[1]}, e = {1.0, -2.0};
    vec2 r = {p.x + q.x, p.y + q.y};
    double s = dot2(r, e) + norm_down(6, x) + wrap_down(4u, x + 1) + libm_mix(x[3], x[5]) + pair_sum(6, x);
    s += horner_do(3, x + 3, x[5]) + taylor_step(4, 0.1 * x[5], x[4]) + taylor_step(2, x[4], x[0]) +
         power_rec(x[1], 7);
    acc[0] = acc[1] = acc[2] = 0.0;
    naccumulated = 0;
    for (int i = 0; i < 4; i++)
        accumulate(x[i] * s);
    particle ps[4];
    for (int i = 0; i < 4; i++) {
        ps[i].pos = x[i];
        ps[i].vel = x[5] * (i + 1);
        ps[i].id = i;
    }
    sort_by_pos(ps, 4);
    particle first = ps[0];
    return s + acc[0] + acc[1] * acc[2] + acc[naccumulated % 3] + kahan(4, ps) + first.pos * ps[3].vel;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double outside_idioms_tangent(const double *x, const double *x_d, double *f_d);
double outside_idioms_adjoint(const double *x, double *x_b, double f_b);
double outside_idioms_grad(const double *x, double *x_grad);
int outside_idioms_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return outside_idioms(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return outside_idioms_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return outside_idioms_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return outside_idioms_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    outside_idioms_grad(x, g);
}

int main(void) {
    e2e_begin("outside_idioms");
    static const double points[2][6] = {{0.3, -0.7, 0.9, 0.4, -0.2, 0.6}, {-0.45, 0.35, -0.8, 0.7, 0.55, -0.3}};
    for (int k = 0; k < 2; k++) {
        e2e_scalar s = {.label = k ? "second point" : "first point", .n = 6, .x = points[k], .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
        double v[6] = {0.6, -0.8, 0.3, 0.5, -0.2, 0.7}, hv[6];
        outside_idioms_hvp(points[k], v, hv);
        adc_check_result r;
        int st = adc_check_tangent(6, 6, points[k], v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
