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

SrcLoc cursor_loc(CXCursor c) {
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, NULL);
    SrcLoc loc = {file ? cx_string(clang_getFileName(file)) : NULL, line, col};
    return loc;
}

typedef struct ChildList {
    CXCursor *items;
    int count, cap;
} ChildList;

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    ChildList *list = data;
    if (list->count == list->cap) {
        int cap = list->cap ? list->cap * 2 : 8;
        CXCursor *items = ir_alloc(sizeof(CXCursor) * (size_t)cap);
        if (list->count)
            memcpy(items, list->items, sizeof(CXCursor) * (size_t)list->count);
        list->items = items;
        list->cap = cap;
    }
    list->items[list->count++] = c;
    return CXChildVisit_Continue;
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

#if CINDEX_VERSION_MINOR >= 64
/* LLVM 17 and later tell the operator directly, also inside macro expansions. */
const char *binary_operator_of(CXTranslationUnit tu, CXCursor c) {
    (void)tu;
    return cx_string(clang_getBinaryOperatorKindSpelling(clang_getCursorBinaryOperatorKind(c)));
}

const char *unary_operator_of(CXTranslationUnit tu, CXCursor c, bool *postfix) {
    (void)tu;
    enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(c);
    *postfix = k == CXUnaryOperator_PostInc || k == CXUnaryOperator_PostDec;
    return cx_string(clang_getUnaryOperatorKindSpelling(k));
}

bool clang_reads_macro_operators(void) { return true; }
#else
/* Older libclang: the operator is the first punctuation token between the operands. */
static const char *operator_token(const char **tok, int n) {
    for (int i = 0; i < n; i++)
        if (strcmp(tok[i], ")") != 0 && strcmp(tok[i], "]") != 0 && strcmp(tok[i], "(") != 0)
            return strchr("+-*/%<>=!&|^~,", tok[i][0]) ? tok[i] : NULL;
    return NULL;
}

const char *binary_operator_of(CXTranslationUnit tu, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 2)
        return NULL;
    const char *tok[8];
    int n = tokens_in(tu, clang_getRangeEnd(clang_getCursorExtent(kids[0])),
                      clang_getRangeStart(clang_getCursorExtent(kids[1])), tok, 8);
    return operator_token(tok, n);
}

const char *unary_operator_of(CXTranslationUnit tu, CXCursor c, bool *postfix) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 1)
        return NULL;
    CXSourceRange whole = clang_getCursorExtent(c), operand = clang_getCursorExtent(kids[0]);
    const char *tok[8];
    int n = tokens_in(tu, clang_getRangeStart(whole), clang_getRangeStart(operand), tok, 8);
    const char *op = operator_token(tok, n);
    *postfix = op == NULL;
    if (!op) {
        n = tokens_in(tu, clang_getRangeEnd(operand), clang_getRangeEnd(whole), tok, 8);
        op = operator_token(tok, n);
    }
    return op;
}

bool clang_reads_macro_operators(void) { return false; }
#endif

const char *clang_version_text(void) {
    return cx_string(clang_getClangVersion());
}
