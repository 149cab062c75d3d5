/* interior_return.c: helpers returning a pointer into what a member of their struct parameter
 * points to, made plain before any analysis sees them. genann's
 *
 *     double const *genann_run(genann const *ann, double const *inputs) {
 *         double *o = ann->output + ann->inputs; ... double const *ret = o; ... return ret; }
 *
 * returns a pointer into ann->output. The helper returns the offset instead, `return ret -
 * ann->output;` (a long), and each call, a statement of its own after lowering (`const double
 * *v = genann_run(ann, in);`, also the value of `genann_run(ann, in)[0]`), becomes
 *
 *     long v_offset = genann_run(ann, in);
 *     const double *v = ann->output + v_offset;
 *
 * a pointer read from a member of a struct, which every mode follows (its shadow is the shadow
 * struct's member at the same offset). Taken when every return of the helper (not a requested
 * function) is such a pointer -- the member itself, an offset from it, or a local pointer whose
 * every value is one, moved by `p++`/`p += k` -- into one member of one struct-pointer
 * parameter, which the helper never re-points; the argument given for that parameter at each
 * call that uses the value must be a variable. */
#include <string.h>
#include "diag.h"
#include "interior_return.h"

/* The member expression `P->m` all values of pointer e come from, or NULL. */
typedef struct Origin {
    const Func *fn;
    const Var *seen[8];   /* local pointers being followed (a cycle adds nothing) */
    int nseen;
    const Expr *member;   /* the one P->m found so far */
    bool bad;
} Origin;

static void origin_of(Origin *o, const Expr *e);

static bool same_member(const Expr *a, const Expr *b) {
    return a->lhs->var == b->lhs->var && strcmp(a->text, b->text) == 0;
}

/* A statement giving local pointer v a value: its origin must be the same member. */
static bool gives_value(const Stmt *s, const void *ctx) {
    Origin *o = (Origin *)ctx;
    const Var *v = o->seen[o->nseen - 1];
    bool decl = s->kind == ST_DECL && s->var == v && s->rhs;
    bool store = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v;
    if (store && (s->op == OP_ADD || s->op == OP_SUB)) /* p++, p += k: moves within the block */
        return false;
    if (decl || store) {
        if (!decl && s->op != OP_NONE)
            o->bad = true;
        else
            origin_of(o, s->rhs);
    }
    return o->bad;
}

static void origin_of(Origin *o, const Expr *e) {
    e = expr_without_casts(e);
    if (e->kind == EX_MEMBER && e->arrow && e->lhs->kind == EX_VAR && e->lhs->var->kind == VAR_PARAM &&
        e->type->kind == TY_PTR && type_has_floating(e->type)) {
        if (o->member && !same_member(o->member, e))
            o->bad = true;
        o->member = o->member ? o->member : e;
        return;
    }
    if (e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_SUB) && e->lhs->type->kind == TY_PTR) {
        origin_of(o, e->lhs);
        return;
    }
    if (e->kind == EX_VAR && e->var->kind == VAR_LOCAL && e->var->type->kind == TY_PTR &&
        !stmt_takes_address(o->fn->body, e->var)) {
        for (int i = 0; i < o->nseen; i++)
            if (o->seen[i] == e->var)
                return;
        if (o->nseen == 8) {
            o->bad = true;
            return;
        }
        o->seen[o->nseen++] = e->var;
        stmt_find(o->fn->body, gives_value, o);
        o->nseen--;
        return;
    }
    o->bad = true;
}

typedef struct Returns {
    Origin origin;
    bool any;
} Returns;

static bool return_origin(const Stmt *s, const void *ctx) {
    Returns *r = (Returns *)ctx;
    if (s->kind == ST_RETURN && s->rhs) {
        r->any = true;
        origin_of(&r->origin, s->rhs);
    }
    return r->origin.bad;
}

/* The member P->m every return of fn points into, or NULL: fn is then rewritten. */
static const Expr *interior_member(const Func *fn) {
    if (!fn->body || fn->requested || fn->primal || fn->ret->kind != TY_PTR || !type_has_floating(fn->ret) ||
        type_is_rows(fn->ret))
        return NULL;
    Returns r = {.origin = {.fn = fn}};
    stmt_find(fn->body, return_origin, &r);
    const Expr *m = r.any && !r.origin.bad ? r.origin.member : NULL;
    return m && !stmt_find_repointing(fn->body, m->lhs->var) ? m : NULL;
}

static Type *type_long(void) {
    Type *t = type_new(TY_INT);
    t->name = "long";
    return t;
}

static Expr *member_of(Var *s, const Expr *member, SrcLoc loc) {
    Expr *e = expr_new(EX_MEMBER, member->type, loc);
    e->arrow = true;
    e->text = member->text;
    e->lhs = expr_var(s, loc);
    return e;
}

/* `return e;` -> `return e - P->m;` */
static void return_offsets(Stmt *s, const Expr *member) {
    if (!s)
        return;
    if (s->kind == ST_RETURN && s->rhs)
        s->rhs = expr_binary(OP_SUB, s->rhs, member_of(member->lhs->var, member, s->loc), type_long());
    for (int i = 0; i < s->nbody; i++)
        return_offsets(s->body[i], member);
    return_offsets(s->then, member);
    return_offsets(s->els, member);
    return_offsets(s->init, member);
    return_offsets(s->step, member);
}

typedef struct Rewrite {
    Func *fn;        /* the function whose calls are rewritten */
    int errors;
} Rewrite;

/* The parameter index of member's struct in callee. */
static int param_index(const Func *callee, const Expr *member) {
    for (int i = 0; i < callee->nparams; i++)
        if (callee->params[i] == member->lhs->var)
            return i;
    return -1;
}

/* `T *v = h(args);` (or `v = h(args);`) -> `long v_offset = h(args); T *v = a->m + v_offset;` */
static int rewrite_call(Func *fn, Stmt *s, Stmt *out, const Expr *member) {
    Expr *call = s->rhs;
    const Expr *arg = expr_without_casts(call->args[param_index(call->callee, member)]);
    if (arg->kind != EX_VAR) {
        error_at(arg->loc, "'%s' returns a pointer into what member '%s' of this argument points to; pass "
                 "the struct pointer as a variable here", call->callee->name, member->text);
        return 1;
    }
    Var *target = s->kind == ST_DECL ? s->var : s->lhs->var;
    Stmt *decl = stmt_new(fn, ST_DECL, s->loc);
    decl->var = func_add_var(fn, func_new_var_name(fn, ir_format("%s_offset", target->name)), type_long(),
                             VAR_LOCAL, s->loc);
    decl->rhs = call;
    block_append(out, decl);
    s->rhs = expr_binary(OP_ADD, member_of(arg->var, member, s->loc), expr_var(decl->var, s->loc), call->type);
    call->type = decl->var->type;
    block_append(out, s);
    return 0;
}

static bool calls_interior(const Expr *e) {
    return e && e->kind == EX_CALL && e->callee && e->callee->interior_member;
}

static FindVerdict is_interior_call(const Expr *e, const void *ctx) {
    (void)ctx;
    return calls_interior(e) ? FIND_FOUND : FIND_INSIDE;
}

/* A call of such a helper in s other than as its whole value (refused), or NULL. */
static const Expr *nested_call(const Stmt *s, bool ignored) {
    const Expr *nested = expr_find(s->lhs, is_interior_call, NULL);
    nested = nested ? nested : ignored ? NULL : expr_find(s->rhs, is_interior_call, NULL);
    return nested ? nested : expr_find(s->cond, is_interior_call, NULL);
}

static int refuse_nested(const Expr *nested) {
    if (!nested)
        return 0;
    error_at(nested->loc, "'%s' returns a pointer into what a member of its struct argument points to; "
             "assign its value to a pointer variable in a statement of its own", nested->callee->name);
    return 1;
}

static int rewrite_stmt(Func *fn, Stmt *s, Stmt *out) {
    bool value = (s->kind == ST_DECL || (s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR)) &&
                 calls_interior(s->rhs);
    if (value)
        return rewrite_call(fn, s, out, s->rhs->callee->interior_member);
    bool ignored = s->kind == ST_CALL && calls_interior(s->rhs); /* `genann_run(ann, in);` */
    if (ignored)
        s->rhs->type = type_long();
    int errors = refuse_nested(nested_call(s, ignored));
    Stmt *header[] = {s->init, s->step}; /* a loop's: left as they are */
    for (int k = 0; k < 2; k++)
        if (header[k] && header[k]->kind == ST_BLOCK)
            for (int i = 0; i < header[k]->nbody; i++)
                errors += refuse_nested(nested_call(header[k]->body[i], false));
        else if (header[k])
            errors += refuse_nested(nested_call(header[k], false));
    return errors + stmt_rewrite_inside(fn, s, out, rewrite_stmt);
}

int interior_returns(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++)
        prog->funcs[i]->interior_member = interior_member(prog->funcs[i]);
    int errors = 0;
    for (int i = 0; i < prog->nfuncs; i++) /* every call first: they read the callees' members */
        if (prog->funcs[i]->body)
            errors += block_rewrite(prog->funcs[i], prog->funcs[i]->body, rewrite_stmt);
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        if (!fn->interior_member)
            continue;
        return_offsets(fn->body, fn->interior_member);
        fn->ret = type_long();
    }
    return errors;
}
