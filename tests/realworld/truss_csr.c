/* A plane truss solved the way small finite-element codes do it: nodes and bars in tables, the
 * sparsity pattern of the stiffness matrix built from the connectivity at run time (CSR held as
 * SPARSKIT's a, ja, ia: rows sized from node degrees, sorted insertion that merges duplicates,
 * then compressed), element
 * matrices scattered into it through a column search, supports imposed by zeroing rows and
 * columns, and the system solved by Jacobi-preconditioned conjugate gradients stopped on a
 * relative residual. The objective is the compliance f . u plus a penalty on one node's
 * deflection, differentiated with respect to the bar areas and the node coordinates (only the
 * ADC_DIFF line is added). Needs libclang >= 17 (operators inside DOF). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

#define NDIM 2
#define DOF(node, dir) (NDIM * (node) + (dir))
#define CG_TOL 1.0e-13

/* Puts column j in row i of a pattern being built (rows padded to their bound), keeping the
 * row sorted; a column already there is not added twice. */
static void pattern_insert(const int *ia, int *ja, int *fill, int i, int j)
{
    int start = ia[i], p, q;

    for (p = start; p < start + fill[i]; p++) {
        if (ja[p] == j)
            return;
        if (ja[p] > j)
            break;
    }
    for (q = start + fill[i]; q > p; q--)
        ja[q] = ja[q - 1];
    ja[p] = j;
    fill[i]++;
}

/* The pattern of the stiffness matrix of nel bars on nnode nodes: ia (NDIM nnode + 1 row
 * starts) filled, the column indices returned (malloc'd; NULL: out of memory). */
static int *csr_pattern(int nnode, int nel, const int (*conn)[2], int *ia)
{
    int ndof = NDIM * nnode, e, a, b, i, p, q;
    int *degree = calloc((size_t)nnode, sizeof(int));
    int *fill = calloc((size_t)ndof, sizeof(int));
    int *ja;

    if (!degree || !fill) {
        free(degree);
        free(fill);
        return NULL;
    }
    for (e = 0; e < nel; e++) {
        degree[conn[e][0]]++;
        degree[conn[e][1]]++;
    }
    ia[0] = 0;
    for (i = 0; i < ndof; i++)
        ia[i + 1] = ia[i] + NDIM * (degree[i / NDIM] + 1);
    ja = malloc((size_t)ia[ndof] * sizeof(int));
    for (i = 0; i < ndof; i++) /* the diagonal block */
        for (b = 0; b < NDIM; b++)
            pattern_insert(ia, ja, fill, i, DOF(i / NDIM, b));
    for (e = 0; e < nel; e++)
        for (a = 0; a < NDIM; a++)
            for (b = 0; b < NDIM; b++) {
                pattern_insert(ia, ja, fill, DOF(conn[e][0], a), DOF(conn[e][1], b));
                pattern_insert(ia, ja, fill, DOF(conn[e][1], a), DOF(conn[e][0], b));
            }
    q = 0; /* squeeze out the padding */
    for (i = 0; i < ndof; i++) {
        int start = ia[i];
        ia[i] = q;
        for (p = start; p < start + fill[i]; p++)
            ja[q++] = ja[p];
    }
    ia[ndof] = q;
    free(degree);
    free(fill);
    return ja;
}

/* The position of entry (i, j) in the values, or -1 outside the pattern. */
static int csr_find(const int *ia, const int *ja, int i, int j)
{
    int lo = ia[i], hi = ia[i + 1] - 1;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ja[mid] == j)
            return mid;
        if (ja[mid] < j)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Adds the stiffness of the bar between nodes[0] and nodes[1] (Young's modulus E, cross-section
 * area) to K = (a, ja, ia). */
static void assemble_bar(double *a, const int *ja, const int *ia, const double *xy, const int *nodes, double E,
                         double area)
{
    double dx = xy[DOF(nodes[1], 0)] - xy[DOF(nodes[0], 0)];
    double dy = xy[DOF(nodes[1], 1)] - xy[DOF(nodes[0], 1)];
    double len = sqrt(dx * dx + dy * dy);
    double c = dx / len, s = dy / len, k = E * area / len;
    double t[4] = {-c, -s, c, s}; /* ke = k t t^T */
    int dofs[4], r, q, p;

    dofs[0] = DOF(nodes[0], 0);
    dofs[1] = DOF(nodes[0], 1);
    dofs[2] = DOF(nodes[1], 0);
    dofs[3] = DOF(nodes[1], 1);
    for (r = 0; r < 4; r++)
        for (q = 0; q < 4; q++) {
            p = csr_find(ia, ja, dofs[r], dofs[q]);
            if (p >= 0)
                a[p] += k * t[r] * t[q];
        }
}

/* Supports: row and column d of K become those of the identity, and f[d] = 0. */
static void apply_supports(int n, double *a, const int *ja, const int *ia, double *f, int nfix, const int *fixed)
{
    int m, i, p;

    for (m = 0; m < nfix; m++) {
        int d = fixed[m];
        for (p = ia[d]; p < ia[d + 1]; p++)
            a[p] = ja[p] == d ? 1.0 : 0.0;
        for (i = 0; i < n; i++) {
            if (i == d)
                continue;
            p = csr_find(ia, ja, i, d);
            if (p >= 0)
                a[p] = 0.0;
        }
        f[d] = 0.0;
    }
}

/* y = A x, A = (a, ja, ia) in compressed sparse rows (SPARSKIT's amux) */
static void amux(int n, const double *x, double *y, const double *a, const int *ja, const int *ia)
{
    int i, k;

    for (i = 0; i < n; i++) {
        double t = 0.0;
        for (k = ia[i]; k < ia[i + 1]; k++)
            t += a[k] * x[ja[k]];
        y[i] = t;
    }
}

static double dot(int n, const double *x, const double *y)
{
    double s = 0.0;
    int i;

    for (i = 0; i < n; i++)
        s += x[i] * y[i];
    return s;
}

/* Solves A x = b by conjugate gradients with A's diagonal as preconditioner, from x = 0, until
 * |r| <= tol |b|; work holds 4 n doubles. Returns the iterations taken. */
static int pcg(int n, const double *a, const int *ja, const int *ia, const double *b, double *x, double tol,
               int maxit, double *work)
{
    int i, it;
    double *r = work, *z = work + n, *p = work + 2 * n, *q = work + 3 * n;
    double rz, rz_old, alpha, beta, bnorm = sqrt(dot(n, b, b));

    for (i = 0; i < n; i++) {
        x[i] = 0.0;
        r[i] = b[i];
        z[i] = r[i] / a[csr_find(ia, ja, i, i)];
        p[i] = z[i];
    }
    rz = dot(n, r, z);
    for (it = 0; it < maxit; it++) {
        amux(n, p, q, a, ja, ia);
        alpha = rz / dot(n, p, q);
        for (i = 0; i < n; i++) {
            x[i] += alpha * p[i];
            r[i] -= alpha * q[i];
        }
        if (sqrt(dot(n, r, r)) <= tol * bnorm)
            return it + 1;
        for (i = 0; i < n; i++)
            z[i] = r[i] / a[csr_find(ia, ja, i, i)];
        rz_old = rz;
        rz = dot(n, r, z);
        beta = rz / rz_old;
        for (i = 0; i < n; i++)
            p[i] = z[i] + beta * p[i];
    }
    return it;
}

ADC_DIFF(wrt(xy, area), len(xy: NDIM * nnode, area: nel))
double truss_compliance(int nnode, const double *xy, int nel, const int (*conn)[2], const double *area, double E,
                        const double *load, int nfix, const int *fixed, int watch)
{
    int ndof = NDIM * nnode, e;
    int *ia = malloc((size_t)(ndof + 1) * sizeof(int));
    int *ja = csr_pattern(nnode, nel, conn, ia);
    double *a, *f, *u, *work, c;

    if (!ja) {
        free(ia);
        return NAN;
    }
    a = calloc((size_t)ia[ndof], sizeof(double));
    f = malloc((size_t)ndof * sizeof(double));
    u = malloc((size_t)ndof * sizeof(double));
    work = malloc((size_t)(4 * ndof) * sizeof(double));
    memcpy(f, load, (size_t)ndof * sizeof(double));
    for (e = 0; e < nel; e++)
        assemble_bar(a, ja, ia, xy, conn[e], E, area[e]);
    apply_supports(ndof, a, ja, ia, f, nfix, fixed);
    pcg(ndof, a, ja, ia, f, u, CG_TOL, 4 * ndof, work);
    c = dot(ndof, f, u) + 10.0 * u[DOF(watch, 1)] * u[DOF(watch, 1)];
    free(a);
    free(f);
    free(u);
    free(work);
    free(ja);
    free(ia);
    return c;
}
