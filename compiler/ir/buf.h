/* buf.h: a growable text buffer, the one way adc builds strings and output files. */
#ifndef ADC_BUF_H
#define ADC_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* Appends `depth` levels of four-space indentation. */
void buf_indent(Buf *b, int depth);
/* Returns the contents (always NUL-terminated, "" when empty). */
const char *buf_str(Buf *b);
void buf_free(Buf *b);

#endif
