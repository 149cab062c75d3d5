/* mpi_calls.h: the libadc_mpi calls (include/adc_mpi.h) that stand for MPI calls in tangent
 * code and in reverse mode's two sweeps. */
#ifndef ADC_MPI_CALLS_H
#define ADC_MPI_CALLS_H

#include "ir.h"

typedef enum { MPI_STAGE_TANGENT, MPI_STAGE_FORWARD, MPI_STAGE_REVERSE } MpiStage;

/* Whether derivative code runs statement s, an MPI call, through libadc_mpi: one with an
 * active buffer, or a wait (it may complete a nonblocking call that has one). */
bool mpi_routed(const Stmt *s);
/* Whether s is an MPI call a derivative may route, whatever the activity: one on floating
 * buffers, or a wait. */
bool mpi_stmt_communicates(const Stmt *s);
/* Whether fn's body has one (the generated file then includes adc_mpi.h). */
bool mpi_func_routed(const Func *fn);
/* The C text of the call for stage (without `;`), in the function body the stage walks;
 * NULL after reporting an error. */
const char *mpi_call_text(const Stmt *body, const Expr *call, MpiStage stage);

#endif
