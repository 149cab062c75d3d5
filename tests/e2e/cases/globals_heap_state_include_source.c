/* State in file-scope heap pointers (issue 15), as older codes keep it: `static double *u,
 * *unew; static int N;` malloc'd by an init() the caller runs first, then read and written by
 * the step through the pointers, which copies the new state back (heat_copy) or swaps the
 * buffers (heat_swap, `double *t = u; u = unew; unew = t;`). The generated file defines the
 * shadow pointers u_d, u_dv, u_b (and unew_...; u_b_d, unew_b_d for hvp), which this caller
 * points at blocks of N elements as it allocated the primal; they swap in lockstep with u and
 * unew, and the backward sweep swaps them back. Inputs (k, u's block, unew's block) against
 * finite differences, the dot-product test, adjoint seeding through u_b and unew_b, the vector
 * tangent against the scalar one, hvp against finite differences of the gradient; an odd step
 * count, so that the tangent leaves u on unew's first block and u_d on its shadow. */
#include <stdlib.h>
#include <adc.h>

static double *u, *unew;
static int N;

void init(int n)
{
    N = n;
    u = calloc((size_t)n, sizeof *u);
    unew = calloc((size_t)n, sizeof *unew);
}

static void step_copy(double k)
{
    for (int i = 1; i < N - 1; i++)
        unew[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]) * (1.0 + 0.5 * u[i]);
    for (int i = 1; i < N - 1; i++)
        u[i] = unew[i];
}

static void step_swap(double k)
{
    for (int i = 1; i < N - 1; i++)
        unew[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]) * (1.0 + 0.5 * u[i]);
    unew[0] = u[0];
    unew[N - 1] = u[N - 1];
    double *t = u; u = unew; unew = t;
}

static double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < N; i++)
        e += u[i] * u[i];
    return e;
}

ADC_DIFF(wrt(k), len(u: N, unew: N), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double heat_copy(double k)
{
    for (int s = 0; s < 7; s++)
        step_copy(k);
    return energy();
}

ADC_DIFF(wrt(k), len(u: N, unew: N), modes(tangent, tangent_vector, adjoint, grad, hvp), vector(2))
double heat_swap(double k)
{
    for (int s = 0; s < 7; s++)
        step_swap(k);
    return energy();
}

#ifdef ADC_E2E_MAIN
#include <stdbool.h>
#include <string.h>
#include "../e2e.h"

double heat_copy_tangent(double k, double k_d, double *heat_copy_d);
double heat_copy_tangent_vector(double k, const double k_d[2], double *heat_copy_d);
double heat_copy_adjoint(double k, double *k_b, double heat_copy_b);
double heat_copy_grad(double k, double *k_grad);
int heat_copy_hvp(double k, const double k_v, double *k_hv);
double heat_swap_tangent(double k, double k_d, double *heat_swap_d);
double heat_swap_tangent_vector(double k, const double k_d[2], double *heat_swap_d);
double heat_swap_adjoint(double k, double *k_b, double heat_swap_b);
double heat_swap_grad(double k, double *k_grad);
int heat_swap_hvp(double k, const double k_v, double *k_hv);
extern double *u_d, *u_b, *unew_d, *unew_b, *u_b_d, *unew_b_d;
extern double (*u_dv)[2], (*unew_dv)[2];

enum { NN = 6, NX = 1 + 2 * NN };

typedef struct Variant {
    const char *label;
    double (*f)(double);
    double (*tangent)(double, double, double *);
    double (*tangent_vector)(double, const double[2], double *);
    double (*adjoint)(double, double *, double);
    double (*grad)(double, double *);
    int (*hvp)(double, double, double *);
} Variant;

/* The caller's blocks: the primal's (from init) and the shadow blocks, one pair per shadow
 * (u_d, unew_d; u_b, unew_b; u_b_d, unew_b_d; u_dv, unew_dv). */
static double *block_u, *block_unew, *tangent_u, *tangent_unew, *adjoint_u, *adjoint_unew, *second_u,
    *second_unew;
static double (*vector_u)[2], (*vector_unew)[2];

/* x = (k, u's block, unew's block): the pointers back on the caller's blocks, which hold x. */
static void set_state(const double *x) {
    u = block_u;
    unew = block_unew;
    memcpy(u, x + 1, NN * sizeof *u);
    memcpy(unew, x + 1 + NN, NN * sizeof *unew);
}

/* The shadow pointers on the caller's shadow blocks; values (u's then unew's, or NULL) in the
 * tangent blocks (tangent) or the adjoint blocks. */
static void point_shadows(const double *values, bool tangent) {
    u_d = tangent_u;
    unew_d = tangent_unew;
    u_b = adjoint_u;
    unew_b = adjoint_unew;
    u_b_d = second_u;
    unew_b_d = second_unew;
    if (values) {
        memcpy(tangent ? u_d : u_b, values, NN * sizeof *values);
        memcpy(tangent ? unew_d : unew_b, values + NN, NN * sizeof *values);
    }
}

static double primal(const double *x, void *p) {
    set_state(x);
    return ((const Variant *)p)->f(x[0]);
}

static double tangent(const double *x, const double *v, double *dv, void *p) {
    set_state(x);
    point_shadows(v + 1, true);
    return ((const Variant *)p)->tangent(x[0], v[0], dv);
}

static double grad(const double *x, double *g, void *p) {
    set_state(x);
    point_shadows(g + 1, false); /* garbage: grad clears them */
    double f = ((const Variant *)p)->grad(x[0], &g[0]);
    memcpy(g + 1, adjoint_u, NN * sizeof *g);
    memcpy(g + 1 + NN, adjoint_unew, NN * sizeof *g);
    return f;
}

/* d heat/dk at k = x[0], the state from the point of check_variant. */
static const double *hvp_point;
static void gradient_k(const double *k, double *g, void *p) {
    set_state(hvp_point);
    point_shadows(NULL, false);
    ((const Variant *)p)->grad(k[0], g);
}

/* The dot-product test of the map x -> (heat, u's block, unew's block) on return: the tangent
 * along v leaves the blocks' tangents in their shadow blocks (wherever the swaps left u_d);
 * the adjoint takes the seed of each block's values on return in its shadow block (u_b on
 * entry is the seed of u's block, wherever the swaps move it) and leaves there the adjoint of
 * its values on entry; k_b is incremented. */
static void check_dot_product(const Variant *var, const double *x) {
    double v[NX], w[NX], jv[NX], jtw[NX];
    e2e_fill(v, NX, 7u, -1.0, 1.0);
    e2e_fill(w, NX, 13u, -1.0, 1.0);
    tangent(x, v, &jv[0], (void *)var);
    memcpy(jv + 1, tangent_u, NN * sizeof *jv);
    memcpy(jv + 1 + NN, tangent_unew, NN * sizeof *jv);
    set_state(x);
    point_shadows(w + 1, false);
    jtw[0] = 0.5;
    double f = var->adjoint(x[0], &jtw[0], w[0]);
    e2e_expect_value(var->label, "value returned by adjoint", f, primal(x, (void *)var), E2E_EXACT_TOL);
    jtw[0] -= 0.5;
    memcpy(jtw + 1, adjoint_u, NN * sizeof *jtw);
    memcpy(jtw + 1 + NN, adjoint_unew, NN * sizeof *jtw);
    e2e_expect_value(var->label, "dot-product test <J v, w> = <v, J^T w> through u_b and unew_b",
                     e2e_dot(jv, w, NX), e2e_dot(v, jtw, NX), E2E_EXACT_TOL);
}

static void check_variant(const Variant *var, const double *x, bool swaps) {
    e2e_scalar s = {.label = var->label, .n = NX, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .ctx = (void *)var};
    double g[NX];
    e2e_run_scalar(&s, g);
    e2e_expect_value(var->label, "unew's entry values do not matter", fabs(g[1 + NN]) + fabs(g[NX - 1]), 0.0, 0.0);
    check_dot_product(var, x);

    /* The tangent leaves the final state; after 7 swaps u holds unew's block, u_d its shadow. */
    double v[NX], w[NX], dv, dw;
    e2e_fill(v, NX, 7u, -1.0, 1.0);
    e2e_fill(w, NX, 11u, -1.0, 1.0);
    tangent(x, v, &dv, (void *)var);
    e2e_report(u == (swaps ? block_unew : block_u) && u_d == (swaps ? tangent_unew : tangent_u), var->label,
               "the tangent leaves u and u_d on the same (swapped) blocks");
    double u_tangent_v[NN];
    memcpy(u_tangent_v, u_d, sizeof u_tangent_v);

    /* The vector tangent: directions v and w, each the scalar tangent's. */
    tangent(x, w, &dw, (void *)var);
    set_state(x);
    for (int i = 0; i < NN; i++)
        for (int d = 0; d < 2; d++) {
            vector_u[i][d] = (d ? w : v)[1 + i];
            vector_unew[i][d] = (d ? w : v)[1 + NN + i];
        }
    u_dv = vector_u;
    unew_dv = vector_unew;
    double dirs[2] = {v[0], w[0]}, dvec[2];
    var->tangent_vector(x[0], dirs, dvec);
    e2e_expect_value(var->label, "vector tangent, direction v", dvec[0], dv, E2E_EXACT_TOL);
    e2e_expect_value(var->label, "vector tangent, direction w", dvec[1], dw, E2E_EXACT_TOL);
    e2e_report(u_dv == (swaps ? vector_unew : vector_u), var->label, "u_dv swapped with u");
    e2e_expect_value(var->label, "vector tangent: u_dv[2][0] is u_d[2] along v", u_dv[2][0], u_tangent_v[2],
                     E2E_EXACT_TOL);

    /* The adjoint restores u, unew, u_b, unew_b and the blocks' values as on entry. */
    double kb = 0.0;
    set_state(x);
    point_shadows(NULL, false);
    var->adjoint(x[0], &kb, 1.0);
    e2e_report(u == block_u && unew == block_unew && u_b == adjoint_u && unew_b == adjoint_unew, var->label,
               "the adjoint leaves u, unew, u_b, unew_b as on entry");
    e2e_expect_close(var->label, "the adjoint restores u's block", block_u, x + 1, NN, 0.0);
    e2e_expect_close(var->label, "the adjoint restores unew's block", block_unew, x + 1 + NN, NN, 0.0);

    /* hvp with respect to k: finite differences of d heat/dk. */
    double kv = 0.7, khv = NAN;
    set_state(x);
    point_shadows(NULL, false);
    int st = var->hvp(x[0], kv, &khv);
    e2e_report(st == 0, var->label, "hvp status");
    hvp_point = x;
    adc_check_result r;
    st = adc_check_tangent(1, 1, x, &kv, &khv, gradient_k, (void *)var, E2E_FD_TOL, &r, NULL);
    e2e_check_status(var->label, "hvp vs finite differences of the gradient", st, &r);
}

static double *block(void) {
    return calloc(NN, sizeof(double));
}

int main(void) {
    e2e_begin("globals_heap_state_include_source");
    init(NN);
    block_u = u;
    block_unew = unew;
    tangent_u = block();
    tangent_unew = block();
    adjoint_u = block();
    adjoint_unew = block();
    second_u = block();
    second_unew = block();
    vector_u = calloc(NN, sizeof *vector_u);
    vector_unew = calloc(NN, sizeof *vector_unew);
    double x[NX];
    e2e_fill(x, NX, 5u, -1.0, 1.0);
    x[0] = 0.2;
    Variant copy = {"heat_copy", heat_copy, heat_copy_tangent, heat_copy_tangent_vector, heat_copy_adjoint,
                    heat_copy_grad, heat_copy_hvp};
    Variant swap = {"heat_swap", heat_swap, heat_swap_tangent, heat_swap_tangent_vector, heat_swap_adjoint,
                    heat_swap_grad, heat_swap_hvp};
    check_variant(&copy, x, false);
    check_variant(&swap, x, true);
    double *blocks[] = {block_u, block_unew, tangent_u, tangent_unew, adjoint_u, adjoint_unew, second_u, second_unew};
    for (int i = 0; i < 8; i++)
        free(blocks[i]);
    free(vector_u);
    free(vector_unew);
    return e2e_finish();
}
#endif
