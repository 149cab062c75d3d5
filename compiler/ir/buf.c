/* buf.c: the growable text buffer. Allocation failure is fatal for the tool (there is no
 * useful way to continue a translation without memory), reported like any other error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"

static void fail(const char *why) {
    fprintf(stderr, "adc: error: %s\n", why);
    exit(1);
}

static void buf_reserve(Buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data)
        fail("out of memory");
    b->data = data;
    b->cap = cap;
}

void buf_puts(Buf *b, const char *s) {
    size_t n = strlen(s);
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n + 1);
    b->len += n;
}

void buf_putc(Buf *b, char c) {
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0) /* past INT_MAX: never drop text silently */
        fail("the generated text is too large (over 2 GiB in one piece)");
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_indent(Buf *b, int depth) {
    for (int i = 0; i < depth; i++)
        buf_puts(b, "    ");
}

const char *buf_str(Buf *b) {
    return b->data ? b->data : "";
}

void buf_free(Buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
