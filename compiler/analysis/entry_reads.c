/* entry_reads.c: where a requested function may read the value an active global holds on
 * entry. Its derivatives take that value's derivative as 0 unless wrt(...) names the global
 * (README, Globals): right for a parameter the caller set, but a value an earlier call left
 * there is then a constant. A cache (`if (z == last_x) return last_val;`) gives a derivative
 * of 0 whenever a call finds its result there, as when an optimizer calls f and then f_grad
 * at one point. adc says so, with a warning at the read.
 *
 * The walk is entry_value.c's, into the functions called. Conservative: a loop counts as
 * running no trip; an element assigned counts for the array; the global's address handed on
 * reads it. */
#include <string.h>
#include "diag.h"
#include "entry_reads.h"
#include "entry_value.h"

static bool is_global(const Var *v, const void *name) {
    return v->kind == VAR_GLOBAL && strcmp(v->name, name) == 0;
}

static bool named_in_wrt(const Func *fn, const char *global) {
    for (int i = 0; i < fn->nwrt_globals; i++)
        if (strcmp(fn->wrt_globals[i], global) == 0)
            return true;
    return false;
}

void entry_reads_warn(const Program *prog) {
    for (int f = 0; f < prog->nfuncs; f++) {
        const Func *fn = prog->funcs[f];
        for (int g = 0; fn->requested && g < prog->nactive_globals; g++) {
            const Var *global = prog->active_globals[g];
            if (global_is_pointer(global) || named_in_wrt(fn, global->name))
                continue;
            EntryValueOf of = {.is = is_global, .ctx = global->name, .into_calls = true};
            const Expr *read = entry_value_read(fn, &of);
            if (read)
                warning_at(read->loc, "'%s' may read here the value the global '%s' holds on entry: its "
                           "derivatives take that value as a constant (wrt(...) does not name '%s'), so a "
                           "value an earlier call left there, as a cache does, passes no derivative on [-Wentry-value]",
                           fn->name, global->name, global->name);
        }
    }
}
