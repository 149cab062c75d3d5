/* loop_pragma.c: the pragmas a derivative loop carries. The tangent loop runs the primal's
 * trips in the same way: it keeps every pragma, and OpenMP's data clauses name each active
 * variable's tangent beside it (private(u) -> private(u, u_d), reduction(+: s) ->
 * reduction(+: s, s_d)). The backward sweep runs the trips in reverse and adds to shared
 * adjoints: adjoint.c decides what it carries (only `omp parallel for`, rewritten). */
#include <string.h>
#include "diag.h"
#include "loop_pragma.h"
#include "omp_reverse.h"

static bool lists_vars(const OmpClause *c) {
    return strcmp(c->name, "private") == 0 || strcmp(c->name, "firstprivate") == 0 ||
           strcmp(c->name, "lastprivate") == 0 || strcmp(c->name, "shared") == 0 ||
           strcmp(c->name, "reduction") == 0;
}

/* A data clause with the tangents beside the variables; NULL when it lists none. */
static const char *clause_with_tangents(const OmpClause *c) {
    Buf b = {0};
    for (int i = 0; i < c->nvars; i++) {
        const Var *v = c->vars[i];
        buf_printf(&b, "%s%s", i ? ", " : "", v->name);
        if (v->active)
            buf_printf(&b, ", %s_d", v->name);
    }
    const char *text = c->nvars ? ir_format("%s(%s%s%s)", c->name, c->op ? c->op : "", c->op ? " : " : "",
                                            buf_str(&b)) : NULL;
    buf_free(&b);
    return text;
}

void loop_pragmas_tangent(Buf *out, int depth, const Stmt *s, bool vector) {
    for (int i = 0; i < s->npragmas; i++) {
        const Pragma *p = &s->pragmas[i];
        if (p->kind == PRAGMA_OPENMP && vector)
            continue;
        buf_indent(out, depth);
        if (p->kind != PRAGMA_OPENMP) {
            buf_printf(out, "#pragma %s\n", p->text);
            continue;
        }
        buf_printf(out, "#pragma omp %s", p->directive);
        for (int k = 0; k < p->nclauses; k++) {
            const OmpClause *c = &p->clauses[k];
            const char *text = lists_vars(c) ? clause_with_tangents(c) : c->text;
            if (text)
                buf_printf(out, " %s", text);
        }
        buf_putc(out, '\n');
    }
}

/* Whether the trips of loop (under parallel pragma p) share scalar v: declared outside the
 * loop and named in no private, firstprivate, lastprivate or reduction clause. */
static bool trips_share(const Stmt *loop, const Pragma *p, const Var *v) {
    return v != loop->var && !omp_trip_own(p, v) && !omp_names(p, "lastprivate", v) && !omp_names(p, "reduction", v);
}

/* Reports each update `v op= e` or `v = ... v ...` outside `omp atomic`, in s, of a variable
 * with derivatives that the trips of parallel loop share: a race, in its tangent too (or an
 * atomic written through a macro, _Pragma, which adc does not see); returns their number. */
static int shared_updates(const Stmt *loop, const Pragma *p, const Stmt *s) {
    if (!s)
        return 0;
    if (s->kind == ST_ASSIGN && !s->atomic && s->lhs->kind == EX_VAR && s->lhs->var->active &&
        (s->op != OP_NONE || expr_mentions(s->rhs, s->lhs->var)) && trips_share(loop, p, s->lhs->var)) {
        error_at(s->loc, "the trips of this parallel loop update '%s', which they share, outside "
                 "'#pragma omp atomic' (adc does not see one written through a macro, _Pragma): a race "
                 "adc does not differentiate; name it in private(...) if each trip has its own, or in "
                 "reduction(+: ...)", s->lhs->var->name);
        return 1;
    }
    int errors = 0;
    for (int i = 0; s->kind == ST_BLOCK && i < s->nbody; i++)
        errors += shared_updates(loop, p, s->body[i]);
    return errors + shared_updates(loop, p, s->init) + shared_updates(loop, p, s->step) +
           shared_updates(loop, p, s->then) + shared_updates(loop, p, s->els);
}

/* The walk of private_read_after: the statements of the function in source order. */
typedef struct AfterLoop {
    const Stmt *loop;
    const Var *v;
    bool after;          /* the loop has been passed */
    const Stmt *read;    /* the first statement after it that reads v */
} AfterLoop;

/* Whether statement s itself (not its children) reads v: an assignment `v = e` does not. */
static bool reads_itself(const Stmt *s, const Var *v) {
    bool sets = s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR && s->lhs->var == v;
    return (!sets && expr_mentions(s->lhs, v)) || expr_mentions(s->rhs, v) || expr_mentions(s->cond, v);
}

static void walk_after(AfterLoop *w, const Stmt *s);

static void walk_children(AfterLoop *w, const Stmt *s) {
    for (int i = 0; i < s->nbody; i++)
        walk_after(w, s->body[i]);
    const Stmt *parts[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        walk_after(w, parts[i]);
}

static void walk_after(AfterLoop *w, const Stmt *s) {
    if (!s || w->read || s == w->loop) {
        w->after |= s && s == w->loop;
        return;
    }
    const Pragma *p = s->kind == ST_FOR ? loop_parallel_pragma(s) : NULL;
    if (w->after && p && omp_names(p, "private", w->v)) /* a later loop's own v */
        return;
    if (w->after && reads_itself(s, w->v)) {
        w->read = s;
        return;
    }
    bool before = w->after;
    walk_children(w, s);
    if (!before && w->after && (s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO)) {
        /* a loop around it: its condition and its earlier statements run after it too */
        if (reads_itself(s, w->v))
            w->read = s;
        walk_children(w, s);
    }
}

/* Reports each variable loop (under parallel pragma p) names private that the function reads
 * after the loop: OpenMP leaves its value there unspecified (gcc and clang keep the one from
 * before the loop), and the serial forward sweep of reverse mode leaves the last trip's. */
static int private_read_after(const Stmt *body, const Stmt *loop, const Pragma *p) {
    int errors = 0;
    for (int k = 0; k < p->nclauses; k++)
        for (int i = 0; strcmp(p->clauses[k].name, "private") == 0 && i < p->clauses[k].nvars; i++) {
            AfterLoop w = {loop, p->clauses[k].vars[i], false, NULL};
            walk_after(&w, body);
            if (w.read) {
                error_at(w.read->loc, "'%s' is read here after the parallel loop at line %u that names it "
                         "private: OpenMP leaves its value there unspecified; name it lastprivate(%s) or "
                         "read another variable", w.v->name, loop->loc.line, w.v->name);
                errors++;
            }
        }
    return errors;
}

/* Reports each variable with derivatives that loop (under parallel pragma p) names firstprivate
 * and assigns: a thread's copy carries from one of its trips to its next, so the values depend
 * on how OpenMP shares the trips out, which the sweeps do not repeat (Enzyme's omp_firstprivate,
 * `a[i] = in; in = 0;`). */
static int firstprivate_assigned(const Stmt *loop, const Pragma *p) {
    int errors = 0;
    for (int k = 0; k < p->nclauses; k++)
        for (int i = 0; strcmp(p->clauses[k].name, "firstprivate") == 0 && i < p->clauses[k].nvars; i++) {
            const Var *v = p->clauses[k].vars[i];
            if (v->active && stmt_assigns(loop->then, v)) {
                error_at(p->clauses[k].at, "'%s' is firstprivate and assigned in this parallel loop: a thread's "
                         "copy carries from one of its trips to the next, which depends on how OpenMP shares "
                         "the trips out; adc does not differentiate that: assign a variable of each trip's own",
                         v->name);
                errors++;
            }
        }
    return errors;
}

int loop_pragmas_check(const Stmt *body, const Stmt *s) {
    const Pragma *parallel = loop_parallel_pragma(s);
    int errors = parallel ? shared_updates(s, parallel, s->then) + private_read_after(body, s, parallel) +
                            firstprivate_assigned(s, parallel) : 0;
    for (int i = 0; i < s->npragmas; i++)
        for (int k = 0; k < s->pragmas[i].nclauses; k++) {
            const OmpClause *c = &s->pragmas[i].clauses[k];
            for (int v = 0; c->op && strcmp(c->op, "+") != 0 && v < c->nvars; v++)
                if (c->vars[v]->active) {
                    error_at(c->at, "reduction(%s: %s) on a value with derivatives is not supported by adc "
                             "(the derivative follows the trip that gives the %s): write the loop with a "
                             "reduction(+: ...) or without OpenMP", c->op, c->vars[v]->name, c->op);
                    errors++;
                }
        }
    return errors;
}

const Pragma *loop_parallel_pragma(const Stmt *s) {
    for (int i = 0; i < s->npragmas; i++)
        if (s->pragmas[i].kind == PRAGMA_OPENMP && s->pragmas[i].parallel)
            return &s->pragmas[i];
    return NULL;
}

const char *loop_parallel_kept(const Pragma *p) {
    Buf b = {0};
    buf_puts(&b, "parallel for");
    for (int k = 0; k < p->nclauses; k++)
        if (!lists_vars(&p->clauses[k]) && strcmp(p->clauses[k].name, "safelen") != 0 &&
            strcmp(p->clauses[k].name, "simdlen") != 0 && strcmp(p->clauses[k].name, "collapse") != 0)
            buf_printf(&b, " %s", p->clauses[k].text);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}
