/* recompute.c: values the backward sweep computes again instead of taping (see recompute.h).
 *
 * In a loop body, `double dx = W[2*i] - W[2*j];` defines a fresh dx on every trip from values
 * that do not change while the function runs: W's elements are const, i and j are counting
 * loop indices (the backward sweep recomputes them at the top of each trip). Instead of
 * pushing the old dx before each definition and popping it back, the backward sweep runs the
 * definition again at the top of its trip, before any statement of the trip is reversed.
 * That is correct when the variable is declared at the top level of the body (so nothing
 * outside the trip sees it), assigned nowhere else, never has its address taken, and its
 * right side is cheap arithmetic over
 *   - literals, parameters the function never assigns, locals it never assigns or assigns
 *     once outside loops (no globals: a callee may change them), static const tables,
 *   - indices of the enclosing counting loops,
 *   - const storage (`const double *W`: W[k], c->f) reached from a parameter the function
 *     never assigns (adc assumes, as for every const input, that no output aliases it),
 *   - elements of a local work array that every read sees with its final value (write_once.c:
 *     `double m = b[i] - a[i] * cp[i - 1];` in a Thomas algorithm), in a loop body only,
 *   - variables recomputed the same way in this or an enclosing loop body,
 * and conditional expressions `c ? x : y` over them whose condition the backward sweep could
 * evaluate again in place of a taped bit (branch_cond.c: `u > 0.0 ? i - 1 : i`, doubles only
 * compared), so that both sweeps pick the same side.
 * In the body of an `omp parallel for` loop a taped value would keep the backward trips in
 * order (serial): there the right side may also be longer and call math.h functions.
 * The function's own top level is searched the same way (`double damping = par[0];` in a
 * right-hand side called from a loop): a definition there, reached through blocks only (not
 * in a branch, nor after an early return, which normalize.c guards), runs once, before
 * anything can read the variable; its right side may read only what keeps one value while the
 * whole function runs (no local the function assigns, unless recomputed itself). The backward
 * sweep computes it where it begins, after the pops, instead of taping its final value. */
#include "branch_cond.h"
#include "recompute.h"
#include "write_once.h"

enum { MAX_NODES = 32 }; /* a longer right side is taped: recomputing it would cost more */
enum { MAX_PARALLEL_NODES = 256 }; /* in a parallel loop, where taping costs the parallel sweep */

typedef struct Finder {
    Func *fn;
    const Stmt *body;
    int *assignments;   /* per variable: assignments anywhere; outside loops count once */
    bool *in_loop;      /* per variable: assigned inside some loop */
    bool *address;      /* per variable: &v appears */
    bool *recomputed;   /* per variable: its definition is a candidate */
    const Var **indices; /* indices of the enclosing counting loops */
    int nindices;
    int parallel;       /* how many enclosing loops are `omp parallel for` */
    bool top;           /* searching the function's own top level (no enclosing loop) */
    Stmt **found;
    bool *found_at_top; /* per found: at the function's top level (outside every loop) */
    int nfound;
} Finder;

static void scan_expr(Finder *f, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_ADDR && expr_root_var(e->lhs))
        f->address[expr_root_var(e->lhs)->index] = true;
    scan_expr(f, e->lhs);
    scan_expr(f, e->rhs);
    scan_expr(f, e->cond);
    for (int i = 0; i < e->nargs; i++)
        scan_expr(f, e->args[i]);
}

/* Counts assignments and address-taking over the whole body. */
static void scan(Finder *f, const Stmt *s, int loops) {
    if (!s)
        return;
    if (s->kind == ST_ASSIGN) {
        Var *v = expr_root_var(s->lhs);
        if (v) {
            f->assignments[v->index]++;
            f->in_loop[v->index] |= loops > 0;
        }
    }
    scan_expr(f, s->lhs);
    scan_expr(f, s->rhs);
    scan_expr(f, s->cond);
    bool loop = s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
    for (int i = 0; i < s->nbody; i++)
        scan(f, s->body[i], loops);
    scan(f, s->init, loops);
    scan(f, s->step, loops + loop);
    scan(f, s->then, loops + loop);
    scan(f, s->els, loops);
}

/* v keeps one value while any loop trip runs (at the top level: while the function runs), in
 * the backward sweep too: a local assigned once outside loops (its definition, before any
 * read), but not a parameter assigned once, perhaps after the loop: the backward sweep, which
 * reverses that assignment first, need not restore the entry value it leaves there (difftest
 * seed 7100066: `d0 = s1;` in a loop, then `s1 = p2[0];`). */
static bool invariant_var(const Finder *f, const Var *v) {
    if (v->is_static_const || f->recomputed[v->index])
        return true;
    for (int i = 0; i < f->nindices; i++)
        if (f->indices[i] == v)
            return true;
    if (f->top)
        return v->kind != VAR_GLOBAL && !f->address[v->index] && f->assignments[v->index] == 0;
    int n = f->assignments[v->index];
    return v->kind != VAR_GLOBAL && !f->address[v->index] &&
           (n == 0 || (n == 1 && !f->in_loop[v->index] && v->kind == VAR_LOCAL));
}

/* Const storage reached from a parameter the function never assigns, or a static const
 * table: `const double *p = buf;` does not qualify, buf may change through another name, nor
 * does a parameter some call gives memory another one writes (overlap.c: `h(y, y, a)` whose
 * `tmp[0] += ...` changes `result[0]`, difftest seed 9383, README entry 87). */
static bool readonly_storage(const Finder *f, const Expr *e) {
    const Var *root = expr_root_var(e);
    return e->type->is_const && root &&
           (root->is_static_const ||
            (root->kind == VAR_PARAM && !root->may_overlap && f->assignments[root->index] == 0));
}

/* An element of a local work array that every read sees with its final value (write_once.c:
 * NR's tridag `gam`), in a loop body, where the backward sweep holds those values: the top
 * level's definitions are computed before the arrays refill.c fills again. */
static bool final_element(const Finder *f, const Expr *e) {
    return !f->top && e->lhs->kind == EX_VAR && e->lhs->var->kind == VAR_LOCAL &&
           write_once_array(f->body, e->lhs->var);
}

/* e is side-effect free, invariant during the trip, and small; *nodes counts its size. */
static bool invariant(const Finder *f, const Expr *e, int *nodes) {
    if (++*nodes > (f->parallel ? MAX_PARALLEL_NODES : MAX_NODES))
        return false;
    switch (e->kind) {
    case EX_CALL:
        for (int i = 0; f->parallel && e->math && i < e->nargs; i++)
            if (!invariant(f, e->args[i], nodes))
                return false;
        return f->parallel && e->math;
    case EX_NUM:
        return true;
    case EX_SIZEOF: /* a variable-length array's may change from trip to trip */
        return e->text != NULL;
    case EX_VAR:
        return invariant_var(f, e->var);
    case EX_INDEX:
        if (final_element(f, e))
            return invariant(f, e->rhs, nodes);
        return readonly_storage(f, e) && invariant(f, e->lhs, nodes) && invariant(f, e->rhs, nodes);
    case EX_MEMBER: case EX_DEREF:
        return readonly_storage(f, e) && invariant(f, e->lhs, nodes);
    case EX_UNARY: case EX_CAST:
        return invariant(f, e->lhs, nodes);
    case EX_BINARY:
        return invariant(f, e->lhs, nodes) && invariant(f, e->rhs, nodes);
    case EX_COND: /* small first: branch_cond reads the whole body (hostile conditional_chain) */
        return invariant(f, e->cond, nodes) && invariant(f, e->lhs, nodes) && invariant(f, e->rhs, nodes) &&
               branch_cond_recomputable(f->body, e->cond, f->indices, f->nindices, NULL);
    default:
        return false;
    }
}

static bool candidate(const Finder *f, const Stmt *s) {
    if (s->kind != ST_ASSIGN || !s->declares || s->op != OP_NONE || s->lhs->kind != EX_VAR)
        return false;
    const Var *v = s->lhs->var;
    int nodes = 0;
    return v->kind == VAR_LOCAL && (type_is_floating(v->type) || v->type->kind == TY_INT) &&
           f->assignments[v->index] == 1 && !f->address[v->index] && invariant(f, s->rhs, &nodes);
}

static void find_in(Finder *f, Stmt *s, bool top);

/* A loop: its index joins the invariants while its body is searched. */
static void find_in_loop(Finder *f, Stmt *loop) {
    if (loop->checkpoint) /* replayed step by step: its trips have no prologue */
        return;
    bool counting = loop->kind == ST_FOR && loop->var, parallel = false;
    for (int i = 0; i < loop->npragmas; i++)
        parallel |= loop->pragmas[i].kind == PRAGMA_OPENMP && loop->pragmas[i].parallel;
    if (counting)
        f->indices[f->nindices++] = loop->var;
    f->parallel += parallel;
    bool top = f->top;
    f->top = false;
    find_in(f, loop->then, true);
    f->top = top;
    f->parallel -= parallel;
    if (counting)
        f->nindices--;
}

/* top: s is reached from the loop body through blocks only. */
static void find_in(Finder *f, Stmt *s, bool top) {
    if (!s)
        return;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            find_in(f, s->body[i], top);
        break;
    case ST_ASSIGN:
        if (top && candidate(f, s)) {
            f->recomputed[s->lhs->var->index] = true;
            f->found_at_top[f->nfound] = f->top;
            f->found[f->nfound++] = s;
        }
        break;
    case ST_IF:
        find_in(f, s->then, false);
        find_in(f, s->els, false);
        break;
    case ST_FOR: case ST_WHILE: case ST_DO:
        find_in_loop(f, s);
        break;
    default:
        break;
    }
}

static int count_stmts(const Stmt *s) {
    if (!s)
        return 0;
    int n = 1;
    for (int i = 0; i < s->nbody; i++)
        n += count_stmts(s->body[i]);
    return n + count_stmts(s->init) + count_stmts(s->step) + count_stmts(s->then) + count_stmts(s->els);
}

static Finder *search(Func *fn, Stmt *body) {
    size_t nvars = (size_t)fn->nvars + 1, nstmts = (size_t)count_stmts(body) + 1;
    Finder *f = ir_alloc(sizeof *f);
    *f = (Finder){.fn = fn, .body = body, .assignments = ir_alloc(sizeof(int) * nvars),
                  .in_loop = ir_alloc(sizeof(bool) * nvars), .address = ir_alloc(sizeof(bool) * nvars),
                  .recomputed = ir_alloc(sizeof(bool) * nvars),
                  .indices = ir_alloc(sizeof(Var *) * nstmts), .found = ir_alloc(sizeof(Stmt *) * nstmts),
                  .found_at_top = ir_alloc(sizeof(bool) * nstmts)};
    scan(f, body, 0);
    f->top = true;
    find_in(f, body, true);
    return f;
}

Stmt **recompute_candidates(Func *fn, Stmt *body, int *count, bool **at_top) {
    Finder *f = search(fn, body);
    *count = f->nfound;
    *at_top = f->found_at_top;
    return f->found;
}

/* The search again, where only the candidates of the top level count as recomputed: a loop
 * body's are computed at the top of its backward trips, not where the backward sweep begins. */
const RecomputeScope *recompute_top_scope(Func *fn, Stmt *body) {
    Finder *f = search(fn, body);
    f->recomputed = ir_alloc(sizeof(bool) * (size_t)(fn->nvars + 1));
    for (int i = 0; i < f->nfound; i++)
        f->recomputed[f->found[i]->lhs->var->index] = f->found_at_top[i];
    return f;
}

bool recompute_unchanging(const RecomputeScope *scope, const Expr *e, const Var *index) {
    Finder f = *scope;
    f.top = true;
    f.nindices = 0;
    if (index)
        f.indices[f.nindices++] = index;
    int nodes = 0;
    return invariant(&f, e, &nodes);
}
