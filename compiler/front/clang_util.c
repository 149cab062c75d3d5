/* clang_util.c: helpers over libclang's C API (see clang_util.h). */
#include <stdlib.h>
#include <string.h>
#include "clang_util.h"

const char *cx_string(CXString s) {
    const char *c = clang_getCString(s);
    const char *copy = ir_strdup(c ? c : "");
    clang_disposeString(s);
    return copy;
}

SrcLoc expansion_loc(CXSourceLocation where) {
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(where, &file, &line, &col, NULL);
    SrcLoc loc = {file ? cx_string(clang_getFileName(file)) : NULL, line, col};
    return loc;
}

SrcLoc cursor_loc(CXCursor c) {
    return expansion_loc(clang_getCursorLocation(c));
}

typedef struct ChildList {
    CXCursor *items;
    int count, cap;
} ChildList;

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    ChildList *list = data;
    if (list->count == list->cap) {
        int cap = list->cap ? list->cap * 2 : 2; /* most expressions have one or two */
        CXCursor *items = ir_alloc(sizeof(CXCursor) * (size_t)cap);
        if (list->count)
            memcpy(items, list->items, sizeof(CXCursor) * (size_t)list->count);
        list->items = items;
        list->cap = cap;
    }
    list->items[list->count++] = c;
    return CXChildVisit_Continue;
}

bool same_node(CXCursor a, CXCursor b) {
    return clang_getCursorKind(a) == clang_getCursorKind(b) && a.data[1] == b.data[1];
}

int cursor_children(CXCursor c, CXCursor **out) {
    ChildList list = {0};
    clang_visitChildren(c, collect_child, &list);
    *out = list.items;
    return list.count;
}

/* Where a location is expanded: a macro's use, not its definition (perhaps in a header). */
static CXSourceLocation expansion_of(CXTranslationUnit tu, CXSourceLocation loc) {
    CXFile file;
    unsigned offset;
    clang_getExpansionLocation(loc, &file, NULL, NULL, &offset);
    return file ? clang_getLocationForOffset(tu, file, offset) : loc;
}

/* Spellings of the tokens in [begin, end), at most max of them. */
static int tokens_in(CXTranslationUnit tu, CXSourceLocation begin, CXSourceLocation end,
                     const char **out, int max) {
    CXToken *tokens;
    unsigned n;
    clang_tokenize(tu, clang_getRange(expansion_of(tu, begin), expansion_of(tu, end)), &tokens, &n);
    int count = 0;
    for (unsigned i = 0; i < n && count < max; i++)
        out[count++] = cx_string(clang_getTokenSpelling(tu, tokens[i]));
    clang_disposeTokens(tu, tokens, n);
    return count;
}

const char *first_token(CXTranslationUnit tu, CXCursor c) {
    CXSourceRange r = clang_getCursorExtent(c);
    const char *tok[1];
    return tokens_in(tu, clang_getRangeStart(r), clang_getRangeEnd(r), tok, 1) ? tok[0] : "";
}

bool cursor_has_token(CXTranslationUnit tu, CXCursor c, const char *spelling) {
    CXSourceRange r = clang_getCursorExtent(c);
    CXToken *tokens;
    unsigned n;
    clang_tokenize(tu, clang_getRange(expansion_of(tu, clang_getRangeStart(r)), expansion_of(tu, clang_getRangeEnd(r))),
                   &tokens, &n);
    bool found = false;
    for (unsigned i = 0; i < n && !found; i++)
        found = strcmp(cx_string(clang_getTokenSpelling(tu, tokens[i])), spelling) == 0;
    clang_disposeTokens(tu, tokens, n);
    return found;
}

const char *cursor_source_text(CXTranslationUnit tu, CXCursor c) {
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile f1, f2;
    unsigned b, e;
    clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &b);
    clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &e);
    size_t size;
    const char *text = f1 ? clang_getFileContents(tu, f1, &size) : NULL;
    if (!text || !clang_File_isEqual(f1, f2) || e < b || e > size)
        return NULL;
    return ir_format("%.*s", (int)(e - b), text + b);
}

bool same_place(SrcLoc a, SrcLoc b) {
    return a.file && b.file && a.line == b.line && a.col == b.col && strcmp(a.file, b.file) == 0;
}

#if CINDEX_VERSION_MINOR >= 64
/* LLVM 17 and later tell the operator directly, also inside macro expansions. */
const char *binary_operator_of(OperatorReader *r, CXCursor c, SrcLoc lhs_begin) {
    (void)r;
    (void)lhs_begin;
    return cx_string(clang_getBinaryOperatorKindSpelling(clang_getCursorBinaryOperatorKind(c)));
}

const char *unary_operator_of(OperatorReader *r, CXCursor c) {
    (void)r;
    return cx_string(clang_getUnaryOperatorKindSpelling(clang_getCursorUnaryOperatorKind(c)));
}

bool unary_is_postfix(CXCursor c) {
    enum CXUnaryOperatorKind kind = clang_getCursorUnaryOperatorKind(c);
    return kind == CXUnaryOperator_PostInc || kind == CXUnaryOperator_PostDec;
}

bool clang_reads_macro_operators(void) { return true; }
#else
static void tokenize(OperatorReader *r) {
    CXSourceRange extent = clang_getCursorExtent(r->scope);
    CXSourceLocation begin = expansion_of(r->tu, clang_getRangeStart(extent));
    r->tokenized = true;
    clang_getExpansionLocation(begin, &r->file, NULL, NULL, NULL);
    clang_tokenize(r->tu, clang_getRange(begin, expansion_of(r->tu, clang_getRangeEnd(extent))), &r->tokens,
                   &r->ntokens);
    r->offsets = ir_alloc(sizeof(unsigned) * (r->ntokens + 1));
    for (unsigned i = 0; i < r->ntokens; i++)
        clang_getExpansionLocation(clang_getTokenLocation(r->tu, r->tokens[i]), NULL, NULL, NULL, &r->offsets[i]);
}

/* The token of the function that starts at where (expanded), with at; else the last one
 * before it. -1 if there is none. */
static long token_index(OperatorReader *r, CXSourceLocation where, bool at) {
    if (!r->tokenized)
        tokenize(r);
    CXFile file;
    unsigned offset;
    clang_getExpansionLocation(where, &file, NULL, NULL, &offset);
    if (!file || !r->file || !clang_File_isEqual(file, r->file))
        return -1;
    unsigned lo = 0, hi = r->ntokens; /* the first token at or after offset */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (r->offsets[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (at)
        return lo < r->ntokens && r->offsets[lo] == offset ? (long)lo : -1;
    return (long)lo - 1;
}

/* The spelling of token i if it is punctuation starting with one of chars, else NULL. */
static const char *punctuation(OperatorReader *r, long i, const char *chars) {
    if (i < 0 || i >= (long)r->ntokens || clang_getTokenKind(r->tokens[i]) != CXToken_Punctuation)
        return NULL;
    const char *s = cx_string(clang_getTokenSpelling(r->tu, r->tokens[i]));
    return strchr(chars, s[0]) ? s : NULL;
}

/* The token just before the right operand. Tokens of one macro invocation all expand to where
 * it starts: operands that begin at the same place come from one, with the operator. */
const char *binary_operator_of(OperatorReader *r, CXCursor c, SrcLoc lhs_begin) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 2)
        return NULL;
    CXSourceLocation rhs = clang_getRangeStart(clang_getCursorExtent(kids[1]));
    if (same_place(lhs_begin, expansion_loc(rhs)))
        return NULL;
    return punctuation(r, token_index(r, rhs, false), "+-*/%<>=!&|^,");
}

/* A prefix operator is the first token of c; otherwise c is x++ or x--, and it is the last. */
const char *unary_operator_of(OperatorReader *r, CXCursor c) {
    const char *op = punctuation(r, token_index(r, clang_getCursorLocation(c), true), "+-!~*&");
    if (op)
        return op;
    op = punctuation(r, token_index(r, clang_getRangeEnd(clang_getCursorExtent(c)), false), "+-");
    return op && (strcmp(op, "++") == 0 || strcmp(op, "--") == 0) ? op : NULL;
}

/* x++ begins where its operand does (outside macros, where older libclang reads operators). */
bool unary_is_postfix(CXCursor c) {
    CXCursor *kids;
    return cursor_children(c, &kids) == 1 &&
           clang_equalLocations(clang_getRangeStart(clang_getCursorExtent(c)),
                                clang_getRangeStart(clang_getCursorExtent(kids[0])));
}

bool clang_reads_macro_operators(void) { return false; }
#endif

void operator_reader_free(OperatorReader *r) {
    if (r->tokens)
        clang_disposeTokens(r->tu, r->tokens, r->ntokens);
}

const char *clang_version_text(void) {
    return cx_string(clang_getClangVersion());
}
