/* Whole local arrays given to helpers whose backward sweep pops each element back before it
 * reads it (analysis/param_reads.c, restored_length): `affine` ends as BA's project does,
 * `out[0] = out[0] * a[3] + a[4]`, each last write saving what it overwrites because it reads
 * it. The caller then keeps nothing of the array for the call: not around it, nor when it
 * overwrites the array after it; whether or not it keeps the array for itself (kept.c: not
 * when a local pointer is passed beside it). Beside it, helpers whose backward sweep does read a value
 * the call leaves, which the caller must keep: a last write whose partial reads its own result
 * (`tanh`) before popping, an element read after its last write, a return that may skip the
 * last writes, a last write under an if, the array handed to a call after the last writes,
 * and a caller's array longer than the elements written. Each is called on every trip of a
 * loop that reuses its array and overwrites it after the call, so a value the caller failed
 * to keep changes the gradient. Checked against finite differences and the dot-product test; the
 * Hessian-vector product (second order reads the generated adjoint back) against differences of
 * the gradient and by symmetry. */
#include <math.h>
#include <adc.h>

static void affine(const double *a, double *out) {
    out[0] = a[0] * a[1];
    out[1] = a[1] / (2.0 + a[2] * a[2]);
    out[0] = out[0] * a[3] + a[4];
    out[1] = out[1] * a[3] - a[4];
}

/* out[0]'s tanh is computed again in the backward sweep from out[1], popped back first. */
static void squash(const double *a, double *out) {
    out[0] = a[0] + a[1];
    out[1] = a[1] * a[2];
    out[0] = tanh(a[3] * out[1]);
    out[1] = out[1] * a[4];
}

/* out[1]'s last write reads out[0] as the function leaves it. */
static void chain(const double *a, double *out) {
    out[0] = a[0] * a[2];
    out[1] = a[1] * a[3];
    out[0] = out[0] * a[4];
    out[1] = out[1] * out[0];
}

/* May return before its last writes. */
static void early(const double *a, double *out) {
    out[0] = a[0] * a[1];
    out[1] = a[2] * a[3];
    if (a[0] > 0.0)
        return;
    out[0] = out[0] * a[4];
    out[1] = out[1] * a[4];
}

/* Its last write of out[1] may not run. */
static void maybe(const double *a, double *out) {
    out[0] = a[0] * a[1];
    out[1] = a[2] * a[3];
    out[0] = out[0] * a[4];
    if (a[1] > 0.0)
        out[1] = out[1] * out[1];
}

static double norm2(const double *v) {
    return v[0] * v[0] + v[1] * v[1];
}

/* Hands out to a call after its last writes. */
static double handed(const double *a, double *out) {
    out[0] = a[0] * a[1];
    out[1] = a[2] * a[3];
    out[0] = out[0] * a[4];
    out[1] = out[1] * a[4];
    return norm2(out);
}

/* Hands &out[0] on, after out[1]'s last write: norm2 reads out[1] as the function leaves it. */
static void addressed(const double *a, double *out) {
    out[0] = a[0] * a[1];
    out[1] = a[2] * a[3];
    out[1] = out[1] * a[4];
    out[0] = out[0] * norm2(&out[0]);
}

static double sum3(const double *v) {
    return v[0] * v[0] + v[1] + v[2] * v[2];
}

/* Writes two elements of a longer array and reads the third. */
static void partial(const double *a, double *out) {
    double s = sum3(out);
    out[0] = a[0] * s;
    out[1] = a[1] * s;
    out[0] = out[0] * a[2];
    out[1] = out[1] * a[3];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double restored(int n, const double *x) {
    double pa[2], pb[2], pc[2], pd[2], pe[2], pf[2], pg[3] = {0.5, 0.25, 0.0}, ph[2], pi[2];
    double acc = 0.0;
    for (int t = 0; t + 5 <= n; t++) {
        affine(&x[t], pa);
        acc += pa[0] - 2.0 * pa[1];
        pa[1] = x[t] * 3.0;                 /* overwritten after the call, not saved */
        acc += pa[1] * pa[0];
        squash(&x[t], pb);
        acc += pb[0] + pb[1];
        pb[0] = x[t + 1];
        pb[1] = x[t + 2];
        chain(&x[t], pc);
        acc += pc[0] + pc[1];
        pc[0] = 2.0 * x[t];
        pc[1] = 0.5 * x[t + 3];
        early(&x[t], pd);
        acc += pd[0] + pd[1];
        pd[0] = x[t + 2];
        pd[1] = x[t + 4];
        maybe(&x[t], pe);
        acc += pe[0] + pe[1];
        pe[0] = x[t + 1];
        pe[1] = x[t + 3];
        acc += handed(&x[t], pf);
        addressed(&x[t], pi);
        acc += pi[0] - pi[1];
        pi[0] = x[t + 3];
        pi[1] = x[t + 1];
        pf[0] = x[t + 4];
        pf[1] = x[t];
        partial(&x[t], pg);
        acc += pg[0] + pg[1];
        pg[2] = x[t + 1] + x[t + 2];        /* read by the next call */
        const double *a = &x[t];            /* a local pointer: ph is not kept (kept.c) */
        affine(a, ph);
        acc += ph[0] * ph[1];
        ph[0] = x[t + 3];
        ph[1] = x[t + 2];
    }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double restored_tangent(int n, const double *x, const double *x_d, double *restored_d);
double restored_adjoint(int n, const double *x, double *x_b, double restored_b);
double restored_grad(int n, const double *x, double *x_grad);
int restored_hvp(int n, const double *x, const double *v, double *hv);

#define N 9

static double primal(const double *x, void *p) { (void)p; return restored(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return restored_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return restored_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return restored_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return restored_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("restored_args");
    double x[N];
    e2e_fill(x, N, 4409u, -0.9, 0.9);
    e2e_scalar s = {.label = "restored", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
