/* test_diag_generated.c: a diagnostic located in adc's own code read back for second order
 * (diag_set_generated) is reported at the user's line the nearest marker before it names and
 * says it is adc's internal failure; without a marker, at the file; other files unchanged. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "diag.h"

/* What error_at(loc, message) prints on stderr (its first line). */
static const char *reported(SrcLoc loc, const char *message) {
    static char text[2048];
    FILE *capture = tmpfile();
    assert_non_null(capture);
    fflush(stderr);
    int saved = dup(2);
    dup2(fileno(capture), 2);
    error_at(loc, "%s", message);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(capture);
    if (!fgets(text, sizeof text, capture))
        text[0] = '\0';
    fclose(capture);
    text[strcspn(text, "\n")] = '\0';
    return text;
}

static const char generated[] = "/* f_adjoint: of f (user.c:3). */\n" /* 1 */
                                "double f_adjoint(double x) {\n"        /* 2 */
                                "    /* user.c:7 */\n"                  /* 3 */
                                "    x_b += 2.0;\n"                     /* 4 */
                                "    switch (k) {\n"                    /* 5 */
                                "}\n";

static void test_mapped_to_marker(void **state) {
    (void)state;
    diag_set_generated("user.c", generated, "user.c");
    const char *text = reported((SrcLoc){"user.c", 5, 5}, "a switch statement is not supported");
    diag_set_generated(NULL, NULL, NULL);
    assert_non_null(strstr(text, "user.c:7:1: error: in adc's own adjoint code for this statement (line 5 of it)"));
    assert_non_null(strstr(text, "a switch statement is not supported [an internal failure of adc]"));
}

static void test_function_comment_marker(void **state) {
    (void)state;
    diag_set_generated("user.c", generated, "user.c");
    const char *text = reported((SrcLoc){"user.c", 2, 1}, "something else");
    diag_set_generated(NULL, NULL, NULL);
    assert_non_null(strstr(text, "user.c:3:1: error: in adc's own adjoint code"));
}

static void test_no_marker_and_other_files(void **state) {
    (void)state;
    diag_set_generated("user.c", "int x;\nint y;\n", "user.c");
    const char *text = reported((SrcLoc){"user.c", 2, 1}, "third");
    assert_non_null(strstr(text, "user.c: error: in adc's own adjoint code for this file (line 2 of it)"));
    text = reported((SrcLoc){"header.h", 2, 1}, "fourth");
    diag_set_generated(NULL, NULL, NULL);
    assert_string_equal(text, "header.h:2:1: error: fourth");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapped_to_marker),
        cmocka_unit_test(test_function_comment_marker),
        cmocka_unit_test(test_no_marker_and_other_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
