/* lower.c: lowers a function definition from libclang cursors to IR: its parameters, its
 * local variables (renamed where an inner block shadows an outer name, so every variable
 * has one name in the function), its statements and expressions. Calls to user functions
 * are lowered recursively. Calls nested inside expressions are hoisted into variables of
 * their own, so that a call is always a whole statement or the whole right-hand side. */
#include <stdlib.h>
#include <string.h>
#include "clang_util.h"
#include "diag.h"
#include "goto.h"
#include "c_text.h"
#include "lower.h"
#include "lower_internal.h"
#include "mathfn.h"
#include "mpifn.h"
#include "pragma.h"
#include "alias.h"
#include "init_list.h"
#include "header_statics.h"
#include "member_blocks.h"

static Expr *short_circuit(Lowering *lw, Op op, Expr *lhs, Stmt *rhs_effects, Expr *rhs);
static Expr *hoist_effect(Lowering *lw, CXCursor c, CXCursor target, Stmt *effect, bool value_before);
static Stmt *lower_expr_stmt(Lowering *lw, CXCursor c);
static Stmt *lower_increment(Lowering *lw, CXCursor c);
static Stmt *assignment(Lowering *lw, CXCursor c, Op op, CXCursor lhs_c, Expr *rhs);
static Expr *lower_rhs(Lowering *lw, CXCursor c);
static void add_pending(Lowering *lw, Stmt *s);

/* ---- variables ---- */

static VarEntry *var_slot(Lowering *lw, CXCursor decl) {
    unsigned h = clang_hashCursor(decl);
    for (int i = 0;; i++) {
        VarEntry *e = &lw->vars[(h + (unsigned)i) & (unsigned)(lw->vars_cap - 1)];
        if (!e->var || clang_equalCursors(e->decl, decl))
            return e;
    }
}

static void var_map_put(Lowering *lw, CXCursor decl, Var *v) {
    if (2 * (lw->fn->nvars + 1) > lw->vars_cap) {
        VarEntry *old = lw->vars;
        int old_cap = lw->vars_cap;
        lw->vars_cap = old_cap ? old_cap * 2 : 64;
        lw->vars = calloc((size_t)lw->vars_cap, sizeof(VarEntry));
        for (int i = 0; i < old_cap; i++)
            if (old[i].var)
                *var_slot(lw, old[i].decl) = old[i];
        free(old);
    }
    VarEntry *e = var_slot(lw, decl);
    e->decl = decl;
    e->var = v;
}

static Var *declare_var(Lowering *lw, CXCursor decl, VarKind kind) {
    SrcLoc loc = cursor_loc(decl);
    Type *type = lower_type(clang_getCursorType(decl), loc);
    if (!type || (type_has_vla(type) && lower_vla_lengths(lw, decl, type, loc) != 0))
        return NULL;
    const char *name = cx_string(clang_getCursorSpelling(decl));
    if (kind == VAR_PARAM && *name == '\0') {
        error_at(loc, "unnamed parameters are not supported in a function adc differentiates");
        return NULL;
    }
    Var *v = func_add_var(lw->fn, kind == VAR_GLOBAL ? name : func_fresh_name(lw->fn, name), type, kind, loc);
    var_map_put(lw, decl, v);
    return v;
}

/* Records how the generated file reaches a file-scope variable: a static const table is
 * copied, any other variable of the main file declared extern, one of a header reached
 * through the header (a mutable static of a header only as the generated file's own copy:
 * header_statics.c); with --include-source the generated file includes the source and
 * reaches all. Returns -1 if it cannot. */
static int reach_global(Lowering *lw, CXCursor decl, Var *v) {
    bool is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
    if (lw->fe->prog->include_source)
        return 0;
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(decl))) {
        v->header_copy = is_static && !v->is_static_const;
        return 0;
    }
    if (!is_static) {
        v->needs_extern = true;
        return 0;
    }
    const char *text = v->is_static_const ? cursor_source_text(lw->fe->tu, decl) : NULL;
    if (!text) {
        error_at(cursor_loc(decl), "static variable '%s' cannot be reached from the generated file; "
                 "make it 'static const' or non-static, or generate with --include-source and compile "
                 "the generated file instead of the source", v->name);
        return -1;
    }
    v->global_text = ir_format("%s;", text);
    return 0;
}

/* Whether the declaration of a global initializes it with an expression other than a null
 * constant (`double *current = buffer;`). */
static bool initialized_not_null(CXCursor decl) {
    CXCursor *kids;
    int n = cursor_children(decl, &kids);
    for (int i = 0; i < n; i++) {
        CXCursor e = kids[i];
        if (!clang_isExpression(clang_getCursorKind(e)))
            continue;
        CXCursor *inner;
        for (enum CXCursorKind k = clang_getCursorKind(e);
             k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr || k == CXCursor_CStyleCastExpr;
             k = clang_getCursorKind(e)) {
            int m = cursor_children(e, &inner);
            if (m == 0)
                break;
            e = inner[m - 1];
        }
        return clang_getCursorKind(e) != CXCursor_IntegerLiteral;
    }
    return false;
}

static Var *lookup_var(Lowering *lw, CXCursor ref, SrcLoc loc) {
    CXCursor decl = clang_getCursorReferenced(ref);
    if (lw->vars_cap) {
        VarEntry *e = var_slot(lw, decl);
        if (e->var)
            return e->var;
    }
    if (!clang_Cursor_hasVarDeclGlobalStorage(decl)) {
        error_at(loc, "reference to an unknown variable");
        return NULL;
    }
    Var *v = declare_var(lw, decl, VAR_GLOBAL);
    if (!v)
        return NULL;
    v->is_static_const = clang_isConstQualifiedType(clang_getCursorType(decl)) ||
                         (v->type->kind == TY_ARRAY && type_scalar(v->type)->is_const);
    v->initialized_address = global_is_pointer(v) && initialized_not_null(decl);
    return reach_global(lw, decl, v) == 0 ? v : NULL;
}

/* ---- expressions ---- */

void *unsupported(Lowering *lw, CXCursor c, const char *what) {
    error_at(cursor_loc(c), "%s is not supported by adc", what);
    lw->errors++;
    return NULL;
}

static bool in_macro(Lowering *lw, CXCursor c) {
    CXFile file;
    unsigned offset;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, &offset);
    for (int i = 0; i < lw->fe->nmacros; i++) {
        const MacroRange *m = &lw->fe->macros[i];
        if (offset >= m->begin && offset < m->end && clang_File_isEqual(file, m->file))
            return true;
    }
    return false;
}

/* NULL, after reporting why the operator of c cannot be read. */
static const char *unreadable_operator(Lowering *lw, CXCursor c) {
    if (!clang_reads_macro_operators() && in_macro(lw, c)) {
        error_at(cursor_loc(c), "this operator comes from a macro's body, which libclang older than "
                 "17 cannot read; expand the macro by hand or build adc with LLVM >= 17");
        lw->errors++;
        return NULL;
    }
    return unsupported(lw, c, "an operator adc cannot read");
}

/* The operator of binary c, whose left operand begins at lhs_begin. */
static const char *binary_operator(Lowering *lw, CXCursor c, SrcLoc lhs_begin) {
    const char *op = binary_operator_of(&lw->ops, c, lhs_begin);
    return op ? op : unreadable_operator(lw, c);
}

static const char *unary_operator(Lowering *lw, CXCursor c) {
    const char *op = unary_operator_of(&lw->ops, c);
    return op ? op : unreadable_operator(lw, c);
}

static Op binary_op(const char *s) {
    static const struct { const char *s; Op op; } ops[] = {
        {"+", OP_ADD}, {"-", OP_SUB}, {"*", OP_MUL}, {"/", OP_DIV}, {"%", OP_MOD},
        {"<", OP_LT}, {"<=", OP_LE}, {">", OP_GT}, {">=", OP_GE}, {"==", OP_EQ}, {"!=", OP_NE},
        {"&&", OP_LAND}, {"||", OP_LOR}, {"&", OP_BITAND}, {"|", OP_BITOR}, {"^", OP_BITXOR},
        {"<<", OP_SHL}, {">>", OP_SHR},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].s, s) == 0)
            return ops[i].op;
    return OP_NONE;
}

/* The type of expression c; one adc does not support is reported at loc. */
static Type *expr_type(Lowering *lw, CXCursor c, SrcLoc loc) {
    Type *t = lower_type(clang_getCursorType(c), loc);
    if (!t)
        lw->errors++;
    return t;
}

/* The suffix that keeps an integer literal's type when its value is written out: 1UL, 4294967295U. */
static const char *integer_suffix(const Type *t) {
    if (t->kind != TY_INT)
        return "";
    const char *length = strstr(t->name, "long long") ? "LL" : strstr(t->name, "long") ? "L" : "";
    return ir_format("%s%s", strstr(t->name, "unsigned") ? "U" : "", length);
}

/* A literal spelled inside a macro is written as its value (the token there is the macro's). */
static Expr *lower_literal(Lowering *lw, CXCursor c) {
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (!type)
        return NULL;
    Expr *e = expr_new(EX_NUM, type, loc);
    if (!in_macro(lw, c)) {
        e->text = first_token(lw->fe->tu, c);
        return e;
    }
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (clang_EvalResult_getKind(r) == CXEval_Int && clang_EvalResult_isUnsignedInt(r))
        e->text = ir_format("%llu%s", clang_EvalResult_getAsUnsigned(r), integer_suffix(type));
    else if (clang_EvalResult_getKind(r) == CXEval_Int)
        e->text = ir_format("%lld%s", clang_EvalResult_getAsLongLong(r), integer_suffix(type));
    else if (clang_EvalResult_getKind(r) == CXEval_Float && type->kind == TY_LONG_DOUBLE)
        e->text = NULL; /* libclang gives its value as a double only: refused below */
    else if (clang_EvalResult_getKind(r) == CXEval_Float)
        e->text = ir_format(type->kind == TY_FLOAT ? "%.9g" : "%.17g", clang_EvalResult_getAsDouble(r));
    else if (clang_getCursorKind(c) == CXCursor_StringLiteral) /* NAN is __builtin_nanf("") */
        e->text = cx_string(clang_getCursorSpelling(c));
    else
        e->text = first_token(lw->fe->tu, c);
    clang_EvalResult_dispose(r);
    if (!e->text)
        return unsupported(lw, c, "a long double constant inside a macro"); /* its value: a double */
    if (type_is_floating(type) && !strpbrk(e->text, ".eEn"))
        e->text = ir_format("%s.0", e->text);
    if (type->kind == TY_FLOAT && !strpbrk(e->text, "fFn")) /* 1.0f: after the ".0" (1f.0 was wrong) */
        e->text = ir_format("%sf", e->text);
    return e;
}

static Expr *lower_decl_ref(Lowering *lw, CXCursor c) {
    CXCursor decl = clang_getCursorReferenced(c);
    SrcLoc loc = cursor_loc(c);
    if (clang_getCursorKind(decl) == CXCursor_EnumConstantDecl) {
        return expr_int(clang_getEnumConstantDeclValue(decl), loc);
    }
    if (clang_getCursorKind(decl) == CXCursor_FunctionDecl) {
        Expr *e = fnptr_value(lw->fe, decl, loc);
        lw->errors += !e;
        return e;
    }
    Var *v = lookup_var(lw, c, loc);
    if (!v) {
        lw->errors++;
        return NULL;
    }
    return expr_var(v, loc);
}

/* e, an access *p, p[i] or p->m, unless it reaches floating data through a pointer chosen by
 * ?: (`*(c ? &u : &v)`, `(c ? a : b)[i]`, `(c ? &s[0] : &s[1])->v`): adc follows derivatives
 * by the variable memory is in, and the backward sweep would choose again, from values changed
 * since or from variables it does not have (a silently wrong adjoint). Refused in every mode. */
static Expr *access_known(Lowering *lw, CXCursor c, Expr *e) {
    const Expr *pointer = e ? expr_without_casts(e->lhs) : NULL;
    if (!pointer || pointer->kind != EX_COND || !type_has_floating(e->type))
        return e;
    error_at(cursor_loc(c), "adc cannot tell which variable this memory is in (the pointer is chosen by ?:); "
             "choose the value instead (c ? u : v, c ? a[i] : b[i]), or write an if/else");
    lw->errors++;
    return NULL;
}

static Expr *lower_unary(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 1)
        return unsupported(lw, c, "this unary expression");
    const char *op = unary_operator(lw, c);
    if (!op)
        return NULL;
    if (strcmp(op, "++") == 0 || strcmp(op, "--") == 0)
        return hoist_effect(lw, c, kids[0], lower_increment(lw, c), unary_is_postfix(c));
    SrcLoc loc = cursor_loc(c);
    Expr *operand = lower_expr(lw, kids[0]);
    if (operand && operand->type->kind == TY_FUNCPTR &&
        ((strcmp(op, "&") == 0 && operand->kind == EX_NUM) || strcmp(op, "*") == 0))
        return operand; /* &f of function f, and *p, are the function again, as C converts them back */
    if (strcmp(op, "__extension__") == 0) /* GNU C: no warning about what follows */
        return operand;
    if (strcmp(op, "*") == 0 && operand && operand->kind == EX_ADDR) /* *&u is u */
        return operand->lhs;
    Type *type = expr_type(lw, c, loc);
    if (!operand || !type)
        return NULL;
    static const struct { const char *s; ExprKind kind; Op op; } ops[] = {
        {"-", EX_UNARY, OP_NEG}, {"+", EX_UNARY, OP_PLUS}, {"!", EX_UNARY, OP_NOT},
        {"~", EX_UNARY, OP_BITNOT}, {"*", EX_DEREF, OP_NONE}, {"&", EX_ADDR, OP_NONE},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].s, op) == 0) {
            Expr *e = expr_new(ops[i].kind, type, loc);
            e->op = ops[i].op;
            e->lhs = operand;
            return e->kind == EX_DEREF ? access_known(lw, c, e) : e;
        }
    return unsupported(lw, c, "this unary operator");
}

/* Lowers expression c with the statements it hoists collected in *hoisted (NULL: none) instead
 * of before the statement being lowered: for the callers that decide where those run. */
static Expr *lower_apart(Lowering *lw, CXCursor c, Stmt **hoisted) {
    Stmt *outer = lw->pending;
    lw->pending = NULL;
    Expr *e = lower_expr(lw, c);
    *hoisted = lw->pending;
    lw->pending = outer;
    return e;
}

/* The operator of binary c if it is a sequence point (`,` `&&` `||`), else NULL. libclang < 17
 * reads an operator knowing where its left operand begins, which libclang finds by walking down
 * the left operands, one step per level of a long sum: that is asked only to confirm these. */
static const char *sequence_point_operator(Lowering *lw, CXCursor c, CXCursor lhs) {
    SrcLoc nowhere = {0};
    const char *op = binary_operator_of(&lw->ops, c, nowhere);
    if (!op || (strcmp(op, ",") != 0 && strcmp(op, "&&") != 0 && strcmp(op, "||") != 0))
        return NULL;
    return binary_operator_of(&lw->ops, c, cursor_loc(lhs)); /* NULL inside a macro (libclang < 17) */
}

static Type *unqualified(Type *t);

static FindVerdict is_program_call(const Expr *e, const void *ctx) {
    (void)ctx;
    return e->kind == EX_CALL && e->callee ? FIND_FOUND : FIND_INSIDE;
}

/* The value right of comma c, whose left operand lowered to the pending statements of indices
 * [first, end). When these call a function of the program, the value is declared after the
 * right operand's statements, and they are marked with it: their calls run before those
 * statements, but in an order C leaves open with the rest of the expression (globals.c). */
static Expr *comma_value(Lowering *lw, CXCursor c, int first, int end, Expr *right) {
    bool calls = false;
    for (int i = first; right && right->type->kind != TY_VOID && i < end; i++) /* void: nothing reads it */
        calls |= stmt_find_expr(lw->pending->body[i], is_program_call, NULL) != NULL; /* may write what it reads */
    if (!calls)
        return right;
    Type *type = right->type->kind == TY_ARRAY ? type_pointer_to(right->type->base) : unqualified(right->type);
    if (type->kind == TY_FUNCPTR || (type->base && type->base->kind == TY_ARRAY))
        return unsupported(lw, c, "a comma operator giving a function or an array of arrays, whose left operand "
                           "calls a function, inside an expression");
    Stmt *decl = hoisted_decl(lw, "comma_value", type, right->loc);
    decl->rhs = right;
    for (int i = first; i < end; i++)
        lw->pending->body[i]->comma_value = decl->var;
    return expr_var(decl->var, right->loc);
}

/* A binary operation begins where its left operand does: asking libclang instead would walk
 * down the left operands, one step per level of a long sum. */
static Expr *lower_binary(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 2)
        return unsupported(lw, c, "this binary expression");
    const char *sequencing = sequence_point_operator(lw, c, kids[0]);
    if (sequencing && strcmp(sequencing, ",") == 0) { /* the left operand runs as statements, then the right */
        int first = lw->pending ? lw->pending->nbody : 0;
        Stmt *left = lower_expr_stmt(lw, kids[0]);
        if (!left)
            return NULL;
        add_pending(lw, left);
        int end = lw->pending->nbody;
        return comma_value(lw, c, first, end, lower_expr(lw, kids[1]));
    }
    Expr *lhs = lower_expr(lw, kids[0]);
    const char *spelled = lhs ? binary_operator(lw, c, lhs->loc) : NULL;
    if (!spelled)
        return NULL;
    if (strcmp(spelled, "=") == 0)
        return hoist_effect(lw, c, kids[0], assignment(lw, c, OP_NONE, kids[0], lower_rhs(lw, kids[1])), false);
    Op op = binary_op(spelled);
    Stmt *rhs_effects = NULL;
    Expr *rhs = op == OP_LAND || op == OP_LOR ? lower_apart(lw, kids[1], &rhs_effects) : lower_expr(lw, kids[1]);
    if (!rhs)
        return NULL;
    if (rhs_effects)
        return short_circuit(lw, op, lhs, rhs_effects, rhs);
    if (op == OP_NONE)
        return unsupported(lw, c, "this operator");
    Type *type = expr_type(lw, c, lhs->loc);
    return type ? expr_binary(op, lhs, rhs, type) : NULL;
}

/* An expression of the given kind whose children are its lhs and rhs (a[i], s.f). */
static Expr *lower_children_as(Lowering *lw, CXCursor c, ExprKind kind) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (!type)
        return NULL;
    Expr *e = expr_new(kind, type, loc);
    if ((n > 0 && !(e->lhs = lower_expr(lw, kids[0]))) || (n > 1 && !(e->rhs = lower_expr(lw, kids[1]))))
        return NULL;
    return e;
}

static Expr *lower_member(Lowering *lw, CXCursor c) {
    Expr *e = lower_children_as(lw, c, EX_MEMBER);
    if (!e || !e->lhs)
        return e ? unsupported(lw, c, "this member access") : NULL;
    e->text = cx_string(clang_getCursorSpelling(c));
    e->arrow = e->lhs->type->kind == TY_PTR;
    return e->arrow ? access_known(lw, c, e) : e;
}

/* The floating kind a pointer or array type points to (CXType_Invalid: none). */
static enum CXTypeKind pointee_floating_kind(CXType t) {
    t = clang_getCanonicalType(t);
    CXType base = t.kind == CXType_Pointer ? clang_getPointeeType(t) : clang_getArrayElementType(t);
    enum CXTypeKind k = clang_getCanonicalType(base).kind;
    return k == CXType_Float || k == CXType_Double || k == CXType_LongDouble ? k : CXType_Invalid;
}

/* A conversion c of its operand `from` between pointers to different floating types (double *
 * read as float *, also by way of void * or char *): the data would be reinterpreted, which
 * adc does not follow. */
static bool refuse_pointer_pun(Lowering *lw, CXCursor c, CXCursor from) {
    enum CXTypeKind to_kind = pointee_floating_kind(clang_getCursorType(c));
    enum CXTypeKind from_kind = pointee_floating_kind(clang_getCursorType(from));
    CXCursor *kids;
    int n;
    while (from_kind == CXType_Invalid && (clang_getCursorKind(from) == CXCursor_CStyleCastExpr ||
                                           clang_getCursorKind(from) == CXCursor_UnexposedExpr ||
                                           clang_getCursorKind(from) == CXCursor_ParenExpr) &&
           (n = cursor_children(from, &kids)) > 0) {
        from = kids[n - 1];
        from_kind = pointee_floating_kind(clang_getCursorType(from));
    }
    if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Pointer || to_kind == CXType_Invalid ||
        from_kind == CXType_Invalid || to_kind == from_kind)
        return false;
    unsupported(lw, c, "a conversion between pointers to different floating types");
    return true;
}

static Expr *lower_cast(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    if (n && refuse_pointer_pun(lw, c, kids[n - 1]))
        return NULL;
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (type && type_has_vla(type))
        return unsupported(lw, c, "a cast to a variable-length array type (or a pointer to one)");
    Expr *operand = n ? lower_expr(lw, kids[n - 1]) : NULL;
    if (!type || !operand)
        return n ? NULL : unsupported(lw, c, "this cast");
    Expr *e = expr_new(EX_CAST, type, loc);
    e->lhs = operand;
    return e;
}

/* ---- initializer lists (filled as C fills them by init_list.c) ---- */

/* Whether initializer c names the subobject it sets (`.x = v`, `[k] = v`): libclang shows an
 * expression of no type whose children are the designators and then the value. */
static bool designated(CXCursor c, CXCursor **kids, int *n) {
    *n = cursor_children(c, kids);
    return clang_getCursorKind(c) == CXCursor_UnexposedExpr && *n >= 2 &&
           clang_getCursorType(c).kind == CXType_Void;
}

/* The designators of designated initializer c (its children but the last): a member's name,
 * or an element's index, which must be an integer constant. A GNU range `[a ... b]` (whose
 * two bounds libclang shows like the indices of `[a][b]`) is refused. */
static bool lower_designators(Lowering *lw, CXCursor c, CXCursor *kids, int n, InitItem *item) {
    if (cursor_has_token(lw->fe->tu, c, "..."))
        return unsupported(lw, c, "a range designator ('[a ... b] = v')");
    Designator *ds = ir_alloc(sizeof(Designator) * (size_t)n);
    for (int i = 0; i < n - 1; i++) {
        if (clang_getCursorKind(kids[i]) == CXCursor_MemberRef) {
            ds[i].member = cx_string(clang_getCursorSpelling(kids[i]));
            continue;
        }
        CXEvalResult r = clang_Cursor_Evaluate(kids[i]);
        bool integer = r && clang_EvalResult_getKind(r) == CXEval_Int;
        ds[i].index = integer ? (long)clang_EvalResult_getAsLongLong(r) : -1;
        if (r)
            clang_EvalResult_dispose(r);
        if (!integer)
            return unsupported(lw, kids[i], "this designator");
    }
    item->designators = ds;
    item->ndesignators = n - 1;
    return true;
}

static Expr *lower_init_list(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (!type)
        return NULL;
    InitItem *items = ir_alloc(sizeof(InitItem) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        CXCursor *parts;
        int nparts;
        CXCursor value = kids[i];
        items[i].loc = cursor_loc(kids[i]);
        if (designated(kids[i], &parts, &nparts)) {
            if (!lower_designators(lw, kids[i], parts, nparts, &items[i]))
                return NULL;
            value = parts[nparts - 1];
        }
        if (!(items[i].value = lower_expr(lw, value)))
            return NULL;
    }
    if (type->kind != TY_ARRAY && type->kind != TY_STRUCT)
        return n == 1 && !items[0].ndesignators ? items[0].value : unsupported(lw, c, "this initializer");
    Expr *e = init_list_fill(type, items, n, loc);
    lw->errors += !e;
    return e;
}

static void add_pending(Lowering *lw, Stmt *s) {
    if (!lw->pending)
        lw->pending = stmt_new(lw->fn, ST_BLOCK, s->loc);
    block_append(lw->pending, s);
}

/* Adds the statements of block hoisted (NULL: none) one by one. */
static void add_all_pending(Lowering *lw, const Stmt *hoisted) {
    for (int i = 0; hoisted && i < hoisted->nbody; i++)
        add_pending(lw, hoisted->body[i]);
}

/* Declares a variable named base (made unique) that is set before the current statement. */
Stmt *hoisted_decl(Lowering *lw, const char *base, Type *type, SrcLoc loc) {
    Stmt *decl = stmt_new(lw->fn, ST_DECL, loc);
    decl->var = func_add_var(lw->fn, func_new_var_name(lw->fn, base), type, VAR_LOCAL, loc);
    add_pending(lw, decl);
    return decl;
}

/* A variable holding the value of a call hoisted out of an expression. */
static Expr *hoist_call(Lowering *lw, Expr *call, SrcLoc loc) {
    Stmt *decl = hoisted_decl(lw, ir_format("%s_value", call->callee->name), call->type, loc);
    decl->rhs = call;
    decl->hoisted = true;
    return expr_var(decl->var, loc);
}

/* t without const, also of its elements: the type of an object only adc's code names, which
 * may set it element by element. */
static Type *unqualified(Type *t) {
    if (!t->is_const)
        return t;
    Type *copy = ir_alloc(sizeof *copy);
    *copy = *t;
    copy->is_const = false;
    if (copy->kind == TY_ARRAY)
        copy->base = unqualified(t->base);
    return copy;
}

/* A compound literal `(struct vec3){a, b, c}`, `(double[]){x, y}`, `(const double[]){...}`:
 * an unnamed local of the enclosing block, initialized where C evaluates it. It becomes a
 * fresh local declared with its list before the statement, in the statement's order of
 * hoisted effects and calls (the ones written before it run first), and the statement reads
 * that local (without const: nothing else names it). */
static Expr *lower_compound_literal(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (!type || n == 0 || clang_getCursorKind(kids[n - 1]) != CXCursor_InitListExpr)
        return type ? unsupported(lw, c, "this compound literal") : NULL;
    Expr *list = lower_expr(lw, kids[n - 1]);
    if (!list)
        return NULL;
    Stmt *decl = hoisted_decl(lw, "literal", unqualified(type), loc);
    decl->rhs = list;
    return expr_var(decl->var, loc);
}

Stmt *assign_to(Lowering *lw, Var *v, Expr *value) {
    Stmt *s = stmt_new(lw->fn, ST_ASSIGN, value->loc);
    s->lhs = expr_var(v, value->loc);
    s->rhs = value;
    return s;
}

/* e as C's truth value 0 or 1 (what && and || yield). */
static Expr *is_true(Expr *e) {
    bool boolean = (e->kind == EX_BINARY && ((e->op >= OP_LT && e->op <= OP_NE) || e->op == OP_LAND || e->op == OP_LOR)) ||
                   (e->kind == EX_UNARY && e->op == OP_NOT);
    if (boolean)
        return e;
    Expr *zero = expr_new(EX_NUM, e->type, e->loc);
    zero->text = type_is_floating(e->type) ? "0.0" : "0";
    return expr_binary(OP_NE, e, zero, type_int());
}

/* `a && b` (`a || b`) whose b hoists statements (a call): they must run only when a does not
 * decide the result, so the value is computed as
 *     int and_value = a != 0;  if (and_value) { ...; and_value = b != 0; }    (|| tests !or_value) */
static Expr *short_circuit(Lowering *lw, Op op, Expr *lhs, Stmt *rhs_effects, Expr *rhs) {
    Stmt *decl = hoisted_decl(lw, op == OP_LAND ? "and_value" : "or_value", type_int(), lhs->loc);
    decl->rhs = is_true(lhs);
    Stmt *branch = stmt_new(lw->fn, ST_IF, lhs->loc);
    branch->cond = expr_var(decl->var, lhs->loc);
    if (op == OP_LOR) {
        Expr *not = expr_new(EX_UNARY, decl->var->type, lhs->loc);
        not->op = OP_NOT;
        not->lhs = branch->cond;
        branch->cond = not;
    }
    branch->then = rhs_effects;
    rhs_effects->scope = true;
    block_append(rhs_effects, assign_to(lw, decl->var, is_true(rhs)));
    add_pending(lw, branch);
    return expr_var(decl->var, lhs->loc);
}

/* ---- side effects inside expressions ----
 * An assignment, compound assignment, ++ or -- inside an expression runs as a statement before
 * the one it is in (after what it reads, in C's order), and the expression reads a variable
 * holding its value:
 *     out[k++] = v;   ->   int k_old = k;  k++;  out[k_old] = v;
 *     a = b = c;      ->   b = c;  double b_new = b;  a = b_new;
 * The left operand of a comma runs as statements before the right one; the right operand of
 * && and || and the branches of ?: run under an if, so only when C evaluates them. C leaves
 * unspecified the order of a side effect and another use of the same variable that no
 * sequence point separates (x = i++ + i, a[i] = i++, f(s += 1, s)): refused. Another member of a
 * struct than the effect writes is another object (`s->a = s->b = 0.0`, `s.v[s.n++] = v`). */

/* Whether the operands of c are ordered by a sequence point (`,` `&&` `||`: the left one is
 * complete before the right one; `?:`: the condition first, then one branch), or c is no
 * expression (the declarators of a declaration, each lowered in turn). */
static bool sequences_operands(Lowering *lw, CXCursor c) {
    enum CXCursorKind kind = clang_getCursorKind(c);
    CXCursor *kids;
    if (kind == CXCursor_ConditionalOperator || !clang_isExpression(kind))
        return true;
    return kind == CXCursor_BinaryOperator && cursor_children(c, &kids) == 2 &&
           sequence_point_operator(lw, c, kids[0]) != NULL;
}

static CXCursor unwrapped(CXCursor c);

enum { MEMBER_PATH_MAX = 8 };

/* The members of struct types (not unions) that c, an access like `s.a.b` or `p->a` to the
 * variable declared by decl, names from the variable outward, reached through no pointer but
 * the variable itself: stored in path, counted by the result (0: c is no such access). An
 * element of an array member (`s.rows[i]`) lies within the member when element_within. */
static int member_path(CXCursor c, CXCursor decl, bool element_within, CXCursor path[MEMBER_PATH_MAX]) {
    CXCursor *kids, outward[MEMBER_PATH_MAX];
    int n = 0;
    c = unwrapped(c);
    while (element_within && clang_getCursorKind(c) == CXCursor_ArraySubscriptExpr && cursor_children(c, &kids) == 2 &&
           clang_getCanonicalType(clang_getCursorType(unwrapped(kids[0]))).kind == CXType_ConstantArray)
        c = unwrapped(kids[0]);
    while (clang_getCursorKind(c) == CXCursor_MemberRefExpr && cursor_children(c, &kids) == 1 && n < MEMBER_PATH_MAX) {
        CXCursor field = clang_getCursorReferenced(c), base = unwrapped(kids[0]);
        bool through_pointer = clang_getCanonicalType(clang_getCursorType(base)).kind == CXType_Pointer;
        if (clang_getCursorKind(clang_getCursorSemanticParent(field)) != CXCursor_StructDecl ||
            (through_pointer && clang_getCursorKind(base) != CXCursor_DeclRefExpr))
            return 0;
        outward[n++] = field;
        c = base;
    }
    if (n == 0 || clang_getCursorKind(c) != CXCursor_DeclRefExpr ||
        !clang_equalCursors(clang_getCursorReferenced(c), decl))
        return 0;
    for (int i = 0; i < n; i++)
        path[i] = outward[n - 1 - i];
    return n;
}

/* Whether member paths a and b part at some member: they name disjoint parts of the variable. */
static bool paths_part(const CXCursor *a, int a_len, const CXCursor *b, int b_len) {
    for (int i = 0; i < a_len && i < b_len; i++)
        if (!clang_equalCursors(a[i], b[i]))
            return true;
    return false;
}

typedef struct Uses {
    Lowering *lw;
    CXCursor effect, decl;  /* the effect, and the declaration of the variable it writes */
    CXCursor written[MEMBER_PATH_MAX]; /* the member path of what the effect writes */
    int written_len;        /* 0: the effect may write any part of the variable */
    bool unordered;         /* a use of the variable and the effect meet at an unsequenced operator */
} Uses;

/* Whether c is an element of the variable declared by decl or of an array its members hold
 * (`t[1]`, `u[i][j]`, `s->values[n]`, `s.rows[i][j]`): a store to the element does not change
 * the members the address is read from, which C's aliasing rules give other types. */
static bool element_of(CXCursor c, CXCursor decl) {
    CXCursor *kids;
    c = unwrapped(c);
    if (clang_getCursorKind(c) != CXCursor_ArraySubscriptExpr)
        return false;
    for (;;) {
        enum CXCursorKind kind = clang_getCursorKind(c);
        if (kind == CXCursor_ArraySubscriptExpr && cursor_children(c, &kids) == 2)
            c = unwrapped(kids[0]);
        else if (kind == CXCursor_MemberRefExpr && cursor_children(c, &kids) == 1)
            c = unwrapped(kids[0]);
        else
            break;
    }
    return clang_getCursorKind(c) == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(c), decl);
}

/* Whether c is `A = E` whose target A is an element of the variable the effect, an assignment
 * to an element of it inside E, writes (`t[0] = t[1] = 0.0`): A is only written, and were it
 * the same element, both stores would store E's value, in either order. Its array is read
 * only for the address: no use of the variable to order against the effect. */
static bool stores_element_beside(Uses *u, CXCursor c, CXCursor *kids) {
    CXCursor *effect_kids;
    SrcLoc nowhere = {0};
    const char *op = clang_getCursorKind(c) == CXCursor_BinaryOperator ? binary_operator_of(&u->lw->ops, c, nowhere)
                                                                       : NULL;
    return op && strcmp(op, "=") == 0 && element_of(kids[0], u->decl) &&
           cursor_children(u->effect, &effect_kids) == 2 && element_of(effect_kids[0], u->decl);
}

/* The uses of u->decl in c; once c holds the effect (*holds_effect), 0: the uses it holds are
 * settled, each against the effect, at the operator where the two meet. */
static int uses_outside_effect(Uses *u, CXCursor c, bool *holds_effect) {
    *holds_effect = same_node(c, u->effect);
    if (*holds_effect) /* its operands are read before it writes */
        return 0;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
        return clang_equalCursors(clang_getCursorReferenced(c), u->decl);
    CXCursor read[MEMBER_PATH_MAX];
    int read_len = clang_getCursorKind(c) == CXCursor_MemberRefExpr ? member_path(c, u->decl, false, read) : 0;
    if (read_len > 0 && paths_part(read, read_len, u->written, u->written_len))
        return 0; /* another member than the effect writes (`s->a = s->b = 0`, `s.v[s.n++]`) */
    CXCursor *kids;
    int n = cursor_children(c, &kids), uses = 0;
    bool below = false;
    for (int i = 0; i < n; i++) {
        bool here;
        int k = uses_outside_effect(u, kids[i], &here);
        uses += here ? 0 : k;
        below |= here;
    }
    if (below && uses > 0 && n == 2 && stores_element_beside(u, c, kids))
        uses--; /* the target's own array */
    if (below && uses > 0 && !sequences_operands(u->lw, c))
        u->unordered = true;
    *holds_effect = below;
    return below ? 0 : uses;
}

/* Refuses effect c on v if the statement being lowered uses v where C leaves the order of
 * the two unspecified. */
static bool refuse_unordered(Lowering *lw, CXCursor c, const Var *v) {
    if (same_node(c, lw->statement)) /* the whole statement: nothing else in it */
        return false;
    for (int i = 0; v && i < lw->vars_cap; i++)
        if (lw->vars[i].var == v) {
            Uses u = {lw, c, lw->vars[i].decl, {{0}}, 0, false};
            CXCursor *kids;
            if (cursor_children(c, &kids) >= 1)
                u.written_len = member_path(kids[0], u.decl, true, u.written);
            bool found;
            uses_outside_effect(&u, lw->statement, &found);
            if (!u.unordered)
                return false;
            error_at(cursor_loc(c), "'%s' is modified and used again in the same statement, in an order "
                     "C leaves unspecified; split the statement", v->name);
            lw->errors++;
            return true;
        }
    return false;
}

/* The lvalue target as an expression, if reading it runs nothing (no call to hoist). */
static Expr *pure_lvalue(Lowering *lw, CXCursor target) {
    Stmt *hoisted;
    Expr *e = lower_apart(lw, target, &hoisted);
    return hoisted ? unsupported(lw, target, "a side effect on an lvalue that calls a function") : e;
}

static Expr *hoist_effect(Lowering *lw, CXCursor c, CXCursor target, Stmt *effect, bool value_before) {
    if (!effect)
        return NULL;
    Expr *value = pure_lvalue(lw, target);
    Var *root = value ? expr_root_var(value) : NULL;
    if (!value)
        return NULL;
    if (refuse_unordered(lw, c, root))
        return NULL;
    const char *base = ir_format("%s_%s", root ? root->name : "value", value_before ? "old" : "new");
    if (!value_before)
        add_pending(lw, effect);
    Stmt *decl = hoisted_decl(lw, base, value->type, value->loc);
    decl->rhs = value;
    if (value_before)
        add_pending(lw, effect);
    return expr_var(decl->var, value->loc);
}

/* c without the parentheses and implicit conversions libclang wraps around it. */
static CXCursor unwrapped(CXCursor c) {
    CXCursor *kids;
    while ((clang_getCursorKind(c) == CXCursor_UnexposedExpr || clang_getCursorKind(c) == CXCursor_ParenExpr) &&
           cursor_children(c, &kids) == 1)
        c = kids[0];
    return c;
}

static Stmt *conditional_into(Lowering *lw, CXCursor *kids, Var *v, SrcLoc loc);

/* `v = c;` for a branch c of a ?: lowered into v. A branch that is itself a ?: of v's type
 * assigns v in place: a chain of ?: becomes an else-if chain, with one variable. */
static Stmt *assign_branch(Lowering *lw, CXCursor c, Var *v) {
    CXCursor inner = unwrapped(c), *kids;
    if (clang_getCursorKind(inner) == CXCursor_ConditionalOperator && cursor_children(inner, &kids) == 3) {
        SrcLoc loc = cursor_loc(inner);
        Type *type = expr_type(lw, inner, loc);
        if (!type)
            return NULL;
        if (type->kind == v->type->kind)
            return conditional_into(lw, kids, v, loc);
    }
    Expr *value = lower_expr(lw, c);
    return value ? assign_to(lw, v, value) : NULL;
}

/* `if (cond) v = a; else v = b;` for the operands (kids) of a ?:. What a branch hoists (a
 * nested ?:, a call) stays inside that branch, so it too runs only when chosen. */
static Stmt *conditional_into(Lowering *lw, CXCursor *kids, Var *v, SrcLoc loc) {
    Stmt *branch = stmt_new(lw->fn, ST_IF, loc);
    if (!(branch->cond = lower_expr(lw, kids[0])))
        return NULL;
    Stmt *outer = lw->pending, *set[2];
    Stmt **arms[2] = {&branch->then, &branch->els};
    for (int k = 0; k < 2; k++) {
        lw->pending = NULL;
        set[k] = assign_branch(lw, kids[1 + k], v);
        *arms[k] = lw->pending ? lw->pending : stmt_new(lw->fn, ST_BLOCK, loc);
        if (set[k])
            block_append(*arms[k], set[k]);
    }
    lw->pending = outer;
    return set[0] && set[1] ? branch : NULL;
}

/* A ?: that stays an expression (in a condition, or of integer type): nothing may be hoisted
 * out of its branches (an effect, a call), where it would run whether its branch is chosen or not. */
static Expr *kept_conditional(Lowering *lw, CXCursor c, CXCursor *kids, Type *type, SrcLoc loc) {
    Expr *e = expr_new(EX_COND, type, loc);
    if (!(e->cond = lower_expr(lw, kids[0])))
        return NULL;
    Stmt *in_lhs, *in_rhs;
    e->lhs = lower_apart(lw, kids[1], &in_lhs);
    e->rhs = lower_apart(lw, kids[2], &in_rhs);
    if (!e->lhs || !e->rhs)
        return NULL;
    return in_lhs || in_rhs ? unsupported(lw, c, "a side effect, a call to a user function or a compound literal inside a branch of a ?: of integer or pointer type or in a condition") : e;
}

/* `c ? a : b` of floating or struct type becomes `if (c) v = a; else v = b;` before the
 * statement, so that only the chosen operand is evaluated (and differentiated). */
static Expr *lower_conditional(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    SrcLoc loc = cursor_loc(c);
    Type *type = expr_type(lw, c, loc);
    if (!type || cursor_children(c, &kids) != 3)
        return type ? unsupported(lw, c, "this conditional expression") : NULL;
    if (lw->in_condition || !(type_is_floating(type) || type->kind == TY_STRUCT))
        return kept_conditional(lw, c, kids, type, loc);
    Var *v = hoisted_decl(lw, "cond_value", type, loc)->var;
    Stmt *branch = conditional_into(lw, kids, v, loc);
    if (!branch)
        return NULL;
    add_pending(lw, branch);
    return expr_var(v, loc);
}

CXCursor lower_definition_of(FrontEnd **owner, CXCursor callee, const char *name) {
    CXCursor def = clang_getCursorDefinition(callee);
    if (!clang_Cursor_isNull(def) || clang_Cursor_getStorageClass(callee) == CX_SC_Static)
        return def;
    FrontEnd *units = (*owner)->units;
    for (int u = 0; u < (*owner)->nunits; u++)
        for (int i = 0; i < units[u].ndefs; i++)
            if (strcmp(units[u].defs[i].name, name) == 0) {
                *owner = &units[u];
                return units[u].defs[i].cursor;
            }
    return def;
}

static FindVerdict is_global(const Expr *e, const void *ctx) {
    (void)ctx;
    return e->kind == EX_VAR && e->var->kind == VAR_GLOBAL ? FIND_FOUND : FIND_INSIDE;
}

/* Whether e reads the memory of a pointer argument of call (h(y, y[m - 1]), h(a, &a)). */
static bool reads_argument_memory(const Expr *call, const Expr *e) {
    if (!e || e->kind == EX_NUM)
        return false;
    if (call->callee && expr_find(e, is_global, NULL)) /* the program's function may write the global */
        return true;
    for (int j = 0; j < call->nargs; j++) {
        const Expr *p = call->args[j];
        bool writable = type_target_writable(p->type);
        Var *root = writable ? expr_root_var(p) : NULL;
        if (root && p != e && (expr_mentions(e, root) || expr_reads_memory(e)))
            return true;
    }
    return false;
}

/* An argument read from memory the call may write is read into a variable of its own before
 * the call: the backward sweep needs the value it had then (it read y[m - 1] after the call
 * had changed y, and a after h(a, &a) had: silently wrong adjoints). Any read of memory counts
 * when the call is given memory to write: a pointer may alias it (difftest seed 950745:
 * h = f + k; g(f, h[0]) read h[0] after g had written f[0]). Integer arguments too: an index
 * read again after the call (g(cnt, x, cnt[0]) with g setting cnt[0], or g(x, gk) with g
 * setting the global gk) pointed the callee's backward sweep at another element. */
static void read_arguments_first(Lowering *lw, Expr *call) {
    for (int i = 0; i < call->nargs; i++) {
        Expr *arg = call->args[i];
        if (!(type_is_floating(arg->type) || arg->type->kind == TY_INT) || !reads_argument_memory(call, arg))
            continue;
        Stmt *decl = hoisted_decl(lw, ir_format("%s_arg", call->callee->params[i]->name), arg->type, arg->loc);
        decl->rhs = arg;
        call->args[i] = expr_var(decl->var, arg->loc);
    }
}

/* Lowers the arguments of call c after the first of e's (a dispatch's pointer). */
static bool lower_arguments(Lowering *lw, CXCursor c, Expr *e) {
    int n = clang_Cursor_getNumArguments(c), first = e->nargs;
    Expr **args = ir_alloc(sizeof(Expr *) * (size_t)(first + n + 1));
    if (first)
        memcpy(args, e->args, sizeof(Expr *) * (size_t)first);
    e->args = args;
    bool in_condition = lw->in_condition;
    lw->in_condition = false; /* an argument's ?: is hoisted before the call, in its order */
    for (int i = 0; i < n && e->nargs == first + i; i++)
        if ((e->args[e->nargs] = lower_expr(lw, clang_Cursor_getArgument(c, i))))
            e->nargs++;
    lw->in_condition = in_condition;
    return e->nargs == first + n;
}

/* A pointer argument to floating data chosen by ?: in call c of a function adc differentiates
 * (`g(c ? &u : &v)`, `g(c ? a : b)`; its arguments from first on are c's): adc follows
 * derivatives by the variable a pointer points into, so it refuses it rather than take the
 * argument for inactive. */
static bool pointer_argument_chosen(Lowering *lw, CXCursor c, const Expr *call, int first) {
    for (int i = first; i < call->nargs; i++) {
        const Expr *bare = expr_without_casts(call->args[i]);
        if (bare->kind == EX_COND && bare->type->kind == TY_PTR && type_has_floating(bare->type->base)) {
            error_at(cursor_loc(clang_Cursor_getArgument(c, (unsigned)(i - first))), "adc cannot tell which variable "
                     "this pointer argument points into (it is chosen by ?:); make the call in each branch of an "
                     "if/else");
            lw->errors++;
            return true;
        }
    }
    return false;
}

/* A call through a function pointer: a call of the dispatch function for its type, given the
 * pointer first (lower_fnptr.c). */
static Expr *lower_indirect_call(Lowering *lw, CXCursor c, SrcLoc loc) {
    CXCursor *kids;
    if (cursor_children(c, &kids) < 1)
        return unsupported(lw, c, "this call");
    Expr *target = lower_expr(lw, kids[0]);
    Type *type = target ? expr_type(lw, c, loc) : NULL;
    if (!type)
        return NULL;
    if (target->type->kind != TY_FUNCPTR)
        return unsupported(lw, c, "this call");
    if (expr_has_call(target)) { /* pick(k)(x): the pointer is had once, then passed around */
        Stmt *decl = hoisted_decl(lw, "target", target->type, loc);
        decl->rhs = target;
        target = expr_var(decl->var, loc);
    }
    Var *root = expr_root_var(target);
    const char *pointer_name = target->kind == EX_MEMBER ? target->text : root ? root->name : "target";
    Expr *e = expr_new(EX_CALL, type, loc);
    if (!(e->callee = fnptr_dispatch(lw->fe, clang_getCursorType(kids[0]), target->type, pointer_name, loc))) {
        lw->errors++;
        return NULL;
    }
    e->text = e->callee->name;
    e->args = &target;
    e->nargs = 1;
    if (!lower_arguments(lw, c, e) || pointer_argument_chosen(lw, c, e, 1))
        return NULL;
    read_arguments_first(lw, e);
    return e;
}

/* A math function that also stores through its last argument p (frexp, modf, remquo) stores
 * into a variable of its own, and a statement after the call copies that into *p, so that
 * every analysis sees the write; the call's value is taken into a variable first:
 *     m = frexp(x, &e);  ->  int e_part;  double frexp_value = frexp(x, &e_part);  e = e_part;  m = frexp_value;
 * The value's derivatives are mathfn.c's. What is stored (an exponent, trunc(x), a quotient's
 * bits) comes from no active value: *p gets derivative 0, as C's function gives it. */
static Expr *store_apart(Lowering *lw, CXCursor c, Expr *call) {
    Expr *p = call->args[call->nargs - 1];
    Var *root = expr_root_var(p);
    if (!p->type->base) /* modf(x, 0) */
        return unsupported(lw, c, ir_format("this call of '%s'", call->text));
    if (refuse_unordered(lw, c, root))
        return NULL;
    Expr *target = p->kind == EX_ADDR ? p->lhs : expr_new(EX_DEREF, p->type->base, p->loc);
    if (p->kind != EX_ADDR)
        target->lhs = p;
    Stmt *part = hoisted_decl(lw, ir_format("%s_part", root ? root->name : "stored"), target->type, p->loc);
    Expr *address = expr_new(EX_ADDR, type_pointer_to(target->type), p->loc);
    address->lhs = expr_var(part->var, p->loc);
    call->args[call->nargs - 1] = address;
    Stmt *value = hoisted_decl(lw, ir_format("%s_value", call->math->name), call->type, call->loc);
    value->rhs = call;
    Stmt *store = stmt_new(lw->fn, ST_ASSIGN, call->loc);
    store->lhs = target;
    store->rhs = expr_var(part->var, p->loc);
    add_pending(lw, store);
    return expr_var(value->var, call->loc);
}

static Expr *lower_call(Lowering *lw, CXCursor c) {
    SrcLoc loc = cursor_loc(c);
    CXCursor callee = fnptr_direct_callee(c);
    if (clang_Cursor_isNull(callee))
        return lower_indirect_call(lw, c, loc);
    const char *name = cx_string(clang_getCursorSpelling(callee));
    if (strcmp(name, "setjmp") == 0 || strcmp(name, "longjmp") == 0 || strcmp(name, "_setjmp") == 0)
        return unsupported(lw, c, "setjmp/longjmp");
    Type *type = expr_type(lw, c, loc);
    if (!type)
        return NULL;
    Expr *e = expr_new(EX_CALL, type, loc);
    e->text = name;
    char suffix = '\0'; /* sinf, sinl */
    bool defined_here = !clang_Cursor_isNull(clang_getCursorDefinition(callee)); /* `omp` has omp_forward */
    if (strncmp(name, "omp_", 4) == 0 && !defined_here) /* thread numbers and counts would steer the values */
        return unsupported(lw, c, ir_format("a call to the OpenMP runtime ('%s')", name));
    if (strncmp(name, "adc_mpi_", 8) == 0) /* derivative code that communicates: not differentiated again */
        return unsupported(lw, c, ir_format("a call to libadc_mpi ('%s')", name));
    /* libadc, in adc's own output: opaque but for the tape and adc_digamma (a partial of lgamma) */
    bool runtime_math = strncmp(name, "adc_", 4) == 0 && mathfn_lookup(name, &suffix);
    if (strncmp(name, "adc_", 4) == 0 && !runtime_math)
        e->tape_op = strcmp(name, "adc_push_double") == 0 ? TAPE_PUSH_DOUBLE
                   : strcmp(name, "adc_pop_double") == 0  ? TAPE_POP_DOUBLE
                   : strcmp(name, "adc_tape_push_bytes") == 0 ? TAPE_PUSH_BYTES
                   : strcmp(name, "adc_tape_pop_bytes") == 0 ? TAPE_POP_BYTES
                   : strcmp(name, "adc_push_ptr") == 0 ? TAPE_PUSH_PTR
                   : strcmp(name, "adc_pop_ptr") == 0 ? TAPE_POP_PTR : TAPE_OTHER;
    if (!lower_arguments(lw, c, e))
        return NULL;
    int n = e->nargs;
    FrontEnd *owner = lw->fe;
    CXCursor def = lower_definition_of(&owner, callee, name);
    /* The runtime's inline code is not lowered, nor a C library's inline memcpy
     * (_FORTIFY_SOURCE): lower_memory.c knows what it does. */
    if (!e->tape_op && !runtime_math && !mathfn_memory(name) && !clang_Cursor_isNull(def)) {
        if (clang_Cursor_isVariadic(def))
            return unsupported(lw, c, "a call to a variadic user function");
        if (!(e->callee = lower_function(owner, def)) || pointer_argument_chosen(lw, c, e, 0))
            return NULL;
    } else if (!e->tape_op && (e->math = mathfn_lookup(name, &suffix)) && e->math->nargs != n) {
        e->math = NULL;
    } else if (!e->tape_op && !e->math && (e->mpi = mpifn_lookup(name)) && e->mpi->nargs == n) {
        e->spelled = ir_alloc(sizeof(char *) * (size_t)n);
        for (int i = 0; i < n; i++)
            e->spelled[i] = first_token(lw->fe->tu, clang_Cursor_getArgument(c, i));
    } else {
        e->mpi = NULL;
    }
    if (!e->callee && !e->math && !e->tape_op && clang_getCursorType(callee).kind == CXType_FunctionProto)
        lower_declare_function(lw->fe, callee); /* `extern int count(int);`, defined elsewhere */
    if (e->math) /* the math.h spelling, also for __builtin_sin */
        e->text = ir_format("%s%.1s", e->math->name, &suffix);
    if (e->math && e->math->stores)
        return store_apart(lw, c, e);
    if (e->callee)
        read_arguments_first(lw, e);
    return e;
}

/* What an expression adc does not lower is called in C. */
static const char *expression_name(enum CXCursorKind kind) {
    switch (kind) {
    case CXCursor_StmtExpr: return "a statement expression ({ ... })";
    case CXCursor_GenericSelectionExpr: return "_Generic";
    case CXCursor_AddrLabelExpr: return "the address of a label";
    default: return "this expression";
    }
}

/* An integer constant expression libclang shows no node for (offsetof): its value. */
static Expr *integer_constant(Lowering *lw, CXCursor c) {
    SrcLoc loc = cursor_loc(c);
    CXEvalResult r = clang_Cursor_Evaluate(c);
    bool integer = clang_EvalResult_getKind(r) == CXEval_Int;
    long long value = integer ? clang_EvalResult_getAsLongLong(r) : 0;
    clang_EvalResult_dispose(r);
    Type *type = integer ? expr_type(lw, c, loc) : NULL;
    if (!type || type->kind != TY_INT)
        return unsupported(lw, c, expression_name(clang_getCursorKind(c)));
    Expr *e = expr_new(EX_NUM, type, loc);
    e->text = ir_format("%lld", value);
    return e;
}

/* The variable-length array a run-time sizeof names (`sizeof a`, `sizeof(a)`), or its row with
 * a literal index (`sizeof a[0]`), or NULL: its size comes from a's type alone, so `sizeof(a)`
 * means the same wherever adc declares a. */
static Expr *sized_vla(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 1)
        return NULL;
    Stmt *pending = lw->pending;
    Expr *operand = lower_expr(lw, kids[0]);
    const Expr *array = operand && operand->kind == EX_INDEX && operand->rhs->kind == EX_NUM ? operand->lhs : operand;
    bool named = array && array->kind == EX_VAR && operand->type->kind == TY_ARRAY && type_has_vla(operand->type);
    return named && lw->pending == pending ? operand : NULL;
}

/* sizeof and _Alignof: an integer constant, or the size of a variable-length array or of its
 * row `a[0]`. */
static Expr *lower_sizeof(Lowering *lw, CXCursor c) {
    SrcLoc loc = cursor_loc(c);
    Expr *e = expr_new(EX_SIZEOF, expr_type(lw, c, loc), loc);
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (r && clang_EvalResult_getKind(r) == CXEval_Int)
        e->text = ir_format("%lld", clang_EvalResult_getAsLongLong(r));
    if (r)
        clang_EvalResult_dispose(r);
    if (!e->text && !(e->lhs = sized_vla(lw, c)))
        return unsupported(lw, c, "sizeof of a variable-length array other than one named alone (`sizeof a`, `sizeof a[0]`)");
    return e->type ? e : NULL;
}

static Expr *lower_expr_kind(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    switch (clang_getCursorKind(c)) {
    case CXCursor_UnexposedExpr:
    case CXCursor_ParenExpr:
        if (cursor_children(c, &kids) != 1)
            return integer_constant(lw, c);
        return refuse_pointer_pun(lw, c, kids[0]) ? NULL : lower_expr(lw, kids[0]);
    case CXCursor_IntegerLiteral: case CXCursor_FloatingLiteral: case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
        return lower_literal(lw, c);
    case CXCursor_UnaryExpr: return lower_sizeof(lw, c);
    case CXCursor_DeclRefExpr: return lower_decl_ref(lw, c);
    case CXCursor_UnaryOperator: return lower_unary(lw, c);
    case CXCursor_BinaryOperator: return lower_binary(lw, c);
    case CXCursor_CompoundAssignOperator: {
        CXCursor *kids;
        return cursor_children(c, &kids) == 2 ? hoist_effect(lw, c, kids[0], lower_expr_stmt(lw, c), false)
                                              : unsupported(lw, c, "this assignment");
    }
    case CXCursor_ConditionalOperator: return lower_conditional(lw, c);
    case CXCursor_ArraySubscriptExpr: return access_known(lw, c, lower_children_as(lw, c, EX_INDEX));
    case CXCursor_MemberRefExpr: return lower_member(lw, c);
    case CXCursor_CStyleCastExpr: return lower_cast(lw, c);
    case CXCursor_InitListExpr: return lower_init_list(lw, c);
    case CXCursor_CompoundLiteralExpr: return lower_compound_literal(lw, c);
    case CXCursor_CallExpr: {
        Expr *call = lower_call(lw, c);
        return call && call->callee ? hoist_call(lw, call, call->loc) : call;
    }
    default:
        return unsupported(lw, c, expression_name(clang_getCursorKind(c)));
    }
}

Expr *lower_expr(Lowering *lw, CXCursor c) {
    return lower_expr_kind(lw, c);
}

/* Lowers a right-hand side: a user call there stays in place (the derivative of its result
 * goes straight to the target) unless C converts its result (`float v = g(x)` with g returning
 * double): then it is hoisted, and the conversion happens in an ordinary assignment. */
static Expr *lower_rhs(Lowering *lw, CXCursor c) {
    CXCursor call = unwrapped(c);
    bool converted = clang_getCanonicalType(clang_getCursorType(c)).kind !=
                     clang_getCanonicalType(clang_getCursorType(call)).kind;
    return clang_getCursorKind(call) == CXCursor_CallExpr && !converted ? lower_call(lw, call) : lower_expr(lw, c);
}

/* ---- statements ---- */

Stmt *block_of(Lowering *lw, Stmt *s, SrcLoc loc) {
    if (s && s->kind == ST_BLOCK)
        return s;
    Stmt *b = stmt_new(lw->fn, ST_BLOCK, loc);
    if (s)
        block_append(b, s);
    return b;
}

/* An assignment to floating data (or a pointer) whose target is no variable's memory (`*g(x) =
 * e`; one chosen by ?: is refused as it is lowered, access_known): adc follows derivatives by
 * the variable a target is in, so it refuses it rather than drop the derivative. */
static bool target_unknown(Lowering *lw, CXCursor lhs_c, const Expr *lhs) {
    if (expr_root_var(lhs) || !(type_has_floating(lhs->type) || lhs->type->kind == TY_PTR))
        return false;
    error_at(cursor_loc(lhs_c), "adc cannot tell which variable this assignment writes (its target is returned "
             "by a call); write the assignment to each target in an if/else");
    lw->errors++;
    return true;
}

static Stmt *assignment(Lowering *lw, CXCursor c, Op op, CXCursor lhs_c, Expr *rhs) {
    Expr *lhs = lower_expr(lw, lhs_c);
    if (!lhs || !rhs || target_unknown(lw, lhs_c, lhs))
        return NULL;
    Stmt *s = stmt_new(lw->fn, ST_ASSIGN, cursor_loc(c));
    s->lhs = lhs;
    s->op = op;
    s->rhs = rhs;
    return s;
}

static Stmt *lower_increment(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    const char *op = unary_operator(lw, c);
    if (!op || cursor_children(c, &kids) != 1)
        return NULL;
    if (strcmp(op, "++") != 0 && strcmp(op, "--") != 0) {
        lower_expr(lw, c); /* an expression with no effect: check it, then drop it */
        return stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
    }
    return assignment(lw, c, op[0] == '+' ? OP_ADD : OP_SUB, kids[0], expr_int(1, cursor_loc(c)));
}

/* s, the statement of effect c (NULL when refused), unless the statement c is in uses what c
 * writes where C leaves their order open (`s = s++ + 1.0;` or, c being the left operand of a
 * comma, `y = s + (s = 1.0, 2.0)`). */
static Stmt *ordered(Lowering *lw, CXCursor c, Stmt *s) {
    return s && s->kind == ST_ASSIGN && refuse_unordered(lw, c, expr_root_var(s->lhs)) ? NULL : s;
}

/* An expression used as a statement: assignments, increments, calls, comma lists. */
static Stmt *lower_expr_stmt(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    switch (clang_getCursorKind(c)) {
    case CXCursor_BinaryOperator: {
        const char *op = n == 2 ? binary_operator(lw, c, cursor_loc(kids[0])) : NULL;
        if (!op)
            return NULL;
        if (strcmp(op, "=") == 0)
            return ordered(lw, c, assignment(lw, c, OP_NONE, kids[0], lower_rhs(lw, kids[1])));
        if (strcmp(op, ",") == 0) { /* the first runs (with what it hoists) before the second */
            Stmt *first = lower_expr_stmt(lw, kids[0]);
            if (!first)
                return NULL;
            add_pending(lw, first);
            return lower_expr_stmt(lw, kids[1]);
        }
        break;
    }
    case CXCursor_CompoundAssignOperator: {
        const char *op = n == 2 ? binary_operator(lw, c, cursor_loc(kids[0])) : NULL;
        if (!op)
            return NULL;
        char bare[3] = {op[0], op[1] == '=' ? '\0' : op[1], '\0'};
        return ordered(lw, c, assignment(lw, c, binary_op(bare), kids[0], lower_expr(lw, kids[1])));
    }
    case CXCursor_UnaryOperator:
        if (n == 1 && clang_getCursorKind(unwrapped(kids[0])) == CXCursor_StmtExpr) /* __extension__ ({ ... }) */
            return lower_expr_stmt(lw, kids[0]);
        return ordered(lw, c, lower_increment(lw, c));
    case CXCursor_StmtExpr: /* ({ ... }) whose value is dropped (assert): its statements, as a block */
        return n == 1 ? lower_stmt(lw, kids[0]) : NULL;
    case CXCursor_CallExpr: {
        Expr *call = lower_call(lw, c);
        if (!call || call->kind != EX_CALL) /* frexp(x, &e); ran before (store_apart) */
            return call ? stmt_new(lw->fn, ST_BLOCK, cursor_loc(c)) : NULL;
        Stmt *loop = lower_memory_call(lw->fn, call);
        if (loop)
            return loop;
        Stmt *s = stmt_new(lw->fn, ST_CALL, cursor_loc(c));
        s->rhs = call;
        return s;
    }
    case CXCursor_UnexposedExpr: case CXCursor_ParenExpr: case CXCursor_CStyleCastExpr:
        if (n == 1 || clang_getCursorKind(c) == CXCursor_CStyleCastExpr)
            return lower_expr_stmt(lw, kids[n - 1]);
        break;
    default:
        break;
    }
    if (!lower_expr(lw, c)) /* no effect (e.g. `(void)x;`): check it, then drop it */
        return NULL;
    return stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
}

/* The declarators of a declaration in turn, each after what its initializer hoists (the end of
 * a declarator is a sequence point). */
static Stmt *lower_decl_stmt(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    Stmt *block = stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
    for (int i = 0; i < n; i++) {
        if (clang_getCursorKind(kids[i]) != CXCursor_VarDecl)
            continue;
        bool is_static = clang_Cursor_getStorageClass(kids[i]) == CX_SC_Static;
        Var *v = declare_var(lw, kids[i], VAR_LOCAL);
        if (!v)
            return NULL;
        v->is_static_const = is_static; /* a non-const one: check_static_locals */
        Stmt *s = stmt_new(lw->fn, ST_DECL, cursor_loc(kids[i]));
        s->var = v;
        CXCursor init = clang_Cursor_getVarDeclInitializer(kids[i]);
        if (!clang_Cursor_isNull(init) && !(s->rhs = lower_rhs(lw, init)))
            return NULL;
        for (int j = 0; lw->pending && j < lw->pending->nbody; j++) /* `double a = s, b = s++;` */
            block_append(block, lw->pending->body[j]); /* what it hoisted runs right before it */
        lw->pending = NULL;
        block_append(block, s);
    }
    return block->nbody == 1 ? block->body[0] : block;
}

/* The parts of `for (init; cond; step) body`: libclang omits absent parts. With all three or
 * none there, the children are the parts in order; otherwise they are told apart by their
 * position relative to the two semicolons of the header, which must then be written in the
 * file: a for keyword from a macro (`#define FOR_EACH for (i = 0; i < n; i++) {`) has all its
 * children at the macro's name, so a header there that leaves a part out is refused. */
static int split_for(Lowering *lw, CXCursor c, CXCursor parts[4], bool present[4]) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    if (n < 1)
        return -1;
    for (int i = 0; i < 4; i++)
        present[i] = false;
    parts[3] = kids[n - 1];
    present[3] = true;
    int nheader = n - 1;
    if (nheader == 0 || nheader == 3) {
        for (int i = 0; i < nheader; i++) {
            parts[i] = kids[i];
            present[i] = true;
        }
        return 0;
    }
    if (in_macro(lw, c))
        return -1;
    CXToken *tokens;
    unsigned ntok;
    clang_tokenize(lw->fe->tu, clang_getCursorExtent(c), &tokens, &ntok);
    unsigned semi[2] = {0, 0};
    int found = 0, depth = 0;
    for (unsigned i = 0; i < ntok && found < 2; i++) {
        const char *s = cx_string(clang_getTokenSpelling(lw->fe->tu, tokens[i]));
        depth += (strcmp(s, "(") == 0) - (strcmp(s, ")") == 0);
        if (depth == 1 && strcmp(s, ";") == 0)
            clang_getExpansionLocation(clang_getTokenLocation(lw->fe->tu, tokens[i]), NULL, NULL, NULL,
                                       &semi[found++]);
    }
    clang_disposeTokens(lw->fe->tu, tokens, ntok);
    if (found != 2)
        return -1;
    for (int i = 0; i < nheader; i++) {
        unsigned offset;
        clang_getExpansionLocation(clang_getCursorLocation(kids[i]), NULL, NULL, NULL, &offset);
        int slot = offset < semi[0] ? 0 : offset < semi[1] ? 1 : 2;
        if (present[slot])
            return -1;
        parts[slot] = kids[i];
        present[slot] = true;
    }
    return 0;
}

/* Lowers condition c; what it hoists (its calls, in C's order of evaluation) goes to
 * *hoisted, NULL when nothing: an if runs it before the test, a loop on each trip
 * (test_each_trip). */
static Expr *lower_cond(Lowering *lw, CXCursor c, Stmt **hoisted) {
    CXCursor outer_statement = lw->statement; /* the condition is a full expression of its own */
    lw->statement = c;
    lw->in_condition = true;
    Expr *e = lower_apart(lw, c, hoisted);
    lw->in_condition = false;
    lw->statement = outer_statement;
    return e;
}

/* Whether s holds a continue of the loop around it (not of a loop inside s). */
static bool continues(const Stmt *s) {
    if (!s || s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO)
        return false;
    if (s->kind == ST_CONTINUE)
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (continues(s->body[i]))
            return true;
    return continues(s->then) || continues(s->els);
}

/* Loop s whose condition hoisted statements: they run on every trip, then the test, as
 * `while (1) { hoisted; if (!(cond)) break; body }` (for keeps its init and step, which a
 * continue still reaches; a do-while tests at the bottom of its body). */
static Stmt *test_each_trip(Lowering *lw, Stmt *s, Stmt *hoisted) {
    Stmt *leave = stmt_new(lw->fn, ST_IF, s->loc), *trip = stmt_new(lw->fn, ST_BLOCK, s->loc);
    leave->cond = expr_new(EX_UNARY, s->cond->type, s->loc);
    leave->cond->op = OP_NOT;
    leave->cond->lhs = s->cond;
    leave->then = stmt_new(lw->fn, ST_BLOCK, s->loc);
    block_append(leave->then, stmt_new(lw->fn, ST_BREAK, s->loc));
    if (s->kind == ST_DO)
        block_append(trip, s->then);
    for (int i = 0; i < hoisted->nbody; i++) /* in one block with the test, which reads them */
        block_append(trip, hoisted->body[i]);
    block_append(trip, leave);
    if (s->kind != ST_DO)
        block_append(trip, s->then);
    s->kind = s->kind == ST_DO ? ST_WHILE : s->kind;
    s->cond = expr_int(1, s->loc);
    s->then = trip;
    return s;
}

/* The snapshot count of an ADC_CHECKPOINT(n) written right before the loop c, or 0. */
static int checkpoint_of(Lowering *lw, CXCursor c) {
    CXFile file;
    unsigned begin;
    clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)), &file, NULL, NULL, &begin);
    size_t size;
    const char *text = clang_getFileContents(lw->fe->tu, file, &size);
    for (int i = 0; text && i < lw->fe->nmarks; i++) {
        const CheckpointMark *m = &lw->fe->marks[i];
        if (!clang_File_isEqual(m->file, file) || m->end > begin)
            continue;
        unsigned k = m->end;
        while (k < begin && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'))
            k++;
        if (k == begin)
            return m->snapshots;
    }
    return 0;
}

/* A clause's variable: the one of that source name the loop uses (its name may have been
 * renamed, x_2 for an inner x). */
static int resolve_clause_var(void *ctx, const char *name, const Stmt *loop, Var **v) {
    Lowering *lw = ctx;
    *v = NULL;
    for (int i = 0; i < lw->vars_cap; i++) {
        VarEntry *e = &lw->vars[i];
        if (!e->var || *v == e->var || !stmt_mentions(loop, e->var) ||
            strcmp(cx_string(clang_getCursorSpelling(e->decl)), name) != 0)
            continue;
        if (*v)
            return -1;
        *v = e->var;
    }
    return 0;
}

/* The pragmas written right before the for loop c (pragma.c). */
static int read_loop_pragmas(Lowering *lw, CXCursor c, Stmt *s) {
    CXFile file;
    unsigned begin;
    clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)), &file, NULL, NULL, &begin);
    size_t size;
    const char *text = clang_getFileContents(lw->fe->tu, file, &size);
    return text ? pragma_read_loop(text, begin, s->loc, s, resolve_clause_var, lw) : 0;
}

/* ---- for headers ----
 * The derivative modes write a for header as it is, which holds integer and pointer updates
 * only. The other parts (an update of floating data, a call, what an expression hoists) leave
 * it, in their order: those of the init run before the loop, those of the step at the end of
 * the body (not when the body uses continue, which would skip them):
 *     for (i = 0, s = 0.0; i < n; i++, w *= 0.5) body
 *  -> s = 0.0;  for (i = 0; i < n; i++) { body  w *= 0.5; }
 * All parts leave when moving some alone would reorder them with a part that reads or writes
 * what they do. */

static void flatten_into(Stmt *list, Stmt *s) {
    if (s->kind != ST_BLOCK || s->scope) {
        block_append(list, s);
        return;
    }
    for (int i = 0; i < s->nbody; i++)
        flatten_into(list, s->body[i]);
}

/* The statements of header part c (init or step) in order, what they hoist first. */
static Stmt *header_parts(Lowering *lw, CXCursor c) {
    Stmt *s = lower_stmt(lw, c);
    if (!s)
        return NULL;
    Stmt *parts = stmt_new(lw->fn, ST_BLOCK, s->loc);
    flatten_into(parts, s);
    return parts;
}

/* Whether a header part may stay in the header: it sets integer data or a pointer to data
 * without derivatives, calling nothing. A pointer walking floating data (`for (p = x; p < end;
 * p++)`) moves with its derivative pointer, which the header has no room for. */
static bool stays_in_header(const Stmt *part) {
    const Type *t = part->kind == ST_ASSIGN ? part->lhs->type : part->kind == ST_DECL ? part->var->type : NULL;
    return t && !type_is_floating(t) && !(t->kind == TY_PTR && type_has_floating(t)) && !expr_has_call(part->rhs);
}

/* The variable header part p sets, or NULL. */
static Var *header_target(const Stmt *p) {
    return p->kind == ST_DECL ? p->var : p->kind == ST_ASSIGN ? expr_root_var(p->lhs) : NULL;
}

/* Whether the parts that leave can run before those that stay and came first: each one that
 * leaves is an assignment or declaration that neither uses what such a part sets nor sets what
 * it uses. */
static bool leaving_commutes(const Stmt *parts) {
    for (int i = 0; i < parts->nbody; i++) {
        const Stmt *stays = parts->body[i];
        for (int j = i + 1; j < parts->nbody && stays_in_header(stays); j++) {
            const Stmt *leaves = parts->body[j];
            Var *set = header_target(stays), *set_by_leaving = header_target(leaves);
            if (!stays_in_header(leaves) && (!set || !set_by_leaving || stmt_mentions(leaves, set) ||
                                             stmt_mentions(stays, set_by_leaving)))
                return false;
        }
    }
    return true;
}

/* Takes the parts that leave the header out of *parts (NULL when none stays), returns them as
 * a block (NULL: none). */
static Stmt *leave_header(Lowering *lw, Stmt **parts) {
    Stmt *list = *parts, *leaving = NULL;
    bool all = !leaving_commutes(list);
    int kept = 0;
    for (int i = 0; i < list->nbody; i++) {
        Stmt *p = list->body[i];
        if (!all && stays_in_header(p)) {
            list->body[kept++] = p;
            continue;
        }
        if (!leaving)
            leaving = stmt_new(lw->fn, ST_BLOCK, p->loc);
        block_append(leaving, p);
    }
    list->nbody = kept;
    *parts = kept == 0 ? NULL : kept == 1 ? list->body[0] : list;
    return leaving;
}

/* The step's parts that leave the header go to the end of s's body; with a continue in the
 * body, floating updates stay in the header (the tangent refuses them if they are active). */
static bool step_into_body(Lowering *lw, CXCursor c, Stmt *s) {
    if (!s->step)
        return true;
    if (continues(s->then)) {
        for (int i = 0; i < s->step->nbody; i++)
            if (s->step->body[i]->kind != ST_ASSIGN || expr_has_call(s->step->body[i]->rhs))
                return unsupported(lw, c, "a call or a side effect inside an expression in the step of a for "
                                   "loop whose body uses continue") != NULL;
        s->step = s->step->nbody == 1 ? s->step->body[0] : s->step;
        return true;
    }
    Stmt *leaving = leave_header(lw, &s->step);
    for (int i = 0; leaving && i < leaving->nbody; i++)
        block_append(s->then, leaving->body[i]);
    return true;
}

static Stmt *lower_for(Lowering *lw, CXCursor c) {
    CXCursor parts[4];
    bool present[4];
    if (split_for(lw, c, parts, present) != 0)
        return unsupported(lw, c, in_macro(lw, c) ? "a for header from a macro that leaves out its init, "
                                                    "condition or step" : "this for statement");
    Stmt *s = stmt_new(lw->fn, ST_FOR, cursor_loc(c));
    s->checkpoint = checkpoint_of(lw, c);
    if (present[0] && !(s->init = header_parts(lw, parts[0])))
        return NULL;
    Stmt *hoisted = NULL;
    if (present[1] && !(s->cond = lower_cond(lw, parts[1], &hoisted)))
        return NULL;
    if (present[2] && !(s->step = header_parts(lw, parts[2])))
        return NULL;
    if (!(s->then = lower_stmt(lw, parts[3])))
        return NULL;
    s->then = block_of(lw, s->then, s->loc);
    if ((lw->errors += read_loop_pragmas(lw, c, s)) != 0 || !step_into_body(lw, c, s))
        return NULL;
    Stmt *ahead = s->init ? leave_header(lw, &s->init) : NULL;
    Stmt *loop = hoisted ? test_each_trip(lw, s, hoisted) : s;
    if (!ahead)
        return loop;
    ahead->scope = true;
    block_append(ahead, loop);
    return ahead;
}

static Stmt *lower_if(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    if (n < 2)
        return unsupported(lw, c, "this if statement");
    Stmt *s = stmt_new(lw->fn, ST_IF, cursor_loc(c)), *hoisted;
    if (!(s->cond = lower_cond(lw, kids[0], &hoisted)) || !(s->then = lower_stmt(lw, kids[1])))
        return NULL;
    add_all_pending(lw, hoisted); /* placed before the if by lower_stmt */
    s->then = block_of(lw, s->then, s->loc);
    if (n > 2) {
        if (!(s->els = lower_stmt(lw, kids[2])))
            return NULL;
        s->els = block_of(lw, s->els, s->loc);
    }
    return s;
}

static Stmt *lower_loop(Lowering *lw, CXCursor c, StmtKind kind) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 2)
        return unsupported(lw, c, "this loop");
    Stmt *s = stmt_new(lw->fn, kind, cursor_loc(c)), *hoisted;
    int body = kind == ST_DO ? 0 : 1;
    if (!(s->cond = lower_cond(lw, kids[1 - body], &hoisted)) || !(s->then = lower_stmt(lw, kids[body])))
        return NULL;
    s->then = block_of(lw, s->then, s->loc);
    if (hoisted && kind == ST_DO && continues(s->then))
        return unsupported(lw, c, "a call or a side effect in the condition of a do-while loop whose body "
                           "uses continue");
    return hoisted ? test_each_trip(lw, s, hoisted) : s;
}

static Stmt *lower_return(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    Stmt *s = stmt_new(lw->fn, ST_RETURN, cursor_loc(c));
    if (cursor_children(c, &kids) == 1 && !(s->rhs = lower_expr(lw, kids[0])))
        return NULL;
    return s;
}

/* goto and labels lower to markers that goto_eliminate (goto.c) replaces once the whole body
 * is lowered. */
static Stmt *lower_goto(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 1)
        return unsupported(lw, c, "this goto");
    Stmt *s = stmt_new(lw->fn, ST_GOTO, cursor_loc(c));
    s->label = cx_string(clang_getCursorSpelling(kids[0]));
    return s;
}

/* Appends the label markers of c (label: label2: stmt) and the statement under them to block;
 * the markers stay in the block the labels are written in. */
static bool lower_labelled(Lowering *lw, CXCursor c, Stmt *block) {
    while (clang_getCursorKind(c) == CXCursor_LabelStmt) {
        CXCursor *kids;
        Stmt *mark = stmt_new(lw->fn, ST_LABEL, cursor_loc(c));
        mark->label = cx_string(clang_getCursorSpelling(c));
        block_append(block, mark);
        if (cursor_children(c, &kids) != 1)
            return unsupported(lw, c, "this label") != NULL;
        c = kids[0];
    }
    Stmt *s = lower_stmt(lw, c);
    if (s)
        block_append(block, s);
    return s != NULL;
}

static Stmt *lower_compound(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    int n = cursor_children(c, &kids);
    Stmt *block = stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
    block->scope = true;
    for (int i = 0; i < n; i++)
        if (!lower_labelled(lw, kids[i], block))
            return NULL;
    return block;
}

/* A statement with attributes (`#pragma unroll`, `#pragma nounroll`, `[[likely]]`): libclang
 * exposes only the statement under them, and the hints do not change what it computes. */
static Stmt *lower_attributed(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    if (cursor_children(c, &kids) != 1 || !clang_isStatement(clang_getCursorKind(kids[0])))
        return unsupported(lw, c, "this statement");
    return lower_stmt(lw, kids[0]);
}

static Stmt *lower_stmt_kind(Lowering *lw, CXCursor c) {
    switch (clang_getCursorKind(c)) {
    case CXCursor_CompoundStmt: return lower_compound(lw, c);
    case CXCursor_DeclStmt: return lower_decl_stmt(lw, c);
    case CXCursor_IfStmt: return lower_if(lw, c);
    case CXCursor_ForStmt: return lower_for(lw, c);
    case CXCursor_WhileStmt: return lower_loop(lw, c, ST_WHILE);
    case CXCursor_DoStmt: return lower_loop(lw, c, ST_DO);
    case CXCursor_ReturnStmt: return lower_return(lw, c);
    case CXCursor_BreakStmt: return stmt_new(lw->fn, ST_BREAK, cursor_loc(c));
    case CXCursor_ContinueStmt: return stmt_new(lw->fn, ST_CONTINUE, cursor_loc(c));
    case CXCursor_NullStmt: return stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
    case CXCursor_GotoStmt: return lower_goto(lw, c);
    case CXCursor_LabelStmt: {
        Stmt *b = stmt_new(lw->fn, ST_BLOCK, cursor_loc(c));
        return lower_labelled(lw, c, b) ? b : NULL;
    }
    case CXCursor_IndirectGotoStmt: return unsupported(lw, c, "a computed goto (goto *p)");
    case CXCursor_SwitchStmt: return lower_switch(lw, c);
    case CXCursor_CaseStmt: case CXCursor_DefaultStmt:
        return unsupported(lw, c, "a case label inside a statement nested in its switch");
    case CXCursor_GCCAsmStmt: case CXCursor_MSAsmStmt:
        return unsupported(lw, c, "inline assembly");
    case CXCursor_UnexposedStmt: return lower_attributed(lw, c);
    default:
        if (clang_isExpression(clang_getCursorKind(c)))
            return lower_expr_stmt(lw, c);
        return unsupported(lw, c, "this statement");
    }
}

/* Lowers one statement; statements hoisted out of it are placed before it in a block. */
Stmt *lower_stmt(Lowering *lw, CXCursor c) {
    Stmt *outer = lw->pending;
    CXCursor outer_statement = lw->statement;
    lw->pending = NULL;
    lw->statement = c;
    Stmt *s = lower_stmt_kind(lw, c);
    Stmt *hoisted = lw->pending;
    lw->pending = outer;
    lw->statement = outer_statement;
    if (!s || !hoisted)
        return s;
    block_append(hoisted, s);
    return hoisted;
}

/* ---- functions ---- */

static Func *find_func(Program *prog, const char *name) {
    for (int i = 0; i < prog->nfuncs; i++)
        if (strcmp(prog->funcs[i]->name, name) == 0)
            return prog->funcs[i];
    return NULL;
}

/* The elements of an array type counted as len(...) counts them: scalars (or structs) of all
 * its dimensions; 0 when a dimension is unknown (double x[]) or variable. */
static long array_count(const Type *t) {
    long count = 1;
    for (; t->kind == TY_ARRAY; t = t->base) {
        if (t->array_len <= 0)
            return 0;
        count *= t->array_len;
    }
    return count;
}

/* The same count as C text when some dimensions are variable ("(n) * (n)"), or NULL. */
static const char *array_count_text(const Type *t) {
    if (!type_has_vla(t))
        return NULL;
    const char *count = NULL;
    for (; t->kind == TY_ARRAY; t = t->base) {
        if (!t->vla_len && t->array_len <= 0)
            return NULL;
        const char *len = ir_format("(%s)", array_len_text(t));
        count = count ? ir_format("%s * %s", count, len) : len;
    }
    return count;
}

static int lower_params(Lowering *lw, CXCursor def) {
    Func *fn = lw->fn;
    int n = clang_Cursor_getNumArguments(def);
    if (clang_Cursor_isVariadic(def)) {
        error_at(fn->loc, "variadic function '%s' cannot be differentiated", fn->name);
        return -1;
    }
    fn->params = ir_alloc(sizeof(Var *) * (size_t)(n + 1));
    fn->wrt = ir_alloc(sizeof(bool) * (size_t)(n + 1));
    fn->len = ir_alloc(sizeof(char *) * (size_t)(n + 1));
    fn->row_len = ir_alloc(sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        Var *p = declare_var(lw, clang_Cursor_getArgument(def, i), VAR_PARAM);
        if (!p)
            return -1;
        if (p->type->kind == TY_ARRAY) { /* a parameter array is a pointer */
            p->declared_count = array_count(p->type);
            p->declared_len = array_count_text(p->type);
            p->type = type_pointer_to(p->type->base);
        }
        fn->params[fn->nparams++] = p;
    }
    return 0;
}

/* Every `#pragma omp` of the function def stands right before a for loop, or opens a region
 * of such loops (pragma.c). */
static int check_openmp(Lowering *lw, CXCursor def) {
    CXFile file;
    unsigned begin, end;
    CXSourceRange r = clang_getCursorExtent(def);
    clang_getExpansionLocation(clang_getRangeStart(r), &file, NULL, NULL, &begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &end);
    size_t size;
    const char *text = clang_getFileContents(lw->fe->tu, file, &size);
    if (!text || end > size || begin > end)
        return 0;
    SrcLoc at = expansion_loc(clang_getRangeStart(r));
    return pragma_check_openmp(text, begin, end, at, lw->fn->body);
}

/* The variable of fn named stem (not a global), or NULL. */
static Var *local_named(const Func *fn, const char *stem) {
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->kind != VAR_GLOBAL && strcmp(fn->vars[i]->name, stem) == 0)
            return fn->vars[i];
    return NULL;
}

/* A local named like a global that fn reads where the local is out of scope (`{ double g = ...; }
 * return y * g;`, or a second `g` renamed g_2 beside a global g_2) is renamed: the sweeps declare
 * every local at the top of the function, where it would hide the global. */
static void rename_global_shadows(Func *fn) {
    for (int g = 0; g < fn->nvars; g++)
        for (int i = 0; fn->vars[g]->kind == VAR_GLOBAL && i < fn->nvars; i++)
            if (fn->vars[i]->kind != VAR_GLOBAL && strcmp(fn->vars[i]->name, fn->vars[g]->name) == 0)
                fn->vars[i]->name = func_new_var_name(fn, fn->vars[i]->name);
}

/* Keeps the names adc derives (x_d, x_b, f_d, ...) to the variables they derive from: a local
 * or parameter named x_d beside x is renamed x_d_2; beside a global x_d that fn reads, x is
 * renamed x_2 (its tangent x_2_d); one named f in function f is renamed f_2 (its tangent f_2_d,
 * not f_d, the tangent of f's result); a global f_d or f_b cannot give way to the tangent or the
 * seed of f's result: refused. Returns the number of errors. */
static int rename_derived_names(Func *fn) {
    for (int i = 0; i < fn->nvars; i++) {
        Var *global = fn->vars[i];
        if (global->kind != VAR_GLOBAL || !func_is_derived_name(fn, global->name))
            continue;
        const char *g = global->name;
        for (const char *suffix = g + strlen(g); suffix > g; suffix--) {
            Var *stem = *suffix == '_' ? local_named(fn, ir_format("%.*s", (int)(suffix - g), g)) : NULL;
            if (stem)
                stem->name = func_new_var_name(fn, stem->name);
        }
        size_t n = strlen(fn->name);
        if (strncmp(g, fn->name, n) == 0 && (strcmp(g + n, "_d") == 0 || strcmp(g + n, "_b") == 0)) {
            error_at(fn->loc, "'%s' reads the global '%s', the name adc gives the derivative of its result; "
                     "rename the global", fn->name, g);
            return 1;
        }
    }
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->kind != VAR_GLOBAL &&
            (func_is_derived_name(fn, fn->vars[i]->name) || strcmp(fn->vars[i]->name, fn->name) == 0))
            fn->vars[i]->name = func_new_var_name(fn, fn->vars[i]->name);
    return 0;
}

/* Whether e uses array v other than by reading an element (`cof[j]`): given to a function or
 * to a pointer, it may be written through. */
static bool array_escapes(const Expr *e, const Var *v) {
    if (!e)
        return false;
    if (e->kind == EX_VAR)
        return e->var == v && v->type->kind == TY_ARRAY;
    if (e->kind == EX_INDEX && e->lhs->kind == EX_VAR && e->lhs->var == v)
        return array_escapes(e->rhs, v);
    for (int i = 0; i < e->nargs; i++)
        if (array_escapes(e->args[i], v))
            return true;
    return array_escapes(e->lhs, v) || array_escapes(e->rhs, v) || array_escapes(e->cond, v);
}

/* Whether s writes v other than by declaring it: assigns it (or an element), takes its
 * address, or lets an array escape. */
static bool writes_after_declaration(const Stmt *s, const Var *v) {
    if (!s)
        return false;
    if ((s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v) || expr_takes_address(s->lhs, v) ||
        expr_takes_address(s->rhs, v) || expr_takes_address(s->cond, v) || array_escapes(s->lhs, v) ||
        array_escapes(s->rhs, v) || array_escapes(s->cond, v))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (writes_after_declaration(s->body[i], v))
            return true;
    return writes_after_declaration(s->init, v) || writes_after_declaration(s->step, v) ||
           writes_after_declaration(s->then, v) || writes_after_declaration(s->els, v);
}

/* A non-const static local that fn never writes and whose address it never takes holds its
 * initializer on every call: a constant, like a `static const` one (Numerical Recipes' rkck:
 * `static float a2=0.2,...`, gammln: `static double cof[6]={...}`, an array only read by
 * element). A scalar fn writes is an automatic local if every call assigns it before it reads
 * it (f2c's `static integer i__;`): marked for static_locals.c, which checks that. Any other
 * keeps its value across calls: refused. Returns the number of errors. */
static int check_static_locals(Func *fn) {
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        if (v->kind != VAR_LOCAL || !v->is_static_const || v->type->is_const || !writes_after_declaration(fn->body, v))
            continue;
        if (v->type->kind == TY_ARRAY || v->type->kind == TY_STRUCT) {
            error_at(v->loc, "a static local array or struct the function writes keeps its value from one "
                     "call to the next, which adc does not follow; declare it without static");
            return 1;
        }
        v->is_static_const = false;
        v->static_per_call = true;
    }
    return 0;
}

Func *lower_function(FrontEnd *fe, CXCursor def) {
    const char *name = cx_string(clang_getCursorSpelling(def));
    SrcLoc loc = cursor_loc(def);
    Func *fn = find_func(fe->prog, name);
    if (fn && same_place(fn->loc, loc))
        return fn;
    if (fn) { /* two static functions of one name in two input files */
        error_at(loc, "a second function named '%s' (the other is at %s:%u): the generated file "
                 "names derivatives after the function; rename one of them", name, fn->loc.file, fn->loc.line);
        return NULL;
    }
    fn = ir_alloc(sizeof *fn);
    fn->name = name;
    fn->loc = loc;
    fn->end = expansion_loc(clang_getRangeEnd(clang_getCursorExtent(def)));
    fn->file_names = &fe->prog->file_names;
    fn->prog = fe->prog;
    prog_add_func(fe->prog, fn);
    Lowering lw = {.fe = fe, .fn = fn, .ops = {.tu = fe->tu, .scope = def}};
    CXCursor *kids;
    int n = cursor_children(def, &kids);
    fn->ret = lower_type(clang_getCursorResultType(def), fn->loc);
    if (fn->ret && lower_params(&lw, def) == 0 && n > 0 &&
        clang_getCursorKind(kids[n - 1]) == CXCursor_CompoundStmt)
        fn->body = lower_stmt(&lw, kids[n - 1]);
    if (fn->body && lw.errors == 0)
        lw.errors += check_openmp(&lw, def) + check_static_locals(fn) + goto_eliminate(fn);
    if (fn->body && lw.errors == 0)
        lw.errors += alias_substitute(fn);
    if (fn->body && lw.errors == 0)
        lw.errors += member_blocks(fn) + check_header_statics(fn);
    free(lw.vars);
    operator_reader_free(&lw.ops);
    if (fn->body && lw.errors == 0) {
        rename_global_shadows(fn);
        lw.errors += rename_derived_names(fn);
    }
    return fn->body && lw.errors == 0 ? fn : NULL;
}

/* ---- file scope ---- */

static void add_text(const char ***items, int *count, const char *text) {
    IR_APPEND(*items, *count, text);
}

/* Whether text is already among items (another unit gave it). */
static bool has_text(const char **items, int count, const char *text) {
    for (int i = 0; i < count; i++)
        if (strcmp(items[i], text) == 0)
            return true;
    return false;
}

/* An #include line of the main file, once per file it names (two units may spell it apart). */
static void collect_include(FrontEnd *fe, CXCursor c) {
    Program *prog = fe->prog;
    const char *text = cursor_source_text(fe->tu, c);
    CXFile file = clang_getIncludedFile(c);
    const char *included = cx_string(clang_getFileName(file));
    const char *real = file ? cx_string(clang_File_tryGetRealPathName(file)) : "";
    size_t n = strlen(included);
    if (prog->include_source && strcmp(included, prog->include_source) == 0)
        return; /* adc reading back its own output (second order) */
    if (n > 2 && strcmp(included + n - 2, ".c") == 0) {
        if (prog->include_source)
            return; /* compiled once, through the source the generated file includes */
        error_at(cursor_loc(c), "the generated file cannot include a .c file (it would define its "
                 "functions again); give '%s' to adc as an input file instead", included);
        return;
    }
    const char *key = *real ? real : text;
    if (!text || has_text(prog->included, prog->nincludes, key))
        return;
    int count = prog->nincludes;
    add_text(&prog->included, &count, key);
    add_text(&prog->includes, &prog->nincludes, text);
}

/* A #define of the main file, once; two units defining one name differently are refused. */
static void collect_macro(FrontEnd *fe, CXCursor c) {
    Program *prog = fe->prog;
    const char *text = cursor_source_text(fe->tu, c);
    if (!text || has_text(prog->macros, prog->nmacros, ir_format("#define %s", text)))
        return;
    size_t n = strcspn(text, "( \t");
    for (int i = 0; i < prog->nmacros; i++)
        if (strncmp(prog->macros[i] + 8, text, n) == 0 && strchr("( \t", prog->macros[i][8 + n])) {
            error_at(cursor_loc(c), "macro '%.*s' is defined differently in another input file; the "
                     "generated file has one definition of each: define it once in a header", (int)n, text);
            return;
        }
    add_text(&prog->macros, &prog->nmacros, ir_format("#define %s", text));
}

/* Whether two newline-separated name lists share a name. */
static bool names_overlap(const char *a, const char *b) {
    for (const char *p = a; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0)) {
        size_t n = strcspn(p, "\n");
        for (const char *q = b; *q; q += strcspn(q, "\n") + (q[strcspn(q, "\n")] != 0))
            if (strcspn(q, "\n") == n && strncmp(p, q, n) == 0)
                return true;
    }
    return false;
}

/* `struct tag;` (or union, enum) as the generated file needs it, once: not a definition, so it
 * neither clashes with the type's definition nor is compared with another file's. */
static void forward_declaration(Program *prog, CXCursor c) {
    const char *text = ir_format("%s;", cx_string(clang_getTypeSpelling(clang_getCursorType(c))));
    if (has_text(prog->type_decls, prog->ntype_decls, text))
        return;
    int count = prog->ntype_decls;
    add_text(&prog->type_names, &count, "");
    add_text(&prog->type_decls, &prog->ntype_decls, text);
}

/* A struct/union/enum/typedef definition of the main file. `typedef struct {...} T;` shows
 * the struct, then the typedef around it: the typedef replaces it. Identical text from
 * another unit is kept once; another definition of one of its names is refused. */
static void collect_type(FrontEnd *fe, CXCursor c, unsigned begin, unsigned end) {
    Program *prog = fe->prog;
    const char *text = cursor_source_text(fe->tu, c);
    if (!clang_isCursorDefinition(c) && text && clang_getCursorKind(c) != CXCursor_TypedefDecl) {
        forward_declaration(prog, c); /* `struct ann_net;` before a typedef naming it */
        return;
    }
    if (!clang_isCursorDefinition(c) || !text)
        return;
    text = ir_format("%s;", text);
    const char *names = clang_getCursorKind(c) == CXCursor_TypedefDecl
                            ? cx_string(clang_getCursorSpelling(c))
                            : cx_string(clang_getTypeSpelling(clang_getCursorType(c)));
    if (begin < fe->decl_end) { /* around the last one */
        names = ir_format("%s\n%s", names, fe->last_type_names);
        if (fe->last_type >= 0)
            prog->ntype_decls--;
    }
    fe->decl_end = end;
    fe->last_type_names = names;
    fe->last_type = -1;
    if (has_text(prog->type_decls, prog->ntype_decls, text))
        return;
    for (int i = 0; i < prog->ntype_decls; i++)
        if (names_overlap(prog->type_names[i], names)) {
            error_at(cursor_loc(c), "type '%s' is defined differently in another input file; the "
                     "generated file has one definition of each type: define it once in a header",
                     cx_string(clang_getCursorSpelling(c)));
            return;
        }
    int count = prog->ntype_decls;
    add_text(&prog->type_names, &count, names);
    add_text(&prog->type_decls, &prog->ntype_decls, text);
    fe->last_type = prog->ntype_decls - 1;
}

static void collect_definition(FrontEnd *fe, CXCursor c) {
    if (!clang_isCursorDefinition(c) || clang_Cursor_getStorageClass(c) == CX_SC_Static)
        return;
    IR_APPEND(fe->defs, fe->ndefs, (Definition){cx_string(clang_getCursorSpelling(c)), c});
}

void collect_file_scope(FrontEnd *fe, CXCursor c) {
    CXSourceRange r = clang_getCursorExtent(c);
    unsigned begin, end;
    clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, &begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &end);
    switch (clang_getCursorKind(c)) {
    case CXCursor_InclusionDirective: collect_include(fe, c); break;
    case CXCursor_MacroDefinition: collect_macro(fe, c); break;
    case CXCursor_FunctionDecl:
        collect_definition(fe, c);
        fnptr_collect(fe, c);
        break;
    case CXCursor_VarDecl: fnptr_collect(fe, c); break;
    case CXCursor_StructDecl: case CXCursor_UnionDecl: case CXCursor_EnumDecl: case CXCursor_TypedefDecl:
        collect_type(fe, c, begin, end);
        break;
    default: break;
    }
}

void collect_included_source(FrontEnd *fe, CXCursor c) {
    if (clang_getCursorKind(c) == CXCursor_FunctionDecl || clang_getCursorKind(c) == CXCursor_VarDecl)
        fnptr_collect(fe, c);
}

/* Records ADC_CHECKPOINT(n): the snapshot count is its one argument. */
static void checkpoint_mark(FrontEnd *fe, CXCursor c, const MacroRange *m) {
    CXToken *tokens;
    unsigned n;
    clang_tokenize(fe->tu, clang_getCursorExtent(c), &tokens, &n);
    int snapshots = n == 4 ? atoi(cx_string(clang_getTokenSpelling(fe->tu, tokens[2]))) : 0;
    clang_disposeTokens(fe->tu, tokens, n);
    if (snapshots < 1) {
        error_at(cursor_loc(c), "ADC_CHECKPOINT expects a snapshot count of at least 1");
        return;
    }
    IR_APPEND(fe->marks, fe->nmarks, (CheckpointMark){m->file, m->end, snapshots});
}

static enum CXChildVisitResult macro_visitor(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    FrontEnd *fe = data;
    if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
        return CXChildVisit_Continue;
    CXSourceRange r = clang_getCursorExtent(c);
    MacroRange m;
    clang_getExpansionLocation(clang_getRangeStart(r), &m.file, NULL, NULL, &m.begin);
    clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &m.end);
    if (strcmp(cx_string(clang_getCursorSpelling(c)), "ADC_CHECKPOINT") == 0)
        checkpoint_mark(fe, c, &m);
    IR_APPEND(fe->macros, fe->nmacros, m);
    return CXChildVisit_Continue;
}

void collect_macro_ranges(FrontEnd *fe) {
    clang_visitChildren(clang_getTranslationUnitCursor(fe->tu), macro_visitor, fe);
}
