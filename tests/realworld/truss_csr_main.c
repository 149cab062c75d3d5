/* Driver of truss_csr.c: a Pratt-like truss of P panels with crossed diagonals and one doubled
 * bottom bar (so the pattern merges a repeated pair), pinned at the left end and on a roller at
 * the right, loaded down at the bottom nodes; node coordinates and bar areas packed into one
 * vector; gradient of the compliance plus the mid-span deflection penalty. */
#include "realworld.h"

double truss_compliance(int nnode, const double *xy, int nel, const int (*conn)[2], const double *area, double E,
                        const double *load, int nfix, const int *fixed, int watch);
double truss_compliance_grad(int nnode, const double *xy, int nel, const int (*conn)[2], const double *area,
                             double E, const double *load, int nfix, const int *fixed, int watch, double *xy_grad,
                             double *area_grad);
double truss_compliance_tangent(int nnode, const double *xy, const double *xy_d, int nel, const int (*conn)[2],
                                const double *area, const double *area_d, double E, const double *load, int nfix,
                                const int *fixed, int watch, double *truss_compliance_d);

enum { P = 6, NNODE = 2 * P, NEL = P + (P - 2) + 3 * (P - 1) + 1, NX = 2 * NNODE + NEL };

typedef struct truss {
    int conn[NEL][2];
    double load[2 * NNODE];
    int fixed[3];
} truss;

static int top(int i) { /* the top node above bottom node i, 1 <= i < P */
    return P + i;
}

static void build(truss *t, double *x) {
    int e = 0;
    for (int i = 0; i < P; i++) { /* bottom chord, the first bar doubled */
        t->conn[e][0] = i, t->conn[e][1] = i + 1, e++;
        if (i == 0)
            t->conn[e][0] = 0, t->conn[e][1] = 1, e++;
    }
    for (int i = 1; i < P - 1; i++) /* top chord */
        t->conn[e][0] = top(i), t->conn[e][1] = top(i + 1), e++;
    for (int i = 1; i < P; i++) /* verticals */
        t->conn[e][0] = i, t->conn[e][1] = top(i), e++;
    for (int i = 0; i < P - 1; i++) /* rising diagonals */
        t->conn[e][0] = i, t->conn[e][1] = top(i + 1), e++;
    for (int i = 1; i < P; i++) /* falling diagonals */
        t->conn[e][0] = top(i), t->conn[e][1] = i + 1, e++;
    for (int i = 0; i <= P; i++) { /* bottom nodes, slightly uneven */
        x[2 * i] = i + 0.05 * sin(1.3 * i);
        x[2 * i + 1] = 0.03 * cos(0.7 * i);
    }
    for (int i = 1; i < P; i++) {
        x[2 * top(i)] = i + 0.04 * cos(0.9 * i);
        x[2 * top(i) + 1] = 1.0 + 0.05 * sin(0.4 * i);
    }
    for (int b = 0; b < NEL; b++)
        x[2 * NNODE + b] = 1.0 + 0.3 * sin(0.8 * b);
    for (int d = 0; d < 2 * NNODE; d++)
        t->load[d] = 0.0;
    for (int i = 1; i < P; i++) {
        t->load[2 * i + 1] = -1.0;
        t->load[2 * i] = 0.1 * i;
    }
    t->fixed[0] = 0, t->fixed[1] = 1, t->fixed[2] = 2 * P + 1;
}

static double f(const double *x, void *ctx) {
    truss *t = ctx;
    return truss_compliance(NNODE, x, NEL, (const int (*)[2])t->conn, x + 2 * NNODE, 50.0, t->load, 3, t->fixed, P / 2);
}

static double grad(const double *x, double *g, void *ctx) {
    truss *t = ctx;
    return truss_compliance_grad(NNODE, x, NEL, (const int (*)[2])t->conn, x + 2 * NNODE, 50.0, t->load, 3,
                                 t->fixed, P / 2, g, g + 2 * NNODE);
}

static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    truss *t = ctx;
    return truss_compliance_tangent(NNODE, x, v, NEL, (const int (*)[2])t->conn, x + 2 * NNODE, v + 2 * NNODE, 50.0,
                                    t->load, 3, t->fixed, P / 2, dv);
}

int main(void) {
    static double x[NX];
    static truss t;
    build(&t, x);
    rw_problem p = {"truss_csr", NX, x, f, grad, tangent, &t, 0};
    return rw_run(&p);
}
