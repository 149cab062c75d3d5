/* mpifn.h: the MPI calls adc differentiates (libadc_mpi does their communication, see
 * include/adc_mpi.h and doc/CONVENTIONS.md, "MPI"), and where their buffers are. */
#ifndef ADC_MPIFN_H
#define ADC_MPIFN_H

#include "ir.h"

typedef enum {
    MPI_SEND, MPI_RECV, MPI_SENDRECV, MPI_ISEND, MPI_IRECV, MPI_WAIT, MPI_WAITALL,
    MPI_BCAST, MPI_REDUCE, MPI_ALLREDUCE,
} MpiKind;

struct MpiFn {
    const char *name;       /* "MPI_Send" */
    const char *runtime;    /* "send": libadc_mpi's adc_mpi_send_d, _fwd, _b */
    MpiKind kind;
    int nargs;
    int send, recv;         /* the argument the data is sent from, received into; -1: none (Bcast: both 0) */
    int send_type, recv_type; /* the MPI_Datatype of each, or -1 */
    int op;                 /* the MPI_Op, or -1 */
};

/* The MPI function called name, or NULL. */
const MpiFn *mpifn_lookup(const char *name);
/* Whether the call is point-to-point (the other side may be in other code). */
bool mpifn_point_to_point(const MpiFn *m);
/* Whether the call completes requests (MPI_Wait, MPI_Waitall): it has no buffer, but the
 * derivative code of a function with nonblocking calls runs it through libadc_mpi. */
bool mpifn_waits(const MpiFn *m);
/* Whether the MPI function called name only reads the MPI_Status it is given (its parameter
 * is a pointer to const): MPI_Get_count, ... */
bool mpifn_reads_status(const char *name);

#endif
