/* Side effects on one member of a struct in a statement that uses another member of the same
 * struct, as filters, stacks and ring buffers are written (`bq->z1 = bq->z2 = 0.0;`,
 * `st->v[st->top++] = value;`, `if (++rb->head == rb->size) rb->head = 0;`,
 * `g.nodes[g.count++] = i;`): the members are distinct objects, so C orders nothing in question
 * (adc refused them as unordered before). Every mode against finite differences and the
 * dot-product test; the Hessian-vector product against differences of the gradient. */
#include <adc.h>

typedef struct { double b0, b1, a1, z1, z2; } biquad;
typedef struct { double v[8]; int top; } stack;
typedef struct { double buf[3]; int head, size; } ring;
typedef struct { int nodes[6]; int count; } node_list;

static void biquad_init(biquad *bq, double c)
{
    bq->b0 = bq->b1 = 0.5 * c;
    bq->a1 = -0.25 * c;
    bq->z1 = bq->z2 = 0.0;
}

static double biquad_step(biquad *bq, double in)
{
    double out = bq->b0 * in + bq->z1;
    bq->z1 = bq->b1 * in - bq->a1 * out + bq->z2;
    bq->z2 = 0.1 * out;
    return out;
}

static void push(stack *st, double value)
{
    st->v[st->top++] = value;
}

static double ring_put(ring *rb, double value)
{
    double oldest = rb->buf[rb->head];
    rb->buf[rb->head] = value;
    if (++rb->head == rb->size)
        rb->head = 0;
    return oldest;
}

ADC_DIFF(wrt(x), len(x: 5), modes(tangent, adjoint, grad, hvp))
double member_side_effects(const double *x)
{
    biquad bq;
    stack st = {{0.0}, 0};
    ring rb = {{0.0, 0.0, 0.0}, 0, 3};
    node_list g;
    g.count = 0;
    for (int i = 0; i < 5; i++)
        if (i != 2)
            g.nodes[g.count++] = i;
    biquad_init(&bq, x[4]);
    double s = 0.0;
    for (int t = 0; t < 7; t++) {
        double out = biquad_step(&bq, x[t % 5]);
        push(&st, out * x[(t + 1) % 5]);
        s += ring_put(&rb, out) * out;
    }
    for (int k = 0; k < g.count; k++)
        s += st.v[g.nodes[k]] * x[g.nodes[k]];
    return s + st.v[st.top - 1] * bq.z1;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double member_side_effects_tangent(const double *x, const double *x_d, double *f_d);
double member_side_effects_adjoint(const double *x, double *x_b, double f_b);
double member_side_effects_grad(const double *x, double *x_grad);
int member_side_effects_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return member_side_effects(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return member_side_effects_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return member_side_effects_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return member_side_effects_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    member_side_effects_grad(x, g);
}

int main(void) {
    e2e_begin("member_side_effects");
    const double x[5] = {0.7, -1.3, 0.4, 1.1, 0.9};
    e2e_scalar s = {.label = "member_side_effects", .n = 5, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    double g[5];
    e2e_run_scalar(&s, g);
    /* the second route is the dot-product test above and the Hessian below */
    double v[5] = {0.6, -0.8, 0.3, 0.5, -0.2}, hv[5];
    member_side_effects_hvp(x, v, hv);
    adc_check_result r;
    int st = adc_check_tangent(5, 5, x, v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status(s.label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
