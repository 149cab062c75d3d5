/* test_tape.c: the reverse-mode tape: LIFO order of every value type, growth, peak bytes,
 * pops past the bottom, room taken for a loop's pushes (or a function's final values) at once
 * and taken off at once, and the storage a freed tape leaves to the next one. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "adc_tape.h"

static void test_empty(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), 0);
    assert_false(adc_tape_failed(&t));
    assert_true(adc_pop_double(&t) == 0.0);
    assert_int_equal(adc_pop_int(&t), 0);
    assert_null(adc_pop_ptr(&t));
    assert_int_equal(adc_pop_bit(&t), 0);
    assert_int_equal(adc_tape_bytes(&t), 0);
    adc_tape_free(&t);
}

static void test_doubles_lifo(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    for (int i = 0; i < 100; i++)
        adc_push_double(&t, i * 0.25 - 3.0);
    assert_int_equal(adc_tape_bytes(&t), 100 * sizeof(double));
    for (int i = 99; i >= 0; i--)
        assert_true(adc_pop_double(&t) == i * 0.25 - 3.0);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_true(adc_pop_double(&t) == 0.0);
    adc_tape_free(&t);
}

/* Room taken once for a loop's pushes, after a bit that leaves it unaligned, holds the same
 * bytes as pushes one by one; a NULL room stores nothing. */
static void test_room_pushes(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    adc_push_bit(&t, 1);
    unsigned char *room = adc_tape_room(&t, 1000 * sizeof(double));
    assert_non_null(room);
    for (int i = 0; i < 1000; i++)
        adc_room_push_double(&room, i * 0.5 + 1.0);
    assert_ptr_equal(room, t.data + t.size);
    adc_push_double(&t, -7.0);
    assert_int_equal(adc_tape_bytes(&t), 1 + 1001 * sizeof(double));
    assert_true(adc_pop_double(&t) == -7.0);
    for (int i = 999; i >= 0; i--)
        assert_true(adc_pop_double(&t) == i * 0.5 + 1.0);
    assert_int_equal(adc_pop_bit(&t), 1);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_null(adc_tape_room(&t, 0)); /* a loop with no trips */
    unsigned char *none = NULL;
    adc_room_push_double(&none, 3.0);
    assert_null(none);
    assert_int_equal(adc_tape_bytes(&t), 0);
    adc_tape_free(&t);
}

/* A function's final values put into one room and taken off at once, the same bytes in the
 * same order, under a value pushed before them; the peak counts them; a take of more than the
 * tape holds, or of nothing, returns NULL and leaves the tape as it was. */
static void test_room_put_take(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    adc_push_bit(&t, 1);
    double w[3] = {1.5, -2.0, 0.25}, s = 7.0;
    int k = -3;
    unsigned char *room = adc_tape_room(&t, sizeof w + sizeof k + sizeof s);
    assert_non_null(room);
    adc_room_put(&room, &w, sizeof w);
    adc_room_put(&room, &k, sizeof k);
    adc_room_put(&room, &s, sizeof s);
    assert_ptr_equal(room, t.data + t.size);
    size_t full = adc_tape_bytes(&t);
    assert_null(adc_tape_take(&t, full + 1));
    assert_null(adc_tape_take(&t, 0));
    assert_int_equal(adc_tape_bytes(&t), full);
    double w2[3] = {0}, s2 = 0;
    int k2 = 0;
    const unsigned char *taken = adc_tape_take(&t, sizeof w2 + sizeof k2 + sizeof s2);
    assert_non_null(taken);
    adc_room_get(&taken, &w2, sizeof w2);
    adc_room_get(&taken, &k2, sizeof k2);
    adc_room_get(&taken, &s2, sizeof s2);
    assert_memory_equal(w2, w, sizeof w);
    assert_int_equal(k2, -3);
    assert_true(s2 == 7.0);
    assert_int_equal(adc_tape_peak_bytes(&t), full);
    assert_int_equal(adc_pop_bit(&t), 1);
    assert_int_equal(adc_tape_bytes(&t), 0);
    adc_tape_free(&t);
}

static void test_ints(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    const long values[] = {0, 1, -1, 42, LONG_MIN, LONG_MAX};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        adc_push_int(&t, values[i]);
    for (size_t i = sizeof values / sizeof *values; i-- > 0;)
        assert_int_equal(adc_pop_int(&t), values[i]);
    assert_int_equal(adc_tape_bytes(&t), 0);
    adc_tape_free(&t);
}

static void test_pointers(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    double cells[8];
    for (int i = 0; i < 8; i++)
        adc_push_ptr(&t, &cells[i]);
    adc_push_ptr(&t, NULL);
    assert_null(adc_pop_ptr(&t));
    for (int i = 7; i >= 0; i--)
        assert_ptr_equal(adc_pop_ptr(&t), &cells[i]);
    adc_tape_free(&t);
}

static void test_bits(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    for (int i = 0; i < 1000; i++)
        adc_push_bit(&t, i % 3 == 0 ? 7 : 0);  /* any nonzero value is pushed as 1 */
    assert_int_equal(adc_tape_bytes(&t), 1000);
    for (int i = 999; i >= 0; i--)
        assert_int_equal(adc_pop_bit(&t), i % 3 == 0);
    adc_tape_free(&t);
}

/* Interleaved types of different sizes come back intact, also when unaligned. */
static void test_mixed(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    double anchor;
    for (int i = 0; i < 5000; i++) {
        adc_push_bit(&t, i & 1);
        adc_push_double(&t, i / 7.0);
        adc_push_int(&t, -3L * i);
        adc_push_ptr(&t, &anchor + (i % 2));
    }
    for (int i = 4999; i >= 0; i--) {
        assert_ptr_equal(adc_pop_ptr(&t), &anchor + (i % 2));
        assert_int_equal(adc_pop_int(&t), -3L * i);
        assert_true(adc_pop_double(&t) == i / 7.0);
        assert_int_equal(adc_pop_bit(&t), i & 1);
    }
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_false(adc_tape_failed(&t));
    adc_tape_free(&t);
}

/* The peak is kept up to date lazily (when the size goes down): dropping bytes, popping, and a
 * tape still at its peak all report the largest size reached. */
static void test_peak_through_drop(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    adc_push_double(&t, 1.0);
    adc_push_double(&t, 2.0);
    adc_push_double(&t, 3.0);
    assert_int_equal(adc_tape_peak_bytes(&t), 3 * sizeof(double));
    adc_tape_drop(&t, 2 * sizeof(double));
    adc_push_int(&t, 7);
    assert_int_equal(adc_tape_peak_bytes(&t), 3 * sizeof(double));
    adc_push_int(&t, 8);
    adc_push_int(&t, 9);
    assert_int_equal(adc_tape_peak_bytes(&t), 4 * sizeof(double));
    assert_int_equal(adc_pop_int(&t), 9);
    adc_tape_drop(&t, 3 * sizeof(double));
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), 4 * sizeof(double));
    adc_tape_free(&t);
}

/* push_zeros puts n zero bytes on top (second-order code: a tangent that is zero). */
static void test_push_zeros(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    adc_push_double(&t, 2.5);
    adc_tape_push_zeros(&t, 2 * sizeof(double));
    adc_tape_push_zeros(&t, 0);
    assert_int_equal(adc_tape_bytes(&t), 3 * sizeof(double));
    assert_true(adc_pop_double(&t) == 0.0);
    assert_true(adc_pop_double(&t) == 0.0);
    assert_true(adc_pop_double(&t) == 2.5);
    for (int i = 0; i < 1000; i++) /* through growth */
        adc_tape_push_zeros(&t, 4096);
    assert_int_equal(adc_tape_bytes(&t), 1000 * 4096);
    assert_true(adc_pop_double(&t) == 0.0);
    adc_tape_free(&t);
}

/* Growth past several megabytes keeps every value, and the peak survives popping. */
static void test_growth_and_peak(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    const long n = 1L << 20;  /* 8 MB of doubles */
    for (long i = 0; i < n; i++)
        adc_push_double(&t, (double)i);
    assert_false(adc_tape_failed(&t));
    assert_int_equal(adc_tape_bytes(&t), n * sizeof(double));
    assert_int_equal(adc_tape_peak_bytes(&t), n * sizeof(double));
    for (long i = n - 1; i >= n / 2; i--)
        assert_true(adc_pop_double(&t) == (double)i);
    assert_int_equal(adc_tape_bytes(&t), n / 2 * sizeof(double));
    adc_push_int(&t, 5);
    assert_int_equal(adc_tape_peak_bytes(&t), n * sizeof(double));
    assert_int_equal(adc_pop_int(&t), 5);
    for (long i = n / 2 - 1; i >= 0; i--)
        assert_true(adc_pop_double(&t) == (double)i);
    assert_int_equal(adc_tape_bytes(&t), 0);
    assert_int_equal(adc_tape_peak_bytes(&t), n * sizeof(double));
    adc_tape_free(&t);
}

/* reserve grows capacity without changing the contents; a pop larger than what is left returns
 * zero and leaves the tape as it was. */
static void test_reserve_and_short_pop(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    adc_push_bit(&t, 1);
    assert_int_equal(adc_tape_reserve(&t, 1 << 16), 0);
    assert_true(t.capacity - adc_tape_bytes(&t) >= 1 << 16);
    assert_int_equal(adc_tape_bytes(&t), 1);
    assert_true(adc_pop_double(&t) == 0.0);
    assert_int_equal(adc_tape_bytes(&t), 1);
    assert_int_equal(adc_pop_bit(&t), 1);
    adc_tape_free(&t);
    assert_null(t.data);
    assert_int_equal(adc_tape_bytes(&t), 0);
}

/* A freed tape's storage goes to the thread's next tape, which starts empty and keeps its values
 * in order; a tape needing more than that storage grows a new one. */
static void test_storage_reused(void **state) {
    (void)state;
    adc_tape t;
    adc_tape_init(&t);
    for (int i = 0; i < 10000; i++)
        adc_push_double(&t, (double)i);
    unsigned char *first = t.data;
    size_t capacity = t.capacity;
    adc_tape_free(&t);
    assert_null(t.data);
    adc_tape_init(&t);
    assert_int_equal(adc_tape_bytes(&t), 0);
    adc_push_int(&t, 7);
    assert_ptr_equal(t.data, first);
    assert_int_equal(t.capacity, capacity);
    assert_int_equal(adc_tape_bytes(&t), sizeof(long));
    assert_int_equal(adc_tape_peak_bytes(&t), sizeof(long));
    assert_int_equal(adc_pop_int(&t), 7);
    assert_true(adc_pop_double(&t) == 0.0); /* nothing of the last tape is left to pop */
    adc_tape_free(&t);
    adc_tape_init(&t);
    assert_int_equal(adc_tape_reserve(&t, 2 * capacity), 0);
    assert_true(t.capacity >= 2 * capacity);
    adc_push_double(&t, 1.5);
    assert_true(adc_pop_double(&t) == 1.5);
    adc_tape_free(&t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_doubles_lifo),
        cmocka_unit_test(test_room_pushes),
        cmocka_unit_test(test_room_put_take),
        cmocka_unit_test(test_ints),
        cmocka_unit_test(test_pointers),
        cmocka_unit_test(test_bits),
        cmocka_unit_test(test_mixed),
        cmocka_unit_test(test_growth_and_peak),
        cmocka_unit_test(test_peak_through_drop),
        cmocka_unit_test(test_push_zeros),
        cmocka_unit_test(test_reserve_and_short_pop),
        cmocka_unit_test(test_storage_reused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
