/* clang_util.h: small helpers over libclang's C API: strings, locations, tokens, and reading
 * the operator of an operator expression (which the C API of LLVM < 17 does not expose). */
#ifndef ADC_CLANG_UTIL_H
#define ADC_CLANG_UTIL_H

#include <clang-c/Index.h>
#include "ir.h"

/* Copies a CXString into the IR arena and disposes it. */
const char *cx_string(CXString s);
SrcLoc cursor_loc(CXCursor c);
/* Where a location lies in the file, macro invocations standing for their expansion. */
SrcLoc expansion_loc(CXSourceLocation where);
/* Whether two locations are the same place of the same file. */
bool same_place(SrcLoc a, SrcLoc b);
/* Children of a cursor, in order. */
int cursor_children(CXCursor c, CXCursor **out);
/* Whether a and b are the same expression or statement node, reached by different traversals
 * (clang_equalCursors also compares the parent they were reached from). */
bool same_node(CXCursor a, CXCursor b);
/* The spelling of the first token of c's extent ("" if none). */
const char *first_token(CXTranslationUnit tu, CXCursor c);
/* Whether a token of c's extent (a macro's use for what it expands to) is spelled so. */
bool cursor_has_token(CXTranslationUnit tu, CXCursor c, const char *spelling);
/* The source text of c's extent, if it lies in one file and not in a macro; else NULL. */
const char *cursor_source_text(CXTranslationUnit tu, CXCursor c);

/* Reads the operators of operator expressions inside one function. LLVM >= 17 tells them;
 * with older libclang they are read from the function's tokens, tokenized once on first use
 * and looked up by position: walking operands' extents instead costs one step per level of
 * nesting, and made a sum of 10^5 terms quadratic. */
typedef struct OperatorReader {
    CXTranslationUnit tu;
    CXCursor scope;      /* the function */
    bool tokenized;
    CXFile file;
    CXToken *tokens;
    unsigned *offsets;   /* of each token in file, ascending */
    unsigned ntokens;
} OperatorReader;

/* The operator of a BinaryOperator/CompoundAssignOperator c ("+", "+=", "=", ",", ...), whose
 * left operand begins at lhs_begin, or of a UnaryOperator ("-", "++", ...). NULL if it cannot
 * be read (with LLVM < 17, inside a macro expansion). */
const char *binary_operator_of(OperatorReader *r, CXCursor c, SrcLoc lhs_begin);
const char *unary_operator_of(OperatorReader *r, CXCursor c);
/* Whether the ++ or -- of UnaryOperator c is written after its operand. */
bool unary_is_postfix(CXCursor c);
void operator_reader_free(OperatorReader *r);
/* Whether the operator functions work inside macro expansions (LLVM >= 17). */
bool clang_reads_macro_operators(void);
const char *clang_version_text(void);

#endif
