/* lower_vla.c: the lengths of the variable-length arrays in a declaration's type
 * (`double w[2*n+1]`, `double a[n][m]`, the parameter `double a[n][n]`, `double (*r)[n]`).
 * libclang gives a declaration's written array sizes as its children, each dimension's after
 * those of its elements (inner first); each variable dimension gets its lowered expression
 * (Type.vla_len), which the emitter prints wherever it declares the variable or its shadow.
 * A length must be an integer expression without effects over variables (no call, no
 * assignment, no increment): it is evaluated again where a shadow is declared. */
#include "diag.h"
#include "lower_internal.h"

/* Whether length e is an expression adc may evaluate again: integer variables and constants
 * combined by operators and casts. */
static bool plain_length(const Expr *e) {
    if (!e)
        return true;
    switch (e->kind) {
    case EX_NUM: case EX_SIZEOF: return true;
    case EX_VAR: return e->var->type->kind == TY_INT;
    case EX_UNARY: case EX_BINARY: case EX_CAST: case EX_COND:
        return plain_length(e->lhs) && plain_length(e->rhs) && plain_length(e->cond);
    default: return false;
    }
}

/* The written array levels of declared type t, outermost first (through pointers), in levels;
 * their count, or -1 when a level with a variable dimension comes from a typedef. */
static int written_levels(CXType t, CXType levels[], int max) {
    int n = 0;
    for (;;) {
        if (t.kind == CXType_Pointer) {
            t = clang_getPointeeType(t);
            continue;
        }
        if (t.kind != CXType_ConstantArray && t.kind != CXType_VariableArray && t.kind != CXType_IncompleteArray)
            break;
        if (n == max)
            return -1;
        levels[n++] = t;
        t = clang_getArrayElementType(t);
    }
    /* below the written levels: a typedef's array or pointer must not hide a variable one */
    for (CXType c = clang_getCanonicalType(t);; c = clang_getCanonicalType(c.kind == CXType_Pointer
                                                                            ? clang_getPointeeType(c)
                                                                            : clang_getArrayElementType(c))) {
        if (c.kind == CXType_VariableArray)
            return -1;
        if (c.kind != CXType_Pointer && c.kind != CXType_ConstantArray && c.kind != CXType_IncompleteArray)
            return n;
    }
}

/* The IR array levels of type, outermost first, as written_levels finds them. */
static int ir_levels(Type *type, Type *levels[], int max) {
    int n = 0;
    for (Type *t = type; t && (t->kind == TY_PTR || t->kind == TY_ARRAY) && n < max; t = t->base)
        if (t->kind == TY_ARRAY)
            levels[n++] = t;
    return n;
}

/* The size expressions written in decl (its children that are expressions, but its
 * initializer), in sizes; their count. */
static int written_sizes(CXCursor decl, CXCursor sizes[], int max) {
    CXCursor *kids;
    int nkids = cursor_children(decl, &kids), n = 0;
    CXCursor init = clang_getCursorKind(decl) == CXCursor_VarDecl ? clang_Cursor_getVarDeclInitializer(decl)
                                                                   : clang_getNullCursor();
    for (int i = 0; i < nkids; i++)
        if (clang_isExpression(clang_getCursorKind(kids[i])) && !clang_equalCursors(kids[i], init)) {
            if (n == max)
                return -1;
            sizes[n++] = kids[i];
        }
    return n;
}

static int refuse(Lowering *lw, SrcLoc loc, const char *why) {
    error_at(loc, "%s", why);
    lw->errors++;
    return -1;
}

int lower_vla_lengths(Lowering *lw, CXCursor decl, Type *type, SrcLoc loc) {
    enum { MAX = 16 };
    CXType written[MAX];
    Type *levels[MAX];
    CXCursor sizes[MAX];
    int nwritten = written_levels(clang_getCursorType(decl), written, MAX);
    int nlevels = ir_levels(type, levels, MAX);
    if (nwritten < 0 || nwritten != nlevels)
        return refuse(lw, loc, "a variable-length array type named by a typedef is not supported; "
                      "write the array's dimensions in the declaration");
    if (type_scalar(type)->kind == TY_STRUCT)
        return refuse(lw, loc, "a variable-length array of structs is not supported; use an array of known size "
                      "or a heap block");
    int nsizes = written_sizes(decl, sizes, MAX), at = nsizes;
    for (int k = 0; k < nlevels; k++) { /* outermost first: its size is the last one written */
        if (written[k].kind == CXType_IncompleteArray)
            continue;
        if (--at < 0)
            return refuse(lw, loc, "adc cannot read the dimensions of this variable-length array");
        if (!levels[k]->vla)
            continue;
        Stmt *pending = lw->pending;
        Expr *len = lower_expr(lw, sizes[at]);
        if (!len)
            return -1;
        if (lw->pending != pending || !plain_length(len) || len->type->kind != TY_INT)
            return refuse(lw, cursor_loc(sizes[at]), "the length of a variable-length array must be an integer "
                          "expression of variables without calls or side effects; compute it into a variable first");
        levels[k]->vla_len = len;
    }
    if (at != 0)
        return refuse(lw, loc, "adc cannot read the dimensions of this variable-length array");
    return 0;
}
