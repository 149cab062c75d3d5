/* adjoint.c: libadc_mpi in reverse mode. The forward sweep communicates and records each
 * operation (with what a receive overwrote); the backward sweep reverses them in the
 * opposite order: a send's adjoint receives the adjoint and adds it, a receive's sends the
 * adjoint and zeroes it (restoring the value it overwrote), Bcast's is a sum to the root,
 * Reduce-sum's a Bcast of the root's adjoint, Allreduce-sum's an Allreduce-sum of adjoints.
 * A nonblocking operation's reversal starts at its wait's and completes at its own. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static void restore(const Op *op, void *buf, MPI_Datatype type, int count) {
    if (buf && op->saved)
        memcpy(buf, op->saved, adc_mpi_bytes("restore", type, count));
}

/* MPI_ANY_SOURCE, MPI_ANY_TAG: the adjoint goes back to the sender (not from MPI_PROC_NULL),
 * with as many elements as arrived (a receive may be given room for more than is sent). */
static void sender(const MPI_Status *st, MPI_Datatype type, int *count, int *peer, int *tag) {
    if (*peer == MPI_PROC_NULL)
        return;
    MPI_Get_count(st, type, count);
    *peer = st->MPI_SOURCE;
    *tag = st->MPI_TAG;
}

/* A receive from MPI_PROC_NULL leaves its buffer alone: its adjoint stays too. */
static void clear_received(int peer, void *buf_b, MPI_Datatype type, int count) {
    if (peer != MPI_PROC_NULL)
        adc_mpi_clear(buf_b, type, count);
}

static Op *p2p(OpKind kind, int count, MPI_Datatype type, int peer, int tag, MPI_Comm comm) {
    Op *op = adc_mpi_record(kind, comm);
    op->count = count;
    op->type = type;
    op->peer = peer;
    op->tag = tag;
    return op;
}

int adc_mpi_send_fwd(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm) {
    adc_mpi_bytes("MPI_Send", type, count);
    p2p(OP_SEND, count, type, dest, tag, comm);
    return MPI_Send(buf, count, type, dest, tag, comm);
}

int adc_mpi_recv_fwd(void *buf, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                     MPI_Status *status) {
    MPI_Status own;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &own : status;
    Op *op = p2p(OP_RECV, count, type, source, tag, comm);
    op->saved = adc_mpi_copy("MPI_Recv", buf, type, count);
    int rc = MPI_Recv(buf, count, type, source, tag, comm, st);
    sender(st, type, &op->count, &op->peer, &op->tag);
    return rc;
}

int adc_mpi_sendrecv_fwd(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                         void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                         MPI_Comm comm, MPI_Status *status) {
    MPI_Status own;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &own : status;
    Op *op = p2p(OP_SENDRECV, sendcount, sendtype, dest, sendtag, comm);
    op->count2 = recvcount;
    op->type2 = recvtype;
    adc_mpi_bytes("MPI_Sendrecv", sendtype, sendcount);
    op->saved = adc_mpi_copy("MPI_Sendrecv", recvbuf, recvtype, recvcount);
    int rc = MPI_Sendrecv(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount, recvtype, source, recvtag,
                          comm, st);
    op->peer2 = source;
    op->tag2 = recvtag;
    sender(st, recvtype, &op->count2, &op->peer2, &op->tag2);
    return rc;
}

int adc_mpi_isend_fwd(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
                      MPI_Request *request) {
    adc_mpi_bytes("MPI_Isend", type, count);
    Op *op = p2p(OP_ISEND, count, type, dest, tag, comm);
    int rc = MPI_Isend(buf, count, type, dest, tag, comm, request);
    op->slot = request;
    op->request = *request;
    return rc;
}

int adc_mpi_irecv_fwd(void *buf, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                      MPI_Request *request, int root_number, const void *root) {
    if (source == MPI_ANY_SOURCE || tag == MPI_ANY_TAG)
        adc_mpi_die("MPI_Irecv", "MPI_ANY_SOURCE and MPI_ANY_TAG are not supported in derivative code");
    Op *op = p2p(OP_IRECV, count, type, source, tag, comm);
    op->saved = adc_mpi_copy("MPI_Irecv", buf, type, count);
    op->root_number = root_number;
    op->offset = root ? (const char *)buf - (const char *)root : 0;
    int rc = MPI_Irecv(buf, count, type, source, tag, comm, request);
    op->slot = request;
    op->request = *request;
    return rc;
}

/* Records the wait for requests[0..count-1], waits (statuses: MPI_STATUSES_IGNORE or one per
 * request) and keeps how many elements each MPI_Irecv among them received. */
static int record_wait(const char *call, int count, MPI_Request *requests, MPI_Status *statuses) {
    Op *wait = adc_mpi_record(OP_WAIT, MPI_COMM_WORLD);
    size_t room = (size_t)(count > 0 ? count : 1);
    wait->waits = malloc(sizeof *wait->waits * room);
    Op **found = malloc(sizeof *found * room);
    MPI_Status *own = statuses == MPI_STATUSES_IGNORE ? malloc(sizeof *own * room) : statuses;
    if (!wait->waits || !found || !own)
        adc_mpi_die(call, "out of memory");
    for (int i = 0; i < count; i++) {
        found[i] = adc_mpi_pending(call, &requests[i]);
        if (found[i]) {
            found[i]->waited = 1;
            wait->waits[wait->nwaits++] = found[i];
        }
    }
    int rc = MPI_Waitall(count, requests, own);
    for (int i = 0; i < count; i++)
        if (found[i] && found[i]->kind == OP_IRECV && found[i]->peer != MPI_PROC_NULL)
            MPI_Get_count(&own[i], found[i]->type, &found[i]->count);
    if (own != statuses)
        free(own);
    free(found);
    return rc;
}

int adc_mpi_wait_fwd(MPI_Request *request, MPI_Status *status) {
    return record_wait("MPI_Wait", 1, request, status == MPI_STATUS_IGNORE ? MPI_STATUSES_IGNORE : status);
}

int adc_mpi_waitall_fwd(int count, MPI_Request *requests, MPI_Status *statuses) {
    return record_wait("MPI_Waitall", count, requests, statuses);
}

int adc_mpi_bcast_fwd(void *buf, int count, MPI_Datatype type, int root, MPI_Comm comm) {
    Op *op = p2p(OP_BCAST, count, type, root, 0, comm);
    op->saved = adc_mpi_copy("MPI_Bcast", buf, type, count);
    return MPI_Bcast(buf, count, type, root, comm);
}

int adc_mpi_reduce_fwd(const void *sendbuf, void *recvbuf, int count, MPI_Datatype type, MPI_Op op, int root,
                       MPI_Comm comm) {
    adc_mpi_need_sum("MPI_Reduce", op);
    int rank;
    MPI_Comm_rank(comm, &rank);
    Op *rec = p2p(OP_REDUCE, count, type, root, 0, comm);
    adc_mpi_bytes("MPI_Reduce", type, count);
    if (rank == root) /* the receive buffer matters only there */
        rec->saved = adc_mpi_copy("MPI_Reduce", recvbuf, type, count);
    return MPI_Reduce(sendbuf, recvbuf, count, type, op, root, comm);
}

int adc_mpi_allreduce_fwd(const void *sendbuf, void *recvbuf, int count, MPI_Datatype type, MPI_Op op,
                          MPI_Comm comm) {
    adc_mpi_need_sum("MPI_Allreduce", op);
    Op *rec = p2p(OP_ALLREDUCE, count, type, 0, 0, comm);
    rec->saved = adc_mpi_copy("MPI_Allreduce", recvbuf, type, count);
    return MPI_Allreduce(sendbuf, recvbuf, count, type, op, comm);
}

/* ---- backward sweep ---- */

/* The adjoint to send from buf_b: itself, or zeros kept in op->scratch when it is NULL. */
static void *adjoint_or_zeros(Op *op, void *buf_b, MPI_Datatype type, int count) {
    return buf_b ? buf_b : (op->scratch = adc_mpi_zeros("backward sweep", type, count));
}

void adc_mpi_send_b(void *buf_b) {
    Op *op = adc_mpi_unrecord("MPI_Send", OP_SEND);
    void *received = adc_mpi_zeros("MPI_Send", op->type, op->count);
    MPI_Recv(received, op->count, op->type, op->peer, op->tag, op->comm, MPI_STATUS_IGNORE);
    adc_mpi_accumulate(buf_b, received, op->type, op->count);
    free(received);
    adc_mpi_free_op(op);
}

void adc_mpi_recv_b(void *buf, void *buf_b) {
    Op *op = adc_mpi_unrecord("MPI_Recv", OP_RECV);
    MPI_Send(adjoint_or_zeros(op, buf_b, op->type, op->count), op->count, op->type, op->peer, op->tag, op->comm);
    clear_received(op->peer, buf_b, op->type, op->count);
    restore(op, buf, op->type, op->count);
    adc_mpi_free_op(op);
}

void adc_mpi_sendrecv_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b) {
    Op *op = adc_mpi_unrecord("MPI_Sendrecv", OP_SENDRECV);
    void *received = adc_mpi_zeros("MPI_Sendrecv", op->type, op->count);
    MPI_Sendrecv(adjoint_or_zeros(op, recvbuf_b, op->type2, op->count2), op->count2, op->type2, op->peer2, op->tag2,
                 received, op->count, op->type, op->peer, op->tag, op->comm, MPI_STATUS_IGNORE);
    clear_received(op->peer2, recvbuf_b, op->type2, op->count2);
    adc_mpi_accumulate(sendbuf_b, received, op->type, op->count);
    restore(op, recvbuf, op->type2, op->count2);
    free(received);
    adc_mpi_free_op(op);
}

void adc_mpi_wait_b(int nroots, void *const *roots_b) {
    Op *wait = adc_mpi_unrecord("MPI_Wait", OP_WAIT);
    adc_mpi_start_reversals("MPI_Wait", wait, nroots, roots_b);
    adc_mpi_free_op(wait);
}

void adc_mpi_waitall_b(int nroots, void *const *roots_b) {
    Op *wait = adc_mpi_unrecord("MPI_Waitall", OP_WAIT);
    adc_mpi_start_reversals("MPI_Waitall", wait, nroots, roots_b);
    adc_mpi_free_op(wait);
}

/* A nonblocking operation whose wait was reversed (else it was never waited for). */
static Op *reversed(const char *call, OpKind kind) {
    Op *op = adc_mpi_unrecord(call, kind);
    if (!op->posted)
        adc_mpi_die(call, "a request not completed by MPI_Wait or MPI_Waitall in the differentiated code");
    MPI_Wait(&op->reversed, MPI_STATUS_IGNORE);
    return op;
}

void adc_mpi_isend_b(void *buf_b) {
    Op *op = reversed("MPI_Isend", OP_ISEND);
    adc_mpi_accumulate(buf_b, op->scratch, op->type, op->count);
    adc_mpi_free_op(op);
}

void adc_mpi_irecv_b(void *buf, void *buf_b) {
    Op *op = reversed("MPI_Irecv", OP_IRECV);
    clear_received(op->peer, buf_b, op->type, op->count);
    restore(op, buf, op->type, op->count);
    adc_mpi_free_op(op);
}

void adc_mpi_bcast_b(void *buf, void *buf_b) {
    Op *op = adc_mpi_unrecord("MPI_Bcast", OP_BCAST);
    int rank;
    MPI_Comm_rank(op->comm, &rank);
    void *sum = adc_mpi_zeros("MPI_Bcast", op->type, op->count);
    MPI_Reduce(adjoint_or_zeros(op, buf_b, op->type, op->count), sum, op->count, op->type, MPI_SUM, op->peer, op->comm);
    adc_mpi_clear(buf_b, op->type, op->count);
    if (rank == op->peer) /* every rank's copy came from the root's */
        adc_mpi_accumulate(buf_b, sum, op->type, op->count);
    restore(op, buf, op->type, op->count);
    free(sum);
    adc_mpi_free_op(op);
}

void adc_mpi_reduce_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b) {
    Op *op = adc_mpi_unrecord("MPI_Reduce", OP_REDUCE);
    int rank;
    MPI_Comm_rank(op->comm, &rank);
    void *root_b = rank == op->peer ? adc_mpi_copy("MPI_Reduce", recvbuf_b, op->type, op->count)
                                    : adc_mpi_zeros("MPI_Reduce", op->type, op->count);
    MPI_Bcast(root_b, op->count, op->type, op->peer, op->comm);
    if (rank == op->peer) {
        adc_mpi_clear(recvbuf_b, op->type, op->count);
        restore(op, recvbuf, op->type, op->count);
    }
    adc_mpi_accumulate(sendbuf_b, root_b, op->type, op->count);
    free(root_b);
    adc_mpi_free_op(op);
}

void adc_mpi_allreduce_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b) {
    Op *op = adc_mpi_unrecord("MPI_Allreduce", OP_ALLREDUCE);
    void *sum = adc_mpi_zeros("MPI_Allreduce", op->type, op->count);
    MPI_Allreduce(adjoint_or_zeros(op, recvbuf_b, op->type, op->count), sum, op->count, op->type, MPI_SUM, op->comm);
    adc_mpi_clear(recvbuf_b, op->type, op->count);
    adc_mpi_accumulate(sendbuf_b, sum, op->type, op->count);
    restore(op, recvbuf, op->type, op->count);
    free(sum);
    adc_mpi_free_op(op);
}
