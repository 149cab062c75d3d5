/* A local struct whose member points to the parameter y, in a function that also passes the
 * address of an element of y to a helper (difftest README entry 48): `sys_t s = {y, a};
 * s.y[0] += s.c; h2(a, &y[1]);`. It was refused ("assigning 's.y' other than a new heap block
 * or a pointer parameter"): &y[1] was taken for an address of y itself, which could move it.
 * Outputs (f, y0, y1, y2) of inputs (a, y0, y1, y2): tangent against FD and the dot-product
 * test with the adjoint. */
#include <adc.h>

typedef struct {
    double *y;
    double c;
} sys_t;

static void square_into(double p, double *q) { *q = p * p * *q; }

ADC_DIFF(wrt(a, y), len(y: m), modes(tangent, adjoint))
double struct_member_element_address(double a, int m, double *y)
{
    sys_t s = {y, a};
    s.y[0] += s.c * s.y[2];
    square_into(a, &y[1 % m]);
    return y[0] * y[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

#define M 3

double struct_member_element_address_tangent(double a, double a_d, int m, double *y, double *y_d, double *f_d);
double struct_member_element_address_adjoint(double a, double *a_b, int m, double *y, double *y_b, double f_b);

/* z = (a, y0, y1, y2) -> (f, y0, y1, y2) after the call */
static void primal(const double *z, double *out, void *p) {
    (void)p;
    for (int i = 0; i < M; i++)
        out[1 + i] = z[1 + i];
    out[0] = struct_member_element_address(z[0], M, out + 1);
}

static void tangent(const double *z, const double *v, double *out, double *jv, void *p) {
    (void)p;
    for (int i = 0; i < M; i++) {
        out[1 + i] = z[1 + i];
        jv[1 + i] = v[1 + i];
    }
    out[0] = struct_member_element_address_tangent(z[0], v[0], M, out + 1, jv + 1, jv);
}

static void adjoint(const double *z, const double *w, double *jtw, void *p) {
    (void)p;
    double y[M];
    for (int i = 0; i < M; i++) {
        y[i] = z[1 + i];
        jtw[1 + i] = w[1 + i];
    }
    struct_member_element_address_adjoint(z[0], jtw, M, y, jtw + 1, w[0]);
}

int main(void) {
    e2e_begin("struct_member_element_address");
    double z[1 + M] = {0.8, -0.6, 1.3, 0.45};
    e2e_vector c = {.label = "member and element address", .n = 1 + M, .m = 1 + M, .x = z, .f = primal,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_vector(&c);
    return e2e_finish();
}
#endif
