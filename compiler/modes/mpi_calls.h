/* mpi_calls.h: the libadc_mpi calls (include/adc_mpi.h) that stand for MPI calls in tangent
 * code and in reverse mode's two sweeps. */
#ifndef ADC_MPI_CALLS_H
#define ADC_MPI_CALLS_H

#include "ir.h"

typedef enum { MPI_STAGE_TANGENT, MPI_STAGE_FORWARD, MPI_STAGE_REVERSE } MpiStage;

/* Whether derivative code runs statement s, an MPI call, through libadc_mpi (mpi_call_routed). */
bool mpi_routed(const Stmt *s);
/* The C text of the call for stage (without `;`), in the function body the stage walks;
 * NULL after reporting an error. */
const char *mpi_call_text(const Stmt *body, const Expr *call, MpiStage stage);

#endif
