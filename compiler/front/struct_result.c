/* struct_result.c: helpers returning a struct of floating members by value (vec3 vadd(vec3 a,
 * vec3 b), cplx cmul(cplx, cplx)) fill it through a pointer parameter instead, before any
 * analysis sees them: a derivative travels through a pointer parameter in every mode, never
 * through a returned struct. Each call becomes a statement of its own before the statement
 * that used its value:
 *     f = vadd(f, vscale(r, k));
 * is rewritten as
 *     vec3 vscale_value; vscale(r, k, &vscale_value);
 *     vec3 vadd_value; vadd(f, vscale_value, &vadd_value);
 *     f = vadd_value;
 * (`vec3 r = vsub(a, b);` as `vec3 r; vsub(a, b, &r);`), and the helper's `return e;` becomes
 * `*result = e; return;`. The value always goes to a new local but in a declaration, so that
 * the result's shadow never aliases an argument's. A call the statement evaluates only under
 * a condition (&&, ||, ?:, a loop's condition or step) is refused. */
#include "diag.h"
#include "struct_result.h"

typedef struct Hoist {
    Func *fn;
    Stmt *before;  /* the statements that compute the calls' values, in order */
    int errors;
} Hoist;

/* Whether fn gets the pointer parameter: a helper (the interface of a requested function stays
 * as written) with a body, returning a struct of floating members and no pointers. */
static bool returns_by_pointer(const Func *fn) {
    return fn && !fn->requested && !fn->primal && fn->ret->kind == TY_STRUCT &&
           type_has_floating(fn->ret) && !type_holds_pointer(fn->ret);
}

/* The call statement `callee(args, &target)`. */
static Stmt *call_into(Func *fn, Expr *call, Var *target) {
    Expr *addr = expr_new(EX_ADDR, type_pointer_to(target->type), call->loc);
    addr->lhs = expr_var(target, call->loc);
    Expr **args = ir_alloc(sizeof(Expr *) * (size_t)(call->nargs + 1));
    for (int i = 0; i < call->nargs; i++)
        args[i] = call->args[i];
    args[call->nargs] = addr;
    Expr *c = expr_new(EX_CALL, type_new(TY_VOID), call->loc);
    *c = *call;
    c->type = type_new(TY_VOID);
    c->args = args;
    c->nargs++;
    Stmt *s = stmt_new(fn, ST_CALL, call->loc);
    s->rhs = c;
    return s;
}

static Stmt *declare(Func *fn, Var *v, SrcLoc loc) {
    Stmt *s = stmt_new(fn, ST_DECL, loc);
    s->var = v;
    return s;
}

static void hoist_expr(Hoist *h, Expr **slot, bool conditional);

/* A call of such a helper: its value computed before, into a new local that replaces it. */
static void hoist_call(Hoist *h, Expr **slot, bool conditional) {
    Expr *call = *slot;
    for (int i = 0; i < call->nargs; i++)
        hoist_expr(h, &call->args[i], conditional);
    if (!returns_by_pointer(call->callee))
        return;
    if (conditional) {
        error_at(call->loc, "'%s' returns a struct, and this call runs only under a condition (&&, ||, ?:, "
                 "a loop's condition or step), which is not supported; call it in a statement of its own",
                 call->callee->name);
        h->errors++;
        return;
    }
    Var *value = func_add_var(h->fn, func_new_var_name(h->fn, ir_format("%s_value", call->callee->name)),
                              call->type, VAR_LOCAL, call->loc);
    block_append(h->before, declare(h->fn, value, call->loc));
    block_append(h->before, call_into(h->fn, call, value));
    *slot = expr_var(value, call->loc);
}

static void hoist_expr(Hoist *h, Expr **slot, bool conditional) {
    Expr *e = *slot;
    if (!e)
        return;
    if (e->kind == EX_CALL) {
        if (e->callee)
            hoist_call(h, slot, conditional);
        else
            for (int i = 0; i < e->nargs; i++)
                hoist_expr(h, &e->args[i], conditional);
        return;
    }
    if (e->kind == EX_INITLIST)
        for (int i = 0; i < e->nargs; i++)
            hoist_expr(h, &e->args[i], conditional);
    bool short_circuit = e->kind == EX_BINARY && (e->op == OP_LAND || e->op == OP_LOR);
    hoist_expr(h, &e->cond, conditional);
    hoist_expr(h, &e->lhs, conditional || e->kind == EX_COND);
    hoist_expr(h, &e->rhs, conditional || e->kind == EX_COND || short_circuit);
}

static Stmt *rewrite_stmt(Hoist *h, Stmt *s);

/* A loop's header: its calls would run in it (the init) or more than once (the condition and
 * step), where no statement can go before them. */
static void refuse_in_header(Hoist *h, Stmt *s) {
    Stmt *saved = h->before;
    h->before = stmt_new(h->fn, ST_BLOCK, s->loc);
    hoist_expr(h, &s->cond, true);
    Stmt *parts[2] = {s->init, s->step};
    for (int k = 0; k < 2; k++)
        for (int i = 0; parts[k] && i < parts[k]->nbody; i++)
            hoist_expr(h, &parts[k]->body[i]->rhs, true);
    h->before = saved;
}

/* Rewrites the calls of s (and of the statements inside it); the statements that compute
 * their values go to h->before. */
static void rewrite_parts(Hoist *h, Stmt *s) {
    switch (s->kind) {
    case ST_BLOCK: {
        Stmt **body = s->body;
        int n = s->nbody;
        s->body = NULL;
        s->nbody = 0;
        for (int i = 0; i < n; i++) {
            Stmt *saved = h->before;
            h->before = s;
            Stmt *done = rewrite_stmt(h, body[i]);
            h->before = saved;
            if (done)
                block_append(s, done);
        }
        return;
    }
    case ST_DECL:
        if (s->rhs && s->rhs->kind == EX_CALL && returns_by_pointer(s->rhs->callee)) { /* T v; f(args, &v); */
            Expr *call = s->rhs;
            for (int i = 0; i < call->nargs; i++)
                hoist_expr(h, &call->args[i], false);
            s->rhs = NULL;
            block_append(h->before, s);
            block_append(h->before, call_into(h->fn, call, s->var));
            return;
        }
        hoist_expr(h, &s->rhs, false);
        break;
    case ST_ASSIGN: case ST_CALL: case ST_RETURN: case ST_IF:
        hoist_expr(h, &s->lhs, false);
        hoist_expr(h, &s->rhs, false);
        hoist_expr(h, &s->cond, false);
        break;
    case ST_FOR: case ST_WHILE: case ST_DO:
        refuse_in_header(h, s);
        break;
    default:
        break;
    }
    Stmt *saved = h->before;
    h->before = NULL; /* a branch or loop body is a statement of its own */
    if (s->then)
        s->then = rewrite_stmt(h, s->then);
    if (s->els)
        s->els = rewrite_stmt(h, s->els);
    h->before = saved;
    block_append(h->before, s);
}

/* s with its calls rewritten: appended to h->before when that is a block being rebuilt, else
 * a block of its own (a loop body or a branch). Returns what takes s's place, or NULL. */
static Stmt *rewrite_stmt(Hoist *h, Stmt *s) {
    if (s->kind == ST_BLOCK) {
        rewrite_parts(h, s);
        return s;
    }
    bool in_block = h->before != NULL;
    Stmt *saved = h->before;
    if (!in_block)
        h->before = stmt_new(h->fn, ST_BLOCK, s->loc);
    Stmt *block = h->before;
    rewrite_parts(h, s);
    h->before = saved;
    if (in_block)
        return NULL;
    if (block->nbody == 1)
        return block->body[0];
    block->scope = true;
    return block;
}

/* `return e;` of a helper given the pointer parameter result: `*result = e; return;`. */
static void rewrite_returns(Func *fn, Stmt *s, Var *result) {
    if (!s)
        return;
    for (int i = 0; i < s->nbody; i++)
        rewrite_returns(fn, s->body[i], result);
    rewrite_returns(fn, s->then, result);
    rewrite_returns(fn, s->els, result);
    if (s->kind != ST_RETURN || !s->rhs)
        return;
    Stmt *store = stmt_new(fn, ST_ASSIGN, s->loc);
    store->lhs = expr_new(EX_DEREF, fn->ret, s->loc);
    store->lhs->lhs = expr_var(result, s->loc);
    store->rhs = s->rhs;
    Stmt *ret = stmt_new(fn, ST_RETURN, s->loc);
    *s = (Stmt){.kind = ST_BLOCK, .loc = s->loc, .id = s->id, .scope = true};
    block_append(s, store);
    block_append(s, ret);
}

/* The parameter `T *result` after the others, also among fn's variables (whose first ones are
 * the parameters, Var.index their position). */
static Var *add_result_param(Func *fn) {
    Var *result = func_add_var(fn, func_new_name(fn, "result"), type_pointer_to(fn->ret), VAR_PARAM, fn->loc);
    int n = fn->nparams;
    for (int i = fn->nvars - 1; i > n; i--) {
        fn->vars[i] = fn->vars[i - 1];
        fn->vars[i]->index = i;
    }
    fn->vars[n] = result;
    result->index = n;
    Var **params = ir_alloc(sizeof(Var *) * (size_t)(n + 2));
    bool *wrt = ir_alloc(sizeof(bool) * (size_t)(n + 2));
    const char **len = ir_alloc(sizeof(char *) * (size_t)(n + 2));
    const char **row_len = ir_alloc(sizeof(char *) * (size_t)(n + 2));
    for (int i = 0; i < n; i++) {
        params[i] = fn->params[i];
        wrt[i] = fn->wrt[i];
        len[i] = fn->len[i];
        row_len[i] = fn->row_len[i];
    }
    params[n] = result;
    fn->params = params;
    fn->wrt = wrt;
    fn->len = len;
    fn->row_len = row_len;
    fn->nparams++;
    return result;
}

int struct_results_by_pointer(Program *prog) {
    Hoist h = {0};
    for (int i = 0; i < prog->nfuncs; i++) { /* every call first: they read the callees' result types */
        h.fn = prog->funcs[i];
        if (h.fn->body)
            rewrite_parts(&h, h.fn->body);
    }
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        if (fn->requested && fn->ret->kind == TY_STRUCT && type_has_floating(fn->ret)) {
            error_at(fn->loc, "'%s' returns a struct, which a differentiated function cannot: its derivatives "
                     "would not be returned; fill the struct through a pointer parameter instead", fn->name);
            h.errors++;
        }
        if (!returns_by_pointer(fn) || !fn->body)
            continue;
        Var *result = add_result_param(fn);
        rewrite_returns(fn, fn->body, result);
        fn->ret = type_new(TY_VOID);
    }
    return h.errors;
}
