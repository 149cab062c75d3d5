/* adjoint_swaps.c: reverse mode of buffers swapped through the members of a struct parameter
 * (`void step(grid *g) { ...; double *t = g->u; g->u = g->unew; g->unew = t; }`). The forward
 * sweep tapes each member before its store, as any pointer; the backward sweep pops it back and
 * must point the shadow member to that block's shadow. The swaps only permute the blocks the
 * members held on entry (checked here: stores at the function's top level, each given another
 * member or a temporary holding one, the members holding every entry block again on exit), so
 * each block the backward sweep restores is one the members hold where it begins: it notes
 * each member and its shadow member there (`g_u_exit`, `g_b_u_exit`) and finds the shadow of a
 * restored block among them (`if (g->u == g_u_exit) g_b->u = g_b_u_exit; else ...`). A caller
 * whose local struct is given to such a function points its shadow members the same way where
 * its backward sweep begins, among the blocks it gave the members. The lookups are if-chains of
 * stores, which the second stage (hvp, hessian) reads back: its tangent sets the tangent of the
 * shadow member beside each store (member_blocks.c, switched_in_place). */
#include <string.h>
#include "adjoint_swaps.h"
#include "c_text.h"
#include "diag.h"

enum { MAX_SYMBOLS = 32 };

/* The floating pointer members of the struct p points to (or of struct s). */
static const Type *struct_of(const Var *p) {
    return p->type->kind == TY_PTR ? p->type->base : p->type;
}

static bool floating_pointer(const Type *t) {
    return t->kind == TY_PTR && type_has_floating(t);
}

/* ---- the check: the swaps permute the entry blocks ---- */

typedef struct Sim {
    const Var *p;
    const char *member_at[MAX_SYMBOLS]; /* the members, in field order: member i holds symbol held[i] */
    int held[MAX_SYMBOLS];
    int nmembers;
    const Var *temp[MAX_SYMBOLS]; /* temporaries: temp i holds temp_held[i] */
    int temp_held[MAX_SYMBOLS];
    int ntemps;
    const Stmt *bad; /* a store the check cannot follow */
    const Stmt *into; /* a local pointer given a place inside a member's block (g->u + 1) */
} Sim;

static int member_index(const Sim *m, const char *name) {
    for (int i = 0; i < m->nmembers; i++)
        if (strcmp(m->member_at[i], name) == 0)
            return i;
    return -1;
}

/* The symbol value holds (a member of p or a temporary holding one), or -1. */
static int symbol_of(Sim *m, const Expr *value) {
    value = expr_without_casts(value);
    if (value->kind == EX_MEMBER && value->arrow && value->lhs->kind == EX_VAR && value->lhs->var == m->p) {
        int i = member_index(m, value->text);
        return i < 0 ? -1 : m->held[i];
    }
    for (int i = 0; value->kind == EX_VAR && i < m->ntemps; i++)
        if (m->temp[i] == value->var)
            return m->temp_held[i];
    return -1;
}

static void simulate(Sim *m, const Stmt *s, int loops) {
    if (!s || m->bad)
        return;
    const Expr *lhs = s->kind == ST_ASSIGN ? s->lhs : NULL;
    bool store = lhs && lhs->kind == EX_MEMBER && lhs->arrow && lhs->lhs->kind == EX_VAR && lhs->lhs->var == m->p &&
                 floating_pointer(lhs->type);
    const Var *temp = s->kind == ST_DECL && s->rhs ? s->var : lhs && lhs->kind == EX_VAR ? lhs->var : NULL;
    int symbol = s->rhs ? symbol_of(m, s->rhs) : -1;
    if (store) {
        int i = member_index(m, lhs->text);
        if (loops || symbol < 0 || i < 0)
            m->bad = s;
        else
            m->held[i] = symbol;
    } else if (temp && floating_pointer(temp->type) && symbol >= 0 && m->ntemps < MAX_SYMBOLS) {
        m->temp[m->ntemps] = temp;
        m->temp_held[m->ntemps++] = symbol;
    } else if (temp && floating_pointer(temp->type) && expr_mentions(s->rhs, m->p) && !m->into) {
        m->into = s; /* taped as an offset from a member that moves */
    }
    bool loop = s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO || s->kind == ST_IF;
    for (int i = 0; i < s->nbody; i++)
        simulate(m, s->body[i], loops + loop);
    const Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        simulate(m, parts[i], loops + loop);
}

/* A use of temporary v other than as a member's new value or its own assignment: reading
 * through it (its shadow in the backward sweep would be offset from a member that moved). */
static bool reads_temp(const Stmt *s, const Var *v) {
    if (!s)
        return false;
    const Expr *rhs = s->rhs ? expr_without_casts(s->rhs) : NULL;
    bool copies = rhs && rhs->kind == EX_VAR && rhs->var == v && s->kind == ST_ASSIGN && s->lhs->kind == EX_MEMBER;
    bool sets = (s->kind == ST_DECL && s->var == v) || (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v);
    if ((!copies && expr_mentions(s->rhs, v)) || (!sets && expr_mentions(s->lhs, v)) || expr_mentions(s->cond, v))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (reads_temp(s->body[i], v))
            return true;
    return reads_temp(s->init, v) || reads_temp(s->step, v) || reads_temp(s->then, v) || reads_temp(s->els, v);
}

static void refuse(Adj *a, bool report, SrcLoc loc, const char *what, const char *rewrite) {
    a->errors++;
    if (!report)
        return;
    error_at(loc, "in reverse mode, %s is not supported: the backward sweep points each shadow member back to the "
             "shadow block the forward sweep used only when the stores permute the blocks the members held on "
             "entry; %s", what, rewrite);
}

/* Checks the swaps through the members of struct parameter p in a->fn. */
static void check_param(Adj *a, bool report, const Var *p, const Stmt *first) {
    if (a->fn->requested) { /* the caller's shadow struct pairs the blocks as they were given */
        refuse(a, report, first ? first->lhs->loc : p->loc,
               ir_format("re-pointing the members of '%s', a parameter of the function differentiated (%s),", p->name,
                         first ? "here" : "in a function it gives them to"),
               "swap the buffers in a local struct of the function (grid_t g = {n, a, b}; step(&g);), or use "
               "tangent mode");
        return;
    }
    Sim m = {.p = p};
    const Type *t = struct_of(p);
    for (int f = 0; f < t->nfields && m.nmembers < MAX_SYMBOLS; f++)
        if (floating_pointer(t->fields[f].type)) {
            m.member_at[m.nmembers] = t->fields[f].name;
            m.held[m.nmembers] = m.nmembers;
            m.nmembers++;
        }
    simulate(&m, a->fn->body, 0);
    if (m.bad) {
        refuse(a, report, m.bad->lhs->loc, ir_format("re-pointing '%s' inside a loop or an 'if', or to what the "
                                             "check cannot follow,", expr_text(m.bad->lhs)),
               "swap the members once, in straight-line code at the function's top level");
        return;
    }
    if (m.into) {
        refuse(a, report, m.into->loc, ir_format("a pointer into the block of a member of '%s' that the function "
                                                 "re-points", p->name),
               ir_format("index the member itself (%s->m[i + k])", p->name));
        return;
    }
    for (int symbol = 0; symbol < m.nmembers; symbol++) {
        bool kept = false;
        for (int i = 0; i < m.nmembers; i++)
            kept |= m.held[i] == symbol;
        if (!kept) {
            refuse(a, report, first->lhs->loc, ir_format("swapping the members of '%s' so that the block '%s->%s' held on "
                                                 "entry is held by none on return", p->name, p->name, m.member_at[symbol]),
                   "complete the swap (double *t = g->u; g->u = g->unew; g->unew = t;)");
            return;
        }
    }
    for (int i = 0; i < m.ntemps; i++)
        if (reads_temp(a->fn->body, m.temp[i]))
            refuse(a, report, m.temp[i]->loc, ir_format("reading through '%s', a pointer read from a member of '%s' that "
                                                "the function re-points,", m.temp[i]->name, p->name),
                   ir_format("index the member itself (%s->m[i]) and use '%s' only to swap", p->name, m.temp[i]->name));
}

/* ---- the sweeps ---- */

static bool repointed(const Adj *a, const Var *p) {
    for (int i = 0; i < a->nswapped; i++)
        if (a->swapped[i].param == p)
            return true;
    return false;
}

void swaps_check(Adj *a, bool report) {
    a->swapped = ir_alloc(sizeof(SwapExit) * MAX_SYMBOLS);
    for (int i = 0; i < a->fn->nparams; i++) {
        const Var *p = a->fn->params[i];
        bool structure = p->type->kind == TY_PTR && p->type->base->kind == TY_STRUCT;
        const Stmt *first = structure ? stmt_find_repointing(a->fn->body, p) : NULL;
        if (!first && structure && a->fn->requested && stmt_call_repointing(a->fn->body, p))
            check_param(a, report, p, NULL);
        if (!first)
            continue;
        int errors = a->errors;
        check_param(a, report, p, first);
        const Type *t = struct_of(p);
        for (int f = 0; errors == a->errors && f < t->nfields && a->nswapped < MAX_SYMBOLS; f++)
            if (floating_pointer(t->fields[f].type))
                a->swapped[a->nswapped++] = (SwapExit){p, t->fields[f].name, t->fields[f].type, NULL, NULL};
    }
}

static const char *declaration(const Type *t, const char *name) {
    Buf b = {0};
    emit_decl(&b, t, name, true);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

void swaps_note_exits(Adj *a, const char *(*shadow_name)(const Var *)) {
    for (int i = 0; i < a->nswapped; i++) {
        SwapExit *e = &a->swapped[i];
        e->value = adj_named(a, ir_format("%s_%s_exit", e->param->name, e->member));
        e->shadow = adj_named(a, ir_format("%s_b_%s_exit", e->param->name, e->member));
        adj_line(a, "%s = %s->%s;", declaration(e->type, e->value), e->param->name, e->member);
        adj_line(a, "%s = %s->%s;", declaration(e->type, e->shadow), shadow_name(e->param), e->member);
        adj_line(a, "(void)%s; (void)%s;", e->value, e->shadow);
    }
}

void swaps_restore_shadow(Adj *a, const Expr *lhs, const char *(*shadow_name)(const Var *)) {
    const Var *p = lhs->kind == EX_MEMBER && lhs->arrow && lhs->lhs->kind == EX_VAR ? lhs->lhs->var : NULL;
    if (!p || !repointed(a, p))
        return;
    Buf lookup = {0};
    const SwapExit *last = NULL;
    for (int i = 0; i < a->nswapped; i++)
        if (a->swapped[i].param == p) {
            if (last)
                buf_printf(&lookup, "if (%s->%s == %s) %s->%s = %s; else ", p->name, lhs->text, last->value,
                           shadow_name(p), lhs->text, last->shadow);
            last = &a->swapped[i];
        }
    adj_line(a, "%s%s->%s = %s; /* the shadow of the block it held here */", buf_str(&lookup), shadow_name(p),
             lhs->text, last->shadow);
    buf_free(&lookup);
}

/* ---- a caller's local struct ---- */

typedef struct Given {
    const Var *s;
    const Stmt *stores[MAX_SYMBOLS]; /* `s.m = a;` */
    int count;
} Given;

static bool store_of(const Stmt *st, const void *ctx) {
    Given *g = (Given *)ctx;
    if (stmt_points_member(st) && st->lhs->lhs->var == g->s && !expr_is_null(st->rhs) && g->count < MAX_SYMBOLS)
        g->stores[g->count++] = st;
    return false;
}

bool swaps_member_shadow(Adj *a, const Stmt *s, const char *(*shadow_name)(const Var *)) {
    const Var *local = s->lhs->lhs->var;
    if (!stmt_call_repointing(a->fn->body, local))
        return false;
    Given g = {.s = local};
    stmt_find(a->fn->body, store_of, &g);
    Buf lookup = {0};
    for (int i = 0; i + 1 < g.count; i++)
        buf_printf(&lookup, "if (%s.%s == %s) %s.%s = %s; else ", local->name, s->lhs->text,
                   expr_text(g.stores[i]->rhs), shadow_name(local), s->lhs->text, shadow_text(g.stores[i]->rhs, "_b"));
    adj_line(a, "%s%s.%s = %s; /* a callee may have swapped the members */", buf_str(&lookup), shadow_name(local),
             s->lhs->text, shadow_text(g.stores[g.count - 1]->rhs, "_b"));
    buf_free(&lookup);
    return true;
}
