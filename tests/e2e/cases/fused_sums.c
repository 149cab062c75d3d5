/* Sums over loop nests of terms local to each trip: NAME_adjoint runs each trip's forward and
 * backward sweeps together (fusion.c). Checked against finite differences, the tangent (dot
 * product), the seed-2 increment of pre-filled adjoints, the value bit for bit against the
 * primal, and the gradient against the unfused route NAME_forward + NAME_reverse (to 1e-12:
 * the same contributions, added up in the other order). stress: MDS-like, two nested loops;
 * scaled: a scale computed before the loop (its adjoint gathered over the nest, then passed
 * on), `-=`, sin, a loop with step 2 and `<=`, a passive array and index arithmetic; tail: not
 * fused (what runs before the loop reads the loop's index). */
#include <math.h>
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(W), len(W: 2 * npts))
double stress(int npts, const double *W, const double *D)
{
    double L = 0.0;
    for (int i = 0; i < npts; i++)
        for (int j = i + 1; j < npts; j++) {
            double dx = W[2 * i] - W[2 * j];
            double dy = W[2 * i + 1] - W[2 * j + 1];
            double r = dx * dx + dy * dy - D[i * npts + j];
            L += r * r;
        }
    return L;
}

ADC_DIFF(wrt(x), len(x: n))
double scaled(int n, const double *x, const double *w)
{
    double c = exp(0.5 * x[0]);
    double s = 1.0;
    for (int k = 1; k <= n - 2; k += 2) {
        double d = x[k + 1] - c * x[k];
        double h = d * d * d;
        s -= w[k] * h;
        s += c * sin(x[k - 1]) * x[k + 1];
    }
    return s;
}

/* not fused: the statement before the loop reads i, which the loop assigns */
ADC_DIFF(wrt(x), len(x: n))
double tail(int n, const double *x)
{
    int i = n - 1;
    double c = x[i] * x[i];
    double s = 0.0;
    for (i = 0; i < n; i++)
        s += c * x[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"
#include <adc_runtime.h>

double stress_tangent(int npts, const double *W, const double *W_d, const double *D, double *stress_d);
double stress_adjoint(int npts, const double *W, double *W_b, const double *D, double stress_b);
double stress_grad(int npts, const double *W, const double *D, double *W_grad);
double stress_forward(adc_tape *tape, int npts, const double *W, const double *D);
void stress_reverse(adc_tape *tape, int npts, const double *W, double *W_b, const double *D, double stress_b);
double scaled_tangent(int n, const double *x, const double *x_d, const double *w, double *scaled_d);
double scaled_adjoint(int n, const double *x, double *x_b, const double *w, double scaled_b);
double scaled_grad(int n, const double *x, const double *w, double *x_grad);
double scaled_forward(adc_tape *tape, int n, const double *x, const double *w);
void scaled_reverse(adc_tape *tape, int n, const double *x, double *x_b, const double *w, double scaled_b);

double tail_tangent(int n, const double *x, const double *x_d, double *tail_d);
double tail_adjoint(int n, const double *x, double *x_b, double tail_b);
double tail_grad(int n, const double *x, double *x_grad);
double tail_forward(adc_tape *tape, int n, const double *x);
void tail_reverse(adc_tape *tape, int n, const double *x, double *x_b, double tail_b);

#define NP 17
#define NX 12
static double D[NP * NP], w[NX];

static double primal1(const double *x, void *p) { (void)p; return stress(NP, x, D); }
static double grad1(const double *x, double *g, void *p) { (void)p; return stress_grad(NP, x, D, g); }
static double tangent1(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return stress_tangent(NP, x, v, D, dv);
}
static double adjoint1(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return stress_adjoint(NP, x, xb, D, seed);
}
static double unfused1(const double *x, double *g, adc_tape *t) {
    double f = stress_forward(t, NP, x, D);
    stress_reverse(t, NP, x, g, D, 1.0);
    return f;
}
static double primal2(const double *x, void *p) { (void)p; return scaled(NX, x, w); }
static double grad2(const double *x, double *g, void *p) { (void)p; return scaled_grad(NX, x, w, g); }
static double tangent2(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return scaled_tangent(NX, x, v, w, dv);
}
static double adjoint2(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return scaled_adjoint(NX, x, xb, w, seed);
}
static double unfused2(const double *x, double *g, adc_tape *t) {
    double f = scaled_forward(t, NX, x, w);
    scaled_reverse(t, NX, x, g, w, 1.0);
    return f;
}

static double primal3(const double *x, void *p) { (void)p; return tail(NX, x); }
static double grad3(const double *x, double *g, void *p) { (void)p; return tail_grad(NX, x, g); }
static double tangent3(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return tail_tangent(NX, x, v, dv);
}
static double adjoint3(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return tail_adjoint(NX, x, xb, seed);
}
static double unfused3(const double *x, double *g, adc_tape *t) {
    double f = tail_forward(t, NX, x);
    tail_reverse(t, NX, x, g, 1.0);
    return f;
}

/* e2e_run_scalar's checks, then the value bit for bit and the unfused route. */
static void check(e2e_scalar *s, double (*unfused)(const double *, double *, adc_tape *)) {
    double g[2 * NP], gu[2 * NP] = {0};
    e2e_run_scalar(s, g);
    double f0 = s->f(s->x, NULL), fg = s->grad(s->x, g, NULL);
    e2e_report(memcmp(&f0, &fg, sizeof f0) == 0, s->label, "grad's value equals the primal bit for bit (%a, %a)",
               fg, f0);
    adc_tape t;
    adc_tape_init(&t);
    double fu = unfused(s->x, gu, &t);
    adc_tape_free(&t);
    e2e_expect_value(s->label, "value of the unfused route", fu, f0, 0.0);
    e2e_expect_close(s->label, "grad vs NAME_forward + NAME_reverse", g, gu, s->n, E2E_EXACT_TOL);
}

int main(void) {
    e2e_begin("fused_sums");
    double ref_pts[2 * NP], W[2 * NP], x[NX];
    e2e_fill(ref_pts, 2 * NP, 41u, -1.0, 1.0);
    e2e_fill(W, 2 * NP, 42u, -0.3, 0.3);
    for (int i = 0; i < NP; i++)
        for (int j = 0; j < NP; j++) {
            double dx = ref_pts[2 * i] - ref_pts[2 * j], dy = ref_pts[2 * i + 1] - ref_pts[2 * j + 1];
            D[i * NP + j] = dx * dx + dy * dy;
        }
    for (int k = 0; k < 2 * NP; k++)
        W[k] += ref_pts[k];
    e2e_scalar s1 = {.label = "stress", .n = 2 * NP, .x = W, .f = primal1, .grad = grad1,
                     .tangent = tangent1, .adjoint = adjoint1};
    check(&s1, unfused1);
    e2e_fill(x, NX, 43u, -1.0, 1.0);
    e2e_fill(w, NX, 44u, 0.5, 2.0);
    e2e_scalar s2 = {.label = "scaled", .n = NX, .x = x, .f = primal2, .grad = grad2,
                     .tangent = tangent2, .adjoint = adjoint2};
    check(&s2, unfused2);
    e2e_scalar s3 = {.label = "tail", .n = NX, .x = x, .f = primal3, .grad = grad3,
                     .tangent = tangent3, .adjoint = adjoint3};
    check(&s3, unfused3);
    return e2e_finish();
}
#endif
