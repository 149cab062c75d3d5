/* A function pointer member whose possible targets include a table lookup, as genann's
 * activation pointers do: genann_init takes the address of genann_act_sigmoid_cached (a value
 * read from a lookup table at an index computed from its argument: a step function, whose
 * derivative adc would give as 0), the user points the member to an exact activation. adc
 * refused the whole program at the table read (before that, the cached sigmoid's derivative
 * was silently 0). The dispatch's branch of the table target now calls adc_refused_derivative,
 * with a warning, so the exact targets are differentiated (FD, dot-product test, the adjoint's
 * seed, a closed form) and a derivative reaching the table target stops the program (SIGABRT),
 * never a zero. */
#include <math.h>
#include <stddef.h>
#include <adc.h>

struct neuron;

typedef double (*neuron_act)(const struct neuron *n, double a);

typedef struct neuron {
    neuron_act act;
    double w, b;
} neuron;

#define TABLE_SIZE 256
double table[TABLE_SIZE];

double act_softsign(const neuron *n, double a) {
    (void)n;
    return a / (1.0 + fabs(a));
}

double act_cached(const neuron *n, double a) {
    (void)n;
    if (a < -4.0) return table[0];
    if (a >= 4.0) return table[TABLE_SIZE - 1];
    size_t j = (size_t)((a + 4.0) * (TABLE_SIZE / 8.0));
    return table[j];
}

void neuron_init(neuron *n) {
    for (int i = 0; i < TABLE_SIZE; i++)
        table[i] = tanh(-4.0 + 8.0 * i / TABLE_SIZE);
    n->act = act_cached;
}

void neuron_exact(neuron *n) {
    n->act = act_softsign;
}

ADC_DIFF(wrt(n), len(n: 1), modes(tangent, adjoint, grad))
double fnptr_table_target(const neuron *n, const double *x, int m) {
    double s = 0.0;
    for (int i = 0; i < m; i++) {
        double y = n->act(n, n->w * x[i] + n->b);
        s += y * y;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../e2e.h"

double fnptr_table_target_tangent(const neuron *n, const neuron *n_d, const double *x, int m, double *f_d);
double fnptr_table_target_adjoint(const neuron *n, neuron *n_b, const double *x, int m, double f_b);
double fnptr_table_target_grad(const neuron *n, const double *x, int m, neuron *n_grad);

enum { M = 4 };
static const double X[M] = {0.5, -1.5, 2.5, -0.2};

static neuron exact(const double *p) {
    neuron n = {0, p[0], p[1]};
    neuron_init(&n);
    neuron_exact(&n);
    return n;
}
static double primal(const double *p, void *ctx) {
    (void)ctx;
    neuron n = exact(p);
    return fnptr_table_target(&n, X, M);
}
static double grad(const double *p, double *g, void *ctx) {
    (void)ctx;
    neuron n = exact(p), ng = {0, 1e30, 1e30};
    double f = fnptr_table_target_grad(&n, X, M, &ng);
    g[0] = ng.w;
    g[1] = ng.b;
    return f;
}
static double adjoint(const double *p, double *pb, double seed, void *ctx) {
    (void)ctx;
    neuron n = exact(p), nb = {0, pb[0], pb[1]};
    double f = fnptr_table_target_adjoint(&n, &nb, X, M, seed);
    pb[0] = nb.w;
    pb[1] = nb.b;
    return f;
}
static double tangent(const double *p, const double *dp, double *df, void *ctx) {
    (void)ctx;
    neuron n = exact(p), nd = {0, dp[0], dp[1]};
    return fnptr_table_target_tangent(&n, &nd, X, M, df);
}

/* Whether the gradient through the table target stops with SIGABRT. */
static int stops_at_table(void) {
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        neuron n = {0, 0.3, 0.1}, ng = {0, 0, 0};
        neuron_init(&n);
        fnptr_table_target_grad(&n, X, M, &ng);
        _exit(0); /* reached only if it did not stop */
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

int main(void) {
    e2e_begin("fnptr_table_target");
    const double p[2] = {0.8, -0.3};
    e2e_scalar c = {.label = "softsign", .n = 2, .x = p, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    double g[2], want[2] = {0, 0};
    e2e_run_scalar(&c, g);
    for (int i = 0; i < M; i++) {
        double z = p[0] * X[i] + p[1], y = z / (1.0 + fabs(z)), slope = 1.0 / ((1.0 + fabs(z)) * (1.0 + fabs(z)));
        want[0] += 2.0 * y * slope * X[i];
        want[1] += 2.0 * y * slope;
    }
    e2e_expect_close("softsign", "grad against the closed form", g, want, 2, E2E_CLOSED_TOL);
    e2e_report(stops_at_table(), "cached", "a derivative reaching the table target stops (SIGABRT)");
    return e2e_finish();
}
#endif
