/* test_tape_args.c: the tape's out-of-line functions given a NULL tape; pops of an empty tape
 * and zero-byte transfers; and what a tape does once growth failed: it reads as empty, refuses
 * pushes (even ones that would fit in the old storage), pops zeros, keeps its peak, and works
 * again after adc_tape_free and init. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "adc_tape.h"

static void test_null_tape(void **state) {
    (void)state;
    assert_int_equal(adc_tape_init(NULL), -1);
    adc_tape_free(NULL);
    assert_int_equal(adc_tape_reserve(NULL, 0), -1);
    assert_int_equal(adc_tape_reserve(NULL, 64), -1);
    assert_int_equal(adc_tape_bytes(NULL), 0);
    assert_int_equal(adc_tape_peak_bytes(NULL), 0);
    assert_int_equal(adc_tape_failed(NULL), 1);
}

static void test_init_clears_whatever_was_there(void **state) {
    (void)state;
    adc_tape t;
    memset(&t, 0xA5, sizeof t);
    assert_int_equal(adc_tape_init(&t), 0);
    assert_null(t.data);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), 0);
    assert_int_equal(adc_tape_failed(&t), 0);
    assert_int_equal(adc_tape_reserve(&t, 0), 0);
    adc_tape_free(&t);
    adc_tape_free(&t);  /* freeing twice is harmless */
}

/* Every pop of an empty or failed tape returns zero and leaves it as it is. A zero-byte pop
 * touches nothing (the tape may have no storage at all). */
static void assert_pops_zero(adc_tape *t) {
    size_t bytes = adc_tape_bytes(t);
    unsigned char buf[3] = {0xAA, 0xAA, 0xAA};
    adc_tape_pop_bytes(t, buf, 0);
    assert_true(buf[0] == 0xAA);
    assert_true(adc_pop_double(t) == 0.0);
    assert_int_equal(adc_pop_int(t), 0);
    assert_null(adc_pop_ptr(t));
    assert_int_equal(adc_pop_bit(t), 0);
    adc_tape_pop_bytes(t, buf, sizeof buf);
    assert_true(buf[0] == 0 && buf[1] == 0 && buf[2] == 0);
    adc_tape_drop(t, 1000);
    assert_int_equal(adc_tape_bytes(t), bytes);
}

static void test_empty_tape_pops_zero(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    assert_pops_zero(&t);
    adc_push_bit(&t, 1);
    assert_true(adc_pop_double(&t) == 0.0);  /* more than is left: zero, the bit stays */
    assert_int_equal(adc_tape_bytes(&t), 1);
    adc_tape_drop(&t, 8);  /* dropping more than is left empties it */
    assert_pops_zero(&t);
    assert_false(adc_tape_failed(&t));
    adc_tape_free(&t);
}

/* Pushes of every kind, each small enough to fit in the storage the tape had before it failed;
 * first a zero-byte one, while the tape may have no storage. */
static void push_one_of_each(adc_tape *t) {
    const unsigned char bytes[3] = {1, 2, 3};
    adc_tape_push_bytes(t, bytes, 0);
    adc_push_double(t, 1.5);
    adc_push_int(t, 42);
    adc_push_ptr(t, t);
    adc_push_bit(t, 1);
    adc_tape_push_bytes(t, bytes, sizeof bytes);
}

static void test_failed_tape_refuses_pushes_and_pops_zero(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    push_one_of_each(&t);
    size_t peak = adc_tape_peak_bytes(&t);
    assert_true(peak > 0 && t.capacity > peak);
    assert_int_equal(adc_tape_reserve(&t, SIZE_MAX), -1);  /* no such room: the tape fails */
    assert_int_equal(adc_tape_failed(&t), 1);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), peak);
    assert_pops_zero(&t);
    push_one_of_each(&t);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_pops_zero(&t);
    assert_int_equal(adc_tape_reserve(&t, 0), -1);
    assert_int_equal(adc_tape_reserve(&t, 8), -1);
    assert_int_equal(adc_tape_failed(&t), 1);
    assert_int_equal(adc_tape_peak_bytes(&t), peak);
    adc_tape_free(&t);
    /* A freed tape starts over. */
    assert_int_equal(adc_tape_init(&t), 0);
    adc_push_double(&t, 2.5);
    assert_true(adc_pop_double(&t) == 2.5);
    assert_false(adc_tape_failed(&t));
    adc_tape_free(&t);
}

static void test_fresh_tape_fails_on_impossible_reserve(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    assert_int_equal(adc_tape_reserve(&t, SIZE_MAX / 2 + 2), -1);
    assert_int_equal(adc_tape_failed(&t), 1);
    adc_push_double(&t, 1.0);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), 0);
    assert_pops_zero(&t);
    adc_tape_free(&t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_tape),
        cmocka_unit_test(test_init_clears_whatever_was_there),
        cmocka_unit_test(test_empty_tape_pops_zero),
        cmocka_unit_test(test_failed_tape_refuses_pushes_and_pops_zero),
        cmocka_unit_test(test_fresh_tape_fails_on_impossible_reserve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
