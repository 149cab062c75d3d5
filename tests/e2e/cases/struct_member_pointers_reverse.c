/* Reverse mode through pointers read from the members of a system struct, as MD codes write
 * their loops (`double *x = s->x, *f = s->f;` then x[i], f[j]), with a pair list of int indices
 * on the heap that grows by realloc through a member (`s->pairs = realloc(s->pairs, ...)`) and
 * is rebuilt every step from the moving positions. Once refused: "in reverse mode, a pointer
 * read from a struct member (assigned to 'x') is not supported" and "memory from 'realloc'
 * would carry derivatives" (an int block carries none). Before the fix of the second, the
 * backward sweep restored s->pairs to the block realloc had freed and wrote into it
 * (heap-use-after-free under ASan): now the pointer stays on its last block. Also a pointer
 * into a member at an offset, re-pointed in a loop (`const double *row = &s->v[k];`: taped as
 * an offset from s->v), a write through a member-read pointer, and a pointer read from a
 * member of a struct passed by value (`s.x + 1`: adjoint (*s_b).x + ...). FD, tangent against grad
 * (dot product), and the closed form of one force evaluation. */
#include <math.h>
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n, npairs, cap;
    int *pairs;   /* 2 * cap atom indices */
    double *x, *v, *f;
    double k, dt;
} sys_t;

/* pairs (i, j), i < j, closer than 1.5: a decision on the moving positions */
static void build_pairs(sys_t *s)
{
    double *x = s->x;
    s->npairs = 0;
    for (int i = 0; i < s->n; i++)
        for (int j = i + 1; j < s->n; j++)
            if (fabs(x[i] - x[j]) < 1.5) {
                if (s->npairs == s->cap) {
                    s->cap *= 2;
                    s->pairs = (int *)realloc(s->pairs, 2 * s->cap * sizeof(int));
                }
                s->pairs[2 * s->npairs] = i;
                s->pairs[2 * s->npairs + 1] = j;
                s->npairs++;
            }
}

/* f from the pairs' springs; the energy */
static double forces(sys_t *s)
{
    double *x = s->x, *f = s->f;
    double e = 0.0;
    for (int i = 0; i < s->n; i++)
        f[i] = 0.0;
    for (int p = 0; p < s->npairs; p++) {
        int i = s->pairs[2 * p], j = s->pairs[2 * p + 1];
        double d = x[i] - x[j];
        e += 0.5 * s->k * d * d * d * d;
        f[i] -= 2.0 * s->k * d * d * d;
        f[j] += 2.0 * s->k * d * d * d;
    }
    return e;
}

/* a coupling of the second and last atoms, through a struct passed by value */
static double tail(sys_t s)
{
    const double *x = s.x + 1;
    return s.k * x[0] * x[s.n - 2];
}

ADC_DIFF(wrt(s), len(s: 1, s.x: s->n, s.v: s->n, s.f: s->n), modes(tangent, adjoint, grad))
double struct_member_pointers_reverse(sys_t *s, int steps)
{
    double e = 0.0, kin = 0.0;
    for (int t = 0; t < steps; t++) {
        build_pairs(s);
        e = forces(s);
        double *x = s->x, *v = s->v;
        const double *f = s->f;
        for (int i = 0; i < s->n; i++) {
            v[i] += s->dt * f[i];
            x[i] += s->dt * v[i];
        }
    }
    for (int k = 0; k < s->n; k++) {
        const double *row = &s->v[k];
        kin += 0.5 * row[0] * row[0];
    }
    return e + kin + tail(*s);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double struct_member_pointers_reverse_tangent(sys_t *s, sys_t *s_d, int steps, double *d);
double struct_member_pointers_reverse_grad(sys_t *s, int steps, sys_t *s_grad);

enum { N = 6, STEPS = 3 };

/* Packed as (x[N], v[N], k). Each system's pair list starts with room for one pair, on the
 * heap: it grows inside the call. */
typedef struct {
    double x[N], v[N], f[N];
    sys_t s;
} state;

static sys_t *unpack(state *st, const double *p, double dt) {
    for (int i = 0; i < N; i++) {
        st->x[i] = p[i];
        st->v[i] = p[N + i];
        st->f[i] = 0.0;
    }
    st->s = (sys_t){N, 0, 1, (int *)malloc(2 * sizeof(int)), st->x, st->v, st->f, p[2 * N], dt};
    return &st->s;
}
static void pack(const state *st, double *g) {
    memcpy(g, st->x, sizeof st->x);
    memcpy(g + N, st->v, sizeof st->v);
    g[2 * N] = st->s.k;
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    state st;
    double y = struct_member_pointers_reverse(unpack(&st, p, 0.1), STEPS);
    free(st.s.pairs);
    return y;
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    state st, gs;
    unpack(&gs, g, 0.0); /* garbage: grad must zero it */
    double y = struct_member_pointers_reverse_grad(unpack(&st, p, 0.1), STEPS, &gs.s);
    pack(&gs, g);
    free(st.s.pairs);
    free(gs.s.pairs);
    return y;
}
static double tangent(const double *p, const double *dp, double *d, void *ctx) {
    (void)ctx;
    state st, ds;
    double y = struct_member_pointers_reverse_tangent(unpack(&st, p, 0.1), unpack(&ds, dp, 0.0), STEPS, d);
    free(st.s.pairs);
    free(ds.s.pairs);
    return y;
}
int main(void) {
    e2e_begin("struct_member_pointers_reverse");
    double p[2 * N + 1];
    for (int i = 0; i < N; i++) /* 0.7 apart: pairs at 0.7 and 1.4 (under 1.5), not 2.1 */
        p[i] = 0.7 * i + 0.05 * sin(3.0 * i);
    e2e_fill(p + N, N, 2u, -0.3, 0.3);
    p[2 * N] = 0.8;
    e2e_scalar c = {.label = "system", .n = 2 * N + 1, .x = p, .f = primal, .grad = grad, .tangent = tangent};
    e2e_run_scalar(&c, NULL);
    /* One step with dt = 0 and v = 0: the energy of the springs, sum over pairs of k d^4 / 2,
     * d/dx_i = 2 k d^3 (i the lower index) and -2 k d^3, d/dk = sum d^4 / 2, plus the tail
     * k x_1 x_{N-1}. */
    double q[2 * N + 1], want[2 * N + 1] = {0}, got[2 * N + 1];
    memcpy(q, p, sizeof q);
    for (int i = 0; i < N; i++)
        q[N + i] = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double d = q[i] - q[j];
            if (fabs(d) < 1.5) {
                want[i] += 2.0 * q[2 * N] * d * d * d;
                want[j] -= 2.0 * q[2 * N] * d * d * d;
                want[2 * N] += 0.5 * d * d * d * d;
            }
        }
    want[1] += q[2 * N] * q[N - 1]; /* the tail */
    want[N - 1] += q[2 * N] * q[1];
    want[2 * N] += q[1] * q[N - 1];
    state st, gs;
    unpack(&gs, q, 0.0);
    struct_member_pointers_reverse_grad(unpack(&st, q, 0.0), 1, &gs.s);
    pack(&gs, got);
    for (int i = 0; i < N; i++)
        got[N + i] = 0.0; /* the kinetic term's gradient, v = 0 */
    free(st.s.pairs);
    free(gs.s.pairs);
    e2e_expect_close("one force evaluation", "grad against the closed form", got, want, 2 * N + 1, E2E_CLOSED_TOL);
    struct_member_pointers_reverse(unpack(&st, q, 0.0), 1);
    e2e_report(st.s.cap > 1, "one force evaluation", "the pair list grows (realloc) in the call (cap %d)", st.s.cap);
    free(st.s.pairs);
    return e2e_finish();
}
#endif
