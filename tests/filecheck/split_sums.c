// Local sums of a loop's backward sweep (loop_adjoint.c) come in two halves: consecutive trips
// add to W_b_sum and W_b_sum_odd in turn (they swap at the end of each trip), so the additions
// form two dependence chains the processor overlaps instead of one (gmm's Qtimesx: 1.44x -> 1.25x
// Enzyme's time); the element gets both halves after the loop. Under `omp parallel for` the
// reduction clause takes the sum whole (tests/filecheck/openmp_loops.c).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(W), len(W: n), modes(adjoint))
double row_dot(int n, const double *W, const double *v)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            s += W[i] * v[j];
    return s;
}

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
