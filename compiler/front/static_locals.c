/* static_locals.c: static local scalars that act as automatic ones. f2c declares every local
 * of the Fortran it translates static (`static integer i__, ix; static doublereal dtemp;`),
 * and older C codes do so to keep locals off the stack. Such a variable carries nothing from
 * one call to the next when every call assigns it before it reads it, nothing else can reach
 * it (its address is never taken), and no call of the function runs inside another (no
 * recursion: the function does not reach itself by its calls, and the input files take its
 * address nowhere, so no other code can call it back). Then it is an automatic local, and adc treats
 * it as one; any other static local the function writes is refused (lower.c marks the
 * candidates, Var.static_per_call). */
#include <string.h>
#include "diag.h"
#include "entry_value.h"
#include "lower.h"
#include "static_locals.h"

static bool is_static(const Var *v, const void *static_local) {
    return v == static_local;
}

/* The search for a call cycle through a function: the functions entered so far. */
typedef struct Search {
    const Func *target;
    const Func **seen;
    int nseen;
} Search;

static bool reaches(Search *sr, const Func *from);

static bool calls_reach(Search *sr, const Expr *e) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && e->callee && reaches(sr, e->callee))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (calls_reach(sr, e->args[i]))
            return true;
    return calls_reach(sr, e->lhs) || calls_reach(sr, e->rhs) || calls_reach(sr, e->cond);
}

static bool stmt_calls_reach(Search *sr, const Stmt *s) {
    if (!s)
        return false;
    if (calls_reach(sr, s->lhs) || calls_reach(sr, s->rhs) || calls_reach(sr, s->cond))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (stmt_calls_reach(sr, s->body[i]))
            return true;
    return stmt_calls_reach(sr, s->init) || stmt_calls_reach(sr, s->step) || stmt_calls_reach(sr, s->then) ||
           stmt_calls_reach(sr, s->els);
}

/* Whether a call of from reaches the target by calls (through each call's callee; a dispatch
 * of a function pointer calls its candidates). */
static bool reaches(Search *sr, const Func *from) {
    if (from == sr->target && sr->nseen > 0)
        return true;
    for (int i = 0; i < sr->nseen; i++)
        if (sr->seen[i] == from)
            return false;
    IR_APPEND(sr->seen, sr->nseen, from);
    return stmt_calls_reach(sr, from->body) || (from->primal && reaches(sr, from->primal));
}

static bool address_taken(const FrontEnd *units, int nunits, const Func *fn) {
    for (int u = 0; u < nunits; u++)
        for (int i = 0; i < units[u].ntaken; i++)
            if (strcmp(units[u].taken[i].name, fn->name) == 0)
                return true;
    return false;
}

/* Why static local v of fn cannot be an automatic one, or NULL. */
static const char *why_static(const FrontEnd *units, int nunits, const Func *fn, const Var *v) {
    EntryValueOf of = {.is = is_static, .ctx = v};
    if (stmt_takes_address(fn->body, v))
        return "its address is taken";
    if (entry_value_read(fn, &of))
        return "a call may read the value an earlier call left";
    Search sr = {.target = fn};
    if (reaches(&sr, fn) || address_taken(units, nunits, fn))
        return "the function may run inside a call of itself";
    return NULL;
}

int static_locals(const FrontEnd *units, int nunits) {
    Program *prog = units[0].prog;
    int errors = 0;
    for (int f = 0; f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        for (int i = 0; i < fn->nvars; i++) {
            const char *why = fn->vars[i]->static_per_call ? why_static(units, nunits, fn, fn->vars[i]) : NULL;
            if (why) {
                error_at(fn->vars[i]->loc, "a static local variable the function writes keeps its value from "
                         "one call to the next, which adc does not follow (%s); adc takes one for an automatic "
                         "local when every call assigns it before it reads it, its address is not taken "
                         "and its function does not recurse", why);
                errors++;
            }
        }
    }
    return errors;
}
