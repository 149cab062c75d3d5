// A helper whose backward sweep reads none of the values of the arrays it is given (a linear
// stencil: it tapes nothing for its output, which the caller keeps, kept.c, here a VLA) lets
// its caller tape nothing of them either: the caller's overwrites of u and unew in the time
// loop save no old values, and no array is taped around the call (analysis/param_reads.c:
// adc writes the instances a second time, once the helper's backward sweep is known).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static void step(int nx, int ny, double alpha, double u[nx][ny], double unew[nx][ny])
{
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            unew[i][j] = u[i][j];
    for (int i = 1; i < nx - 1; i++)
        for (int j = 1; j < ny - 1; j++)
            unew[i][j] = u[i][j] + alpha * (u[i + 1][j] + u[i - 1][j] + u[i][j + 1] + u[i][j - 1] - 4.0 * u[i][j]);
}

ADC_DIFF(wrt(u0))
double run(int nx, int ny, int nsteps, double alpha, const double u0[nx][ny])
{
    double u[nx][ny], unew[nx][ny];
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            u[i][j] = u0[i][j];
    for (int s = 0; s < nsteps; s++) {
        step(nx, ny, alpha, u, unew);
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                u[i][j] = 0.5 * unew[i][j];
    }
    double e = 0.0;
    for (int i = 0; i < nx; i++)
        for (int j = 0; j < ny; j++)
            e += u[i][j] * u[i][j];
    return e;
}

// CHECK-LABEL: {{^}}double run_forward({{.*}}) {
// CHECK-NOT:   adc_push
// CHECK-NOT:   adc_tape_push_bytes(tape, u,
// CHECK:       step_forward_u_unew(tape, nx, ny, alpha, u, unew);
// CHECK-NOT:   adc_push
// CHECK:       u[i_2][j_2] = 0.5 * unew[i_2][j_2];
// CHECK-LABEL: {{^}}void run_reverse({{.*}}) {
// CHECK:       step_reverse_u_unew(tape, nx, ny, alpha, u, u_b, unew, unew_b);
// CHECK-NOT:   adc_pop_int
// CHECK-LABEL: {{^}}static void step_forward_u_unew({{.*}}) {
// CHECK-NOT:   adc_push
// CHECK:       {{^}}}
