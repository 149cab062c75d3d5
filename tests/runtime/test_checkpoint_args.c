/* test_checkpoint_args.c: invalid arguments of the revolve schedule and the snapshot store:
 * NULL objects, out-of-range counts and slots, objects never initialized or already freed.
 * Each returns its documented error and writes neither the caller's state nor a slot. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "adc_checkpoint.h"

static void test_revolve_null(void **state) {
    (void)state;
    assert_int_equal(adc_revolve_init(NULL, 10, 3), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_revolve_next(NULL), ADC_RV_ERROR);
    adc_revolve_free(NULL);
}

static void test_revolve_bad_sizes(void **state) {
    (void)state;
    const struct { long steps; int snapshots; } bad[] = {
        {-1, 3}, {LONG_MIN, 3}, {10, 0}, {10, -1}, {10, INT_MIN}, {-5, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        adc_revolve r;
        memset(&r, 0xA5, sizeof r);  /* whatever was there before */
        assert_int_equal(adc_revolve_init(&r, bad[i].steps, bad[i].snapshots),
                         ADC_REVOLVE_EINVAL);
        assert_int_equal(adc_revolve_next(&r), ADC_RV_ERROR);
        assert_int_equal(adc_revolve_next(&r), ADC_RV_ERROR);
        adc_revolve_free(&r);
        assert_int_equal(adc_revolve_forward_steps(bad[i].steps, bad[i].snapshots), -1);
    }
}

static void test_revolve_not_initialized_or_freed(void **state) {
    (void)state;
    adc_revolve zeroed = {0};
    assert_int_equal(adc_revolve_next(&zeroed), ADC_RV_ERROR);
    adc_revolve_free(&zeroed);
    adc_revolve r;
    assert_int_equal(adc_revolve_init(&r, 5, 2), ADC_REVOLVE_OK);
    assert_int_equal(adc_revolve_next(&r), ADC_RV_TAKESHOT);
    adc_revolve_free(&r);
    assert_int_equal(adc_revolve_next(&r), ADC_RV_ERROR);
    adc_revolve_free(&r);  /* twice */
}

static void test_snapshots_init(void **state) {
    (void)state;
    assert_int_equal(adc_snapshots_init(NULL, 2, 8), ADC_REVOLVE_EINVAL);
    const struct { int count; size_t size; int status; } bad[] = {
        {0, 8, ADC_REVOLVE_EINVAL}, {-1, 8, ADC_REVOLVE_EINVAL}, {INT_MIN, 8, ADC_REVOLVE_EINVAL},
        {2, 0, ADC_REVOLVE_EINVAL}, {3, SIZE_MAX / 2, ADC_REVOLVE_ENOMEM},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        adc_snapshots s;
        memset(&s, 0xA5, sizeof s);
        assert_int_equal(adc_snapshots_init(&s, bad[i].count, bad[i].size), bad[i].status);
        assert_null(s.data);
        assert_int_equal(s.count, 0);
        assert_null(adc_snapshots_slot(&s, 0));
        adc_snapshots_free(&s);
    }
}

/* save, load and slot refuse (s, slot) and touch neither the state nor any slot. */
static void expect_refused(adc_snapshots *s, int slot) {
    double state[2] = {7, 8};
    assert_int_equal(adc_snapshots_save(s, slot, state), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_load(s, slot, state), ADC_REVOLVE_EINVAL);
    assert_true(state[0] == 7 && state[1] == 8);
    assert_null(adc_snapshots_slot(s, slot));
}

static void test_snapshots_bad_access(void **state) {
    (void)state;
    expect_refused(NULL, 0);
    adc_snapshots s = {0};
    expect_refused(&s, 0);  /* never initialized */
    assert_int_equal(adc_snapshots_init(&s, 2, 2 * sizeof(double)), ADC_REVOLVE_OK);
    const double kept[2][2] = {{1, 2}, {3, 4}};
    for (int k = 0; k < 2; k++)
        assert_int_equal(adc_snapshots_save(&s, k, kept[k]), ADC_REVOLVE_OK);
    const int bad_slots[] = {-1, 2, INT_MAX, INT_MIN};
    for (size_t i = 0; i < sizeof bad_slots / sizeof *bad_slots; i++)
        expect_refused(&s, bad_slots[i]);
    double out[2] = {7, 8};
    assert_int_equal(adc_snapshots_save(&s, 0, NULL), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_load(&s, 1, NULL), ADC_REVOLVE_EINVAL);
    assert_memory_equal(s.data, kept, sizeof kept);  /* no slot was written */
    /* A slot saved onto or loaded from itself is left as it is. */
    assert_int_equal(adc_snapshots_save(&s, 1, adc_snapshots_slot(&s, 1)), ADC_REVOLVE_OK);
    assert_int_equal(adc_snapshots_load(&s, 0, adc_snapshots_slot(&s, 0)), ADC_REVOLVE_OK);
    assert_memory_equal(s.data, kept, sizeof kept);
    assert_int_equal(adc_snapshots_load(&s, 1, out), ADC_REVOLVE_OK);
    assert_true(out[0] == 3 && out[1] == 4);
    adc_snapshots_free(&s);
    expect_refused(&s, 0);  /* freed */
    adc_snapshots_free(&s);  /* twice */
    adc_snapshots_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_revolve_null),
        cmocka_unit_test(test_revolve_bad_sizes),
        cmocka_unit_test(test_revolve_not_initialized_or_freed),
        cmocka_unit_test(test_snapshots_init),
        cmocka_unit_test(test_snapshots_bad_access),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
