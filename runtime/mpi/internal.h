/* internal.h: what the files of libadc_mpi share: buffers of MPI_DOUBLE / MPI_FLOAT data,
 * and the record of the forward sweep's communication that the backward sweep reverses. */
#ifndef ADC_MPI_INTERNAL_H
#define ADC_MPI_INTERNAL_H

#include <stddef.h>
#include "adc_mpi.h"

/* Stops every rank with a message naming the call (a misuse adc could not see). */
void adc_mpi_die(const char *call, const char *why) __attribute__((noreturn));
/* The bytes of count elements of type (MPI_DOUBLE or MPI_FLOAT; anything else: dies). */
size_t adc_mpi_bytes(const char *call, MPI_Datatype type, int count);
/* count zeroed elements (free with free()): the derivative of an inactive buffer. */
void *adc_mpi_zeros(const char *call, MPI_Datatype type, int count);
/* A copy of count elements of buf. */
void *adc_mpi_copy(const char *call, const void *buf, MPI_Datatype type, int count);
/* to[i] += from[i]; to NULL: nothing. */
void adc_mpi_accumulate(void *to, const void *from, MPI_Datatype type, int count);
/* Sets count elements of buf (NULL: nothing) to zero. */
void adc_mpi_clear(void *buf, MPI_Datatype type, int count);
/* Dies unless op is MPI_SUM. */
void adc_mpi_need_sum(const char *call, MPI_Op op);

typedef enum { OP_SEND, OP_RECV, OP_SENDRECV, OP_ISEND, OP_IRECV, OP_WAIT, OP_BCAST, OP_REDUCE, OP_ALLREDUCE } OpKind;

/* One communication of the forward sweep. */
typedef struct Op {
    OpKind kind;
    int count, count2;          /* SENDRECV: count2 received */
    MPI_Datatype type, type2;
    int peer, tag, peer2, tag2; /* destination or source (root for collectives); SENDRECV: the source */
    MPI_Comm comm;
    void *saved;                /* what a receive overwrote */
    MPI_Request *slot;          /* ISEND, IRECV: where the user's request is, until its wait */
    MPI_Request request;        /* and what it held (OpenMPI may give one handle to several
                                   requests that completed at once: slots tell them apart) */
    int waited;                 /* ISEND, IRECV: a wait completed it */
    MPI_Request reversed;       /* its reversal, started by the wait's */
    int posted;
    void *scratch;              /* ISEND: the adjoint received; IRECV: zeros sent */
    int root_number;            /* IRECV: which root the buffer lies in, and where */
    ptrdiff_t offset;
    struct Op **waits;          /* WAIT: the operations it completed */
    int nwaits;
} Op;

Op *adc_mpi_record(OpKind kind, MPI_Comm comm);
/* The last operation recorded, removed (the caller frees it); dies unless it is of kind. */
Op *adc_mpi_unrecord(const char *call, OpKind kind);
/* The nonblocking operation recorded for the request at slot, not yet waited for, or NULL
 * (dies when the request is one recorded at another slot: a copy). */
Op *adc_mpi_pending(const char *call, MPI_Request *slot);
/* Dies when request, found at slot, is the copy of one libadc_mpi keeps at another slot. */
void adc_mpi_not_a_copy(const char *call, const MPI_Request *slot, MPI_Request request, const MPI_Request *kept,
                        MPI_Request kept_request);
/* Starts the reversal of the operations a wait completed (adc_mpi_wait_b). */
void adc_mpi_start_reversals(const char *call, Op *wait, int nroots, void *const *roots_b);
void adc_mpi_free_op(Op *op);

#endif
