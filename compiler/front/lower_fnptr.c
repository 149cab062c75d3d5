/* lower_fnptr.c: function pointers. The possible targets of a call through a pointer are the
 * functions of the program whose address is taken (named other than in a direct call) and
 * whose type matches, and the math.h functions adc differentiates whose address is taken
 * (`integrate(sin, 0, 1)`). Each such call is lowered to a direct call of a dispatch function
 * adc introduces for it, given the pointer first:
 *
 *     double call_g(double (*g)(double), double x) {
 *         double result;
 *         if (g == sq) result = sq(x);
 *         else if (g == sin) result = sin(x);
 *         else adc_no_derivative("f.c:9:12", "g");
 *         return result;
 *     }
 *
 * whose derivatives the modes make like any helper's (call_g_tangent compares g and calls
 * sq_tangent, ...), so that each derivative dispatches on the primal pointer. A pointer to a
 * function with no derivative (defined in no input file, or its address not taken there) stops
 * there with a message (include/adc_dispatch.h). Its primal instances are made of a second
 * function (Func.primal) that calls the candidate p points to, else calls through p: an inactive
 * call reaches any function, as the source does, and adc's own code read back for second order,
 * which holds no definition of the user's functions, still compares p with each candidate when
 * it differentiates a primal copy there (a value its first stage found not useful). */
#include <string.h>
#include "clang_util.h"
#include "buf.h"
#include "diag.h"
#include "lower.h"
#include "mathfn.h"

/* ---- the functions whose address is taken ---- */

typedef struct Scan {
    FrontEnd *fe;
    CXCursor callee;      /* the function a direct call names, met just before the name itself */
} Scan;

/* The DeclRefExpr (or other expression) a call calls, through parentheses, conversions and
 * the * or & of (*f)(x) and (&f)(x). */
static CXCursor callee_of(CXCursor call) {
    CXCursor *kids;
    if (cursor_children(call, &kids) < 1)
        return clang_getNullCursor();
    CXCursor c = kids[0];
    while ((clang_getCursorKind(c) == CXCursor_UnexposedExpr || clang_getCursorKind(c) == CXCursor_ParenExpr ||
            clang_getCursorKind(c) == CXCursor_UnaryOperator) &&
           cursor_children(c, &kids) == 1)
        c = kids[0];
    return c;
}

CXCursor fnptr_direct_callee(CXCursor call) {
    CXCursor callee = callee_of(call);
    CXCursor decl = clang_getCursorReferenced(callee);
    if (clang_getCursorKind(callee) == CXCursor_DeclRefExpr && clang_getCursorKind(decl) == CXCursor_FunctionDecl)
        return decl;
    return clang_getNullCursor();
}

static void add_taken(FrontEnd *fe, CXCursor fdecl) {
    const char *name = cx_string(clang_getCursorSpelling(fdecl));
    for (int i = 0; i < fe->ntaken; i++)
        if (strcmp(fe->taken[i].name, name) == 0)
            return;
    IR_APPEND(fe->taken, fe->ntaken, (Definition){name, fdecl});
}

static enum CXChildVisitResult scan_visitor(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    Scan *scan = data;
    if (clang_getCursorKind(c) == CXCursor_CallExpr)
        scan->callee = callee_of(c);
    else if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
             clang_getCursorKind(clang_getCursorReferenced(c)) == CXCursor_FunctionDecl &&
             !same_node(c, scan->callee))
        add_taken(scan->fe, clang_getCursorReferenced(c));
    return CXChildVisit_Recurse;
}

void fnptr_collect(FrontEnd *fe, CXCursor c) {
    Scan scan = {fe, clang_getNullCursor()};
    clang_visitChildren(c, scan_visitor, &scan);
}

/* ---- a function named as a value ---- */

/* The prototype the generated file declares fdecl by: its types as written. */
static const char *prototype(CXCursor fdecl) {
    CXType type = clang_getCursorType(fdecl);
    Buf b = {0};
    buf_printf(&b, "%s %s(", cx_string(clang_getTypeSpelling(clang_getResultType(type))),
               cx_string(clang_getCursorSpelling(fdecl)));
    int n = clang_getNumArgTypes(type);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", cx_string(clang_getTypeSpelling(clang_getArgType(type, i))));
    buf_printf(&b, "%s);", n ? "" : "void");
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

void lower_declare_function(FrontEnd *fe, CXCursor fdecl) {
    Program *prog = fe->prog;
    if (prog->include_source || !clang_Location_isFromMainFile(clang_getCursorLocation(fdecl)))
        return; /* in the source the generated file includes, or in a header it includes */
    const char *text = prototype(fdecl);
    for (int i = 0; i < prog->nfunc_decls; i++)
        if (strcmp(prog->func_decls[i], text) == 0)
            return;
    IR_APPEND(prog->func_decls, prog->nfunc_decls, text);
}

/* Records that the generated file names fdecl (compares a pointer with it, assigns it), which
 * a static function of the source forbids (adc's own code read back is in the generated file:
 * its static copies, h_primal, it names). */
static int reach_function(FrontEnd *fe, CXCursor fdecl, SrcLoc loc) {
    if (!fe->prog->include_source && !diag_reading_generated() &&
        clang_Location_isFromMainFile(clang_getCursorLocation(fdecl)) &&
        clang_Cursor_getStorageClass(fdecl) == CX_SC_Static) {
        error_at(loc, "the address of static function '%s' is taken, and the generated file cannot name it "
                 "to call its derivative; make it non-static, or generate with --include-source and compile "
                 "the generated file instead of the source", cx_string(clang_getCursorSpelling(fdecl)));
        return -1;
    }
    lower_declare_function(fe, fdecl);
    return 0;
}

static Expr *function_value(CXCursor fdecl, SrcLoc loc) {
    Type *type = lower_function_type(clang_getCanonicalType(clang_getCursorType(fdecl)), loc);
    if (!type)
        return NULL;
    Expr *e = expr_new(EX_NUM, type, loc);
    e->text = cx_string(clang_getCursorSpelling(fdecl));
    return e;
}

Expr *fnptr_value(FrontEnd *fe, CXCursor fdecl, SrcLoc loc) {
    return reach_function(fe, fdecl, loc) == 0 ? function_value(fdecl, loc) : NULL;
}

/* ---- the dispatch ---- */

/* A function a pointer may point to: one of the program's, or a math.h function it differentiates
 * (`integrate(sin, 0, 1)`), called in the dispatch as the source would call it directly. */
typedef struct Candidate {
    Func *fn;               /* the program's function, or NULL */
    const MathFn *math;     /* else the math function */
    const char *name;       /* as the call spells it: sin, sinf */
    CXCursor decl;          /* what the dispatch compares the pointer with */
} Candidate;

/* The math function fdecl names, when a call through a pointer may be one of its calls: its
 * arguments all by value, none stored through. */
static const MathFn *math_candidate(CXCursor fdecl, const char *name) {
    char suffix = '\0';
    const MathFn *math = mathfn_lookup(name, &suffix);
    if (!math || math->stores || strncmp(name, "__builtin_", 10) == 0)
        return NULL;
    return clang_getNumArgTypes(clang_getCursorType(fdecl)) == math->nargs ? math : NULL;
}

/* The functions a pointer of this type may point to that have a definition, or a derivative
 * rule: in the order their addresses are first taken, unit by unit. */
static int candidates(FrontEnd *fe, const Type *pointer, Candidate **out) {
    int n = 0, errors = 0;
    for (int u = 0; u < fe->nunits; u++)
        n += fe->units[u].ntaken;
    *out = ir_alloc(sizeof(Candidate) * (size_t)(n + 1));
    n = 0;
    for (int u = 0; u < fe->nunits; u++)
        for (int i = 0; i < fe->units[u].ntaken; i++) {
            Definition *t = &fe->units[u].taken[i];
            const char *signature = cx_string(clang_getTypeSpelling(clang_getCanonicalType(clang_getCursorType(t->cursor))));
            FrontEnd *owner = &fe->units[u];
            CXCursor def = lower_definition_of(&owner, t->cursor, t->name);
            const MathFn *math = clang_Cursor_isNull(def) ? math_candidate(t->cursor, t->name) : NULL;
            bool seen = false;
            for (int k = 0; k < n && !seen; k++)
                seen = strcmp((*out)[k].name, t->name) == 0;
            if (seen || strcmp(signature, pointer->signature) != 0 || (clang_Cursor_isNull(def) && !math))
                continue;
            Candidate *c = &(*out)[n];
            *c = (Candidate){NULL, math, t->name, t->cursor};
            if (reach_function(&fe->units[u], t->cursor, math ? cursor_loc(t->cursor) : cursor_loc(def)) != 0 ||
                (!math && !(c->fn = lower_function(owner, def)))) {
                errors++;
                continue;
            }
            n++;
        }
    return errors ? -1 : n;
}

/* The dispatch's names are fresh: no file-scope name either, so that a pointer parameter named
 * like a function (Numerical Recipes' odeint takes `rkqs`) does not hide the target compared. */
static Var *add_param(Func *fn, const char *name, Type *type, SrcLoc loc) {
    Var *p = func_add_var(fn, func_new_var_name(fn, name), type, VAR_PARAM, loc);
    p->source_name = name;
    fn->params[fn->nparams++] = p;
    return p;
}

/* A function of the dispatch's name and parameters: the pointer, then the parameters of the
 * pointed-to type, named as the first of the program's candidates names them. */
static Func *dispatch_shell(Program *prog, const char *name, Type *pointer, const char *pointer_name,
                            CXType function, const Candidate *candidates, int ncandidates, SrcLoc loc) {
    const Func *first = NULL; /* the first of the program's functions names the parameters */
    for (int i = 0; i < ncandidates && !first; i++)
        first = candidates[i].fn;
    Func *fn = ir_alloc(sizeof *fn);
    fn->name = name;
    fn->prog = prog; /* the analyses ask it which globals carry derivatives */
    fn->loc = loc;
    fn->file_names = &prog->file_names;
    int n = clang_getNumArgTypes(function);
    fn->params = ir_alloc(sizeof(Var *) * (size_t)(n + 2));
    fn->wrt = ir_alloc(sizeof(bool) * (size_t)(n + 2));
    fn->len = ir_alloc(sizeof(char *) * (size_t)(n + 2));
    fn->ret = lower_type(clang_getResultType(function), loc);
    add_param(fn, pointer_name, pointer, loc);
    for (int i = 0; i < n && fn->ret; i++) {
        Type *type = lower_type(clang_getArgType(function, i), loc);
        if (!type)
            return NULL;
        add_param(fn, first && i < first->nparams ? first->params[i]->name : ir_format("arg%d", i + 1), type, loc);
    }
    fn->body = stmt_new(fn, ST_BLOCK, loc);
    return fn->ret ? fn : NULL;
}

/* callee(the parameters after the pointer), named text; callee NULL: a math function, or
 * whatever the pointer points to. */
static Expr *forward_call(Func *fn, const char *text, Func *callee, const MathFn *math, SrcLoc loc) {
    Expr *call = expr_new(EX_CALL, fn->ret, loc);
    call->text = text;
    call->callee = callee;
    call->math = math;
    call->args = ir_alloc(sizeof(Expr *) * (size_t)fn->nparams);
    for (int i = 1; i < fn->nparams; i++)
        call->args[call->nargs++] = expr_var(fn->params[i], loc);
    return call;
}

/* `result = call;`, or the call as a statement when nothing is returned. */
static Stmt *call_stmt(Func *fn, Var *result, Expr *call, SrcLoc loc) {
    Stmt *s = stmt_new(fn, result ? ST_ASSIGN : ST_CALL, loc);
    s->lhs = result ? expr_var(result, loc) : NULL;
    s->rhs = call;
    return s;
}

static Var *result_var(Func *fn, SrcLoc loc) {
    if (fn->ret->kind == TY_VOID)
        return NULL;
    Stmt *decl = stmt_new(fn, ST_DECL, loc);
    decl->var = func_add_var(fn, func_new_var_name(fn, "result"), fn->ret, VAR_LOCAL, loc);
    block_append(fn->body, decl);
    return decl->var;
}

static void return_result(Func *fn, Var *result, SrcLoc loc) {
    if (!result)
        return;
    Stmt *ret = stmt_new(fn, ST_RETURN, loc);
    ret->rhs = expr_var(result, loc);
    block_append(fn->body, ret);
}

/* if (p == c1) result = c1(...); else if ... else otherwise(result): the call of the candidate p
 * points to, else what otherwise makes. */
static void dispatch_body(Func *fn, const Candidate *targets, int n, Stmt *(*otherwise)(Func *, Var *, SrcLoc),
                          SrcLoc loc) {
    Var *result = result_var(fn, loc);
    Stmt *chain = otherwise(fn, result, loc);
    for (int i = n - 1; i >= 0; i--) {
        Stmt *branch = stmt_new(fn, ST_IF, loc);
        Expr *target = function_value(targets[i].decl, loc);
        branch->cond = expr_binary(OP_EQ, expr_var(fn->params[0], loc), target, type_int());
        branch->then = stmt_new(fn, ST_BLOCK, loc);
        Expr *call = forward_call(fn, targets[i].name, targets[i].fn, targets[i].math, loc);
        block_append(branch->then, call_stmt(fn, result, call, loc));
        branch->els = stmt_new(fn, ST_BLOCK, loc);
        block_append(branch->els, chain);
        chain = branch;
    }
    block_append(fn->body, chain);
    return_result(fn, result, loc);
}

/* The derivatives' fallback, `adc_no_derivative("file:line:col", "p");`: a pointer to no
 * candidate has no derivative. */
static Stmt *stop_otherwise(Func *fn, Var *result, SrcLoc loc) {
    (void)result;
    Expr *stop = expr_new(EX_CALL, type_new(TY_VOID), loc);
    stop->text = "adc_no_derivative";
    stop->tape_op = TAPE_OTHER;
    stop->args = ir_alloc(sizeof(Expr *) * 2);
    stop->args[stop->nargs++] = expr_new(EX_NUM, type_int(), loc);
    stop->args[0]->text = ir_format("\"%s:%u:%u\"", loc.file, loc.line, loc.col);
    stop->args[stop->nargs++] = expr_new(EX_NUM, type_int(), loc);
    stop->args[1]->text = ir_format("\"%s\"", fn->params[0]->source_name);
    return call_stmt(fn, NULL, stop, loc);
}

/* The primal's fallback: result = p(...), the call through the pointer as the source makes it,
 * to any function. */
static Stmt *call_otherwise(Func *fn, Var *result, SrcLoc loc) {
    return call_stmt(fn, result, forward_call(fn, fn->params[0]->name, NULL, NULL, loc), loc);
}

Func *fnptr_dispatch(FrontEnd *fe, CXType pointer_type, Type *pointer, const char *pointer_name, SrcLoc loc) {
    Program *prog = fe->prog;
    CXType t = clang_getCanonicalType(pointer_type); /* (*p)(x) calls a function type */
    CXType function = t.kind == CXType_Pointer ? clang_getCanonicalType(clang_getPointeeType(t)) : t;
    Candidate *targets;
    int n = candidates(fe, pointer, &targets);
    if (n < 0)
        return NULL;
    const char *name = prog_new_name(prog, ir_format("call_%s", pointer_name));
    Func *fn = dispatch_shell(prog, name, pointer, pointer_name, function, targets, n, loc);
    Func *primal = dispatch_shell(prog, name, pointer, pointer_name, function, targets, n, loc);
    if (!fn || !primal)
        return NULL;
    dispatch_body(fn, targets, n, stop_otherwise, loc);
    dispatch_body(primal, targets, n, call_otherwise, loc);
    fn->primal = primal;
    prog_add_func(prog, fn);
    return fn;
}
