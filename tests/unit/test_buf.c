/* test_buf.c: the growable text buffer: empty buffers, appends and growth across many KB,
 * printf formatting, indentation, and reuse after buf_free. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "buf.h"

static void test_empty(void **state) {
    (void)state;
    Buf b = {0};
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(b.len, 0);
    buf_puts(&b, "");
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(b.len, 0);
    buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.cap, 0);
    assert_string_equal(buf_str(&b), "");
    buf_free(&b); /* twice is harmless */
}

static void test_puts_growth(void **state) {
    (void)state;
    Buf b = {0};
    /* 10000 lines of 9 characters: 90000 bytes, many reallocations. */
    for (int i = 0; i < 10000; i++)
        buf_puts(&b, "abcdefgh\n");
    assert_int_equal(b.len, 90000);
    assert_true(b.cap > b.len);
    assert_int_equal(strlen(buf_str(&b)), 90000);
    for (size_t i = 0; i < b.len; i += 9)
        assert_memory_equal(b.data + i, "abcdefgh\n", 9);
    assert_int_equal(b.data[b.len], '\0');
    buf_free(&b);
}

static void test_putc(void **state) {
    (void)state;
    Buf b = {0};
    for (int i = 0; i < 5000; i++)
        buf_putc(&b, (char)('a' + i % 26));
    assert_int_equal(b.len, 5000);
    assert_int_equal(strlen(buf_str(&b)), 5000);
    assert_int_equal(b.data[0], 'a');
    assert_int_equal(b.data[25], 'z');
    assert_int_equal(b.data[26], 'a');
    assert_int_equal(b.data[4999], 'a' + 4999 % 26);
    buf_free(&b);
}

static void test_printf(void **state) {
    (void)state;
    Buf b = {0};
    buf_printf(&b, "%s=%d;", "x", 42);
    buf_printf(&b, "%.3f|%5s|%-3d|", 1.5, "ab", 7);
    assert_string_equal(buf_str(&b), "x=42;1.500|   ab|7  |");
    assert_int_equal(b.len, strlen("x=42;1.500|   ab|7  |"));
    buf_free(&b);
}

static void test_printf_growth(void **state) {
    (void)state;
    Buf b = {0};
    char expect[64];
    size_t total = 0;
    for (int i = 0; i < 20000; i++) {
        buf_printf(&b, "t%d = x[%d];\n", i, i * 3);
        total += (size_t)snprintf(expect, sizeof expect, "t%d = x[%d];\n", i, i * 3);
    }
    assert_int_equal(b.len, total);
    assert_true(total > 300000);
    assert_int_equal(strlen(buf_str(&b)), total);
    /* The last line is intact. */
    snprintf(expect, sizeof expect, "t%d = x[%d];\n", 19999, 19999 * 3);
    assert_string_equal(b.data + b.len - strlen(expect), expect);
    assert_memory_equal(b.data, "t0 = x[0];\nt1 = x[3];\n", 22);
    buf_free(&b);
}

static void test_printf_one_big_string(void **state) {
    (void)state;
    static char big[70000];
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    Buf b = {0};
    buf_puts(&b, "<");
    buf_printf(&b, "%s>", big);
    assert_int_equal(b.len, sizeof big + 1);
    assert_int_equal(b.data[0], '<');
    assert_int_equal(b.data[1], 'q');
    assert_int_equal(b.data[sizeof big - 1], 'q');
    assert_int_equal(b.data[sizeof big], '>');
    assert_int_equal(b.data[sizeof big + 1], '\0');
    buf_free(&b);
}

static void test_indent(void **state) {
    (void)state;
    Buf b = {0};
    buf_indent(&b, 0);
    assert_string_equal(buf_str(&b), "");
    buf_indent(&b, 2);
    buf_puts(&b, "x;");
    assert_string_equal(buf_str(&b), "        x;");
    buf_free(&b);
    /* Deep indentation across many KB: 1000 levels are 4000 spaces. */
    for (int k = 0; k < 10; k++)
        buf_indent(&b, 1000);
    assert_int_equal(b.len, 40000);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] != ' ')
            fail_msg("non-space at %zu", i);
    assert_int_equal(b.data[b.len], '\0');
    buf_free(&b);
}

static void test_mixed_and_reuse(void **state) {
    (void)state;
    Buf b = {0};
    buf_indent(&b, 1);
    buf_printf(&b, "double %s = %g;", "t1", 0.5);
    buf_putc(&b, '\n');
    assert_string_equal(buf_str(&b), "    double t1 = 0.5;\n");
    buf_free(&b);
    buf_puts(&b, "again");
    assert_string_equal(buf_str(&b), "again");
    assert_int_equal(b.len, 5);
    buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_puts_growth),
        cmocka_unit_test(test_putc),
        cmocka_unit_test(test_printf),
        cmocka_unit_test(test_printf_growth),
        cmocka_unit_test(test_printf_one_big_string),
        cmocka_unit_test(test_indent),
        cmocka_unit_test(test_mixed_and_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
