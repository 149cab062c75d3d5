// A loop over a size_t index stepping by 1 against a bound of its type (or one converted to
// it) is counted again in its backward sweep from its first index and bound, computed in
// size_t (tbr_loop_bound): its forward sweep tapes neither a trip count nor a first index (it
// computes the count the same way to take the room for its pushes at once). An
// int bound of an unsigned index is converted to unsigned, as C's comparison converts it.
// Not for an unsigned index compared with a long (the comparison is in long) or stepping by 2
// (it could wrap before meeting the bound): their trip counts stay taped.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stddef.h>
#include <adc.h>

ADC_DIFF(wrt(y), len(y: dim), modes(adjoint))
double axpy_sum(size_t dim, double h, double *y, const double *k)
{
    for (size_t i = 0; i < dim; i++)
        y[i] = y[i] * y[i] + h * k[i];
    return y[0];
}

ADC_DIFF(wrt(y), len(y: m), modes(adjoint))
double int_bound(int m, double *y)
{
    double s = 0.0;
    for (unsigned u = 1; u < m; u++)
        s += y[u] * y[u - 1];
    return s;
}

ADC_DIFF(wrt(y), len(y: 8), modes(adjoint))
double taped(unsigned lo, long n, double *y)
{
    double s = 0.0;
    for (unsigned u = lo; u < n; u++)
        s += y[u % 8] * y[u % 8];
    for (size_t i = lo; i < 8; i += 2)
        s += y[i] * y[i];
    return s;
}

// CHECK-LABEL: {{^}}double axpy_sum_forward({{.*}}) {
// CHECK-NOT:   adc_push_int(tape, {{trips|first}}_
// CHECK:       size_t first_[[F:[0-9]+]] = i;
// CHECK-NEXT:  size_t bound_[[F]] = dim;
// CHECK-NEXT:  unsigned char *room_[[F]] = adc_tape_room(tape, (size_t)(first_[[F]] < bound_[[F]] ? bound_[[F]] - first_[[F]] : 0) * 8);
// CHECK-NOT:   adc_push_int(tape, {{trips|first}}_
// CHECK:       {{^}}}
// CHECK-LABEL: {{^}}void axpy_sum_reverse({{.*}}) {
// CHECK-NOT:   {{trips|first}}_{{[0-9]+}} = adc_pop_int
// CHECK:       size_t first_[[L:[0-9]+]] = 0;
// CHECK-NEXT:  size_t bound_[[L]] = dim;
// CHECK-NEXT:  long trips_[[L]] = first_[[L]] < bound_[[L]] ? bound_[[L]] - first_[[L]] : 0;
// CHECK-NEXT:  i = (size_t)(first_[[L]] + trips_[[L]] * 1);
// CHECK-NEXT:  for (; trips_[[L]] > 0; trips_[[L]]--) {
// CHECK-NEXT:  i -= 1;
// CHECK-NOT:   {{trips|first}}_{{[0-9]+}} = adc_pop_int
// CHECK:       {{^}}}
// CHECK-LABEL: {{^}}void int_bound_reverse({{.*}}) {
// CHECK-NOT:   {{trips|first}}_{{[0-9]+}} = adc_pop_int
// CHECK:       unsigned int first_[[M:[0-9]+]] = 1;
// CHECK-NEXT:  unsigned int bound_[[M]] = m;
// CHECK-NEXT:  long trips_[[M]] = first_[[M]] < bound_[[M]] ? bound_[[M]] - first_[[M]] : 0;
// CHECK-LABEL: {{^}}double taped_forward({{.*}}) {
// CHECK:       adc_push_int(tape, trips_{{[0-9]+}});
// CHECK:       adc_push_int(tape, trips_{{[0-9]+}});
// CHECK-LABEL: {{^}}void taped_reverse({{.*}}) {
// CHECK:       size_t first_{{[0-9]+}} = adc_pop_int(tape);
// CHECK-NEXT:  long trips_{{[0-9]+}} = adc_pop_int(tape);
// CHECK:       unsigned int first_{{[0-9]+}} = adc_pop_int(tape);
// CHECK-NEXT:  long trips_{{[0-9]+}} = adc_pop_int(tape);
