/* adjoint_swaps.h: reverse mode of buffers swapped through the members of a struct parameter
 * (see adjoint_swaps.c). Not for use outside modes/adjoint*.c. */
#ifndef ADC_ADJOINT_SWAPS_H
#define ADC_ADJOINT_SWAPS_H

#include "adjoint_internal.h"

/* Checks the stores re-pointing the members of a->fn's struct parameters (they must permute
 * the blocks held on entry), counting in a->errors what it cannot follow (and reporting it when
 * report: once per function), and notes the members swapped. */
void swaps_check(Adj *a, bool report);
/* Where the backward sweep begins: each swapped member and its shadow member, as noted. */
void swaps_note_exits(Adj *a, const char *(*shadow_name)(const Var *));
/* After the backward sweep restores member lhs (`g->u`) from the tape: its shadow member is
 * the shadow of the block restored, found among those noted. */
void swaps_restore_shadow(Adj *a, const Expr *lhs, const char *(*shadow_name)(const Var *));
/* For `s.m = a;` (stmt_points_member): when a call re-points the members of local struct s,
 * points s's shadow member to the shadow of the block s.m holds where the backward sweep begins,
 * among the blocks the function gave s's members, and returns true. */
bool swaps_member_shadow(Adj *a, const Stmt *s, const char *(*shadow_name)(const Var *));

#endif
