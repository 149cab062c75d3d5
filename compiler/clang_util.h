/* clang_util.h: small helpers over libclang's C API: strings, locations, tokens, and reading
 * the operator of an operator expression (which the C API of LLVM < 17 does not expose). */
#ifndef ADC_CLANG_UTIL_H
#define ADC_CLANG_UTIL_H

#include <clang-c/Index.h>
#include "ir.h"

/* Copies a CXString into the IR arena and disposes it. */
const char *cx_string(CXString s);
SrcLoc cursor_loc(CXCursor c);
/* Children of a cursor, in order. */
int cursor_children(CXCursor c, CXCursor **out);
/* The spelling of the first token of c's extent ("" if none). */
const char *first_token(CXTranslationUnit tu, CXCursor c);
/* The source text of c's extent, if it lies in one file and not in a macro; else NULL. */
const char *cursor_source_text(CXTranslationUnit tu, CXCursor c);

/* The operator of a BinaryOperator/CompoundAssignOperator ("+", "+=", "=", ",", ...) or of a
 * UnaryOperator ("-", "++" with *postfix set, ...). NULL if it cannot be read (inside a
 * macro expansion with LLVM < 17). */
const char *binary_operator_of(CXTranslationUnit tu, CXCursor c);
const char *unary_operator_of(CXTranslationUnit tu, CXCursor c, bool *postfix);
/* Whether the operator functions work inside macro expansions (LLVM >= 17). */
bool clang_reads_macro_operators(void);
const char *clang_version_text(void);

#endif
