// Local sums of a loop's backward sweep (loop_adjoint.c) come in two halves, consecutive trips
// adding to W_b_sum and W_b_sum_odd in turn, so the additions form two dependence chains the
// processor overlaps instead of one (gmm's Qtimesx: 1.44x -> 1.25x Enzyme's time); the element
// gets both halves after the loop. An innermost loop runs its trips in pairs, one for each half
// (after a first trip of its own for an odd count, adding to the other half): the pair is
// straight-line code that clang vectorizes into two lanes where it knows the arrays apart
// (restrict_shadows.c; gmm d=64: 1.22x -> 1.07x Enzyme), and each half adds the same trips in
// the same order as before, so the gradient is the same to the bit. A loop holding another
// loop, or one whose trips carry a scalar's adjoint (row_dot's s; a pair would add to it twice,
// which gcc 12 -O2 miscompiles), swaps the halves at the end of each trip instead. Under `omp
// parallel for` the reduction clause takes the sum whole (tests/filecheck/openmp_loops.c).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(W, v, out), len(W: n, v: n, out: n), modes(adjoint))
void row_scatter(int n, const double *W, const double *v, double *out)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            out[j] = out[j] + W[i] * v[j];
}

ADC_DIFF(wrt(W), len(W: n), modes(adjoint))
double row_dot(int n, const double *W, const double *v)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            s += W[i] * v[j];
    return s;
}

ADC_DIFF(wrt(W), len(W: n), modes(adjoint))
double nested_sum(int n, const double *W, const double *v)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++)
            s += v[j] * v[i];
        s += W[0] * v[i];
    }
    return s;
}

// CHECK-LABEL: {{^}}void row_scatter_reverse({{.*}}) {
// CHECK:       double [[SUM:W_b_sum[_0-9]*]] = 0.0; /* W_b[i], added after the loop */
// CHECK-NEXT:  double [[ODD:W_b_sum[_0-9]*_odd[_0-9]*]] = 0.0; /* its other half */
// CHECK:       long [[TRIPS:trips_[0-9]+]] = {{.*}};
// CHECK-NEXT:  j = (int)({{.*}});
// CHECK-NEXT:  if ([[TRIPS]] % 2 != 0) { /* an odd trip count: the first trip adds to the other halves */
// CHECK-NEXT:  j -= 1;
// CHECK:       double adj = out_b[j];
// CHECK-NEXT:  [[ODD]] += v[j] * adj;
// CHECK-NEXT:  v_b[j] += W[i] * adj;
// CHECK-NEXT:  }
// CHECK-NEXT:  }
// CHECK-NEXT:  for ([[TRIPS]] /= 2; [[TRIPS]] > 0; [[TRIPS]]--) { /* two trips at a time, one for each half */
// CHECK-NEXT:  j -= 1;
// CHECK:       [[SUM]] += v[j] * adj;
// CHECK-NEXT:  v_b[j] += W[i] * adj;
// CHECK-NEXT:  }
// CHECK-NEXT:  j -= 1;
// CHECK:       [[ODD]] += v[j] * adj;
// CHECK-NEXT:  v_b[j] += W[i] * adj;
// CHECK-NEXT:  }
// CHECK-NEXT:  }
// CHECK-NEXT:  }
// CHECK-NEXT:  W_b[i] += [[SUM]] + [[ODD]];
// CHECK-NOT:   _swap

// CHECK-LABEL: {{^}}void row_dot_reverse({{.*}}) {
// CHECK:       double [[SUM:W_b_sum[_0-9]*]] = 0.0; /* W_b[i], added after the loop */
// CHECK-NEXT:  double [[ODD:W_b_sum[_0-9]*_odd[_0-9]*]] = 0.0; /* its other half */
// CHECK:       j -= 1;
// CHECK:       [[SUM]] += v[j] * adj;
// CHECK-NEXT:  }
// CHECK-NEXT:  { double [[SWAP:W_b_sum[_0-9]*_swap[_0-9]*]] = [[SUM]]; [[SUM]] = [[ODD]]; [[ODD]] = [[SWAP]]; } /* the next trip adds to the other half */
// CHECK-NEXT:  }
// CHECK-NEXT:  }
// CHECK-NEXT:  W_b[i] += [[SUM]] + [[ODD]];

// CHECK-LABEL: {{^}}void nested_sum_reverse({{.*}}) {
// CHECK:       double [[SUM:W_b_sum[_0-9]*]] = 0.0; /* W_b[0], added after the loop */
// CHECK-NEXT:  double [[ODD:W_b_sum[_0-9]*_odd[_0-9]*]] = 0.0; /* its other half */
// CHECK:       [[SUM]] += v[i] * adj;
// CHECK-NEXT:  }
// CHECK:       { double [[SWAP:W_b_sum[_0-9]*_swap[_0-9]*]] = [[SUM]]; [[SUM]] = [[ODD]]; [[ODD]] = [[SWAP]]; } /* the next trip adds to the other half */
// CHECK-NEXT:  }
// CHECK-NEXT:  }
// CHECK-NEXT:  W_b[0] += [[SUM]] + [[ODD]];
