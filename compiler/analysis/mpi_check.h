/* mpi_check.h: which MPI calls carry derivatives, and the refusal of those adc cannot
 * differentiate exactly (see mpifn.h, doc/CONVENTIONS.md "MPI"). */
#ifndef ADC_MPI_CHECK_H
#define ADC_MPI_CHECK_H

#include "ir.h"

/* The buffer arguments of an MPI call adc differentiates (send first, Bcast's once): their
 * indices into *out (at most 2), and the count. */
int mpi_buffers(const Expr *call, int out[2]);
/* Whether an MPI call communicates floating data through one of its buffers. */
bool mpi_call_floating(const Expr *call);
/* Whether s is an MPI call a derivative may route, whatever the activity: one on floating
 * buffers, or a wait. */
bool mpi_stmt_communicates(const Stmt *s);
/* Whether fn or a function it calls has such a call (cached in Func.communicates). */
bool mpi_func_communicates(Func *fn);
/* Whether one of its buffers is active (after activity analysis). */
bool mpi_call_active(const Expr *call);
/* Whether derivative code runs the MPI call through libadc_mpi: a wait (it may complete a
 * nonblocking call that is), one with an active buffer, and any other on floating buffers
 * but Reduce and Allreduce (a point-to-point message or a Bcast may pair with code elsewhere
 * that is active: both sides must send the derivatives, zero for an inactive buffer). */
bool mpi_call_routed(const Expr *call);
/* Reports each MPI call in e that cannot be differentiated: one on floating buffers that is
 * not a statement of its own (as_statement false: activity analysis does not follow it), or
 * other point-to-point calls on floating data and request completions but MPI_Wait and
 * MPI_Waitall (unmatched_p2p), or one libadc_mpi would run (mpi_call_routed) with a datatype other than MPI_DOUBLE / MPI_FLOAT
 * matching the buffer, an operation other than MPI_SUM, MPI_IN_PLACE. Returns the errors. */
int mpi_check_calls(const Expr *e, bool as_statement);

#endif
