/* tangent.c: libadc_mpi in tangent code. Each call communicates the values, then the
 * tangents in the same pattern (same peers, tags, communicator: MPI matches the two messages
 * of a pair in the order they were posted). A nonblocking call's tangent request is kept
 * beside the user's, found by the user's request's address at the wait. */
#include <stdlib.h>
#include "internal.h"

typedef struct Pair {
    MPI_Request *slot;          /* where the user's request is (see Op.slot) */
    MPI_Request request, tangent;
    void *scratch;              /* zeros sent, or a tangent received and dropped */
    struct Pair *next;
} Pair;

static Pair *pairs;

/* The tangent of buf, or count zeros in *scratch when it has none (NULL). */
static void *tangent_or_zeros(const char *call, const void *buf_d, MPI_Datatype type, int count, void **scratch) {
    *scratch = buf_d ? NULL : adc_mpi_zeros(call, type, count);
    return buf_d ? (void *)buf_d : *scratch;
}

int adc_mpi_send_d(const void *buf, const void *buf_d, int count, MPI_Datatype type, int dest, int tag,
                   MPI_Comm comm) {
    void *scratch, *d = tangent_or_zeros("MPI_Send", buf_d, type, count, &scratch);
    int rc = MPI_Send(buf, count, type, dest, tag, comm);
    if (rc == MPI_SUCCESS)
        rc = MPI_Send(d, count, type, dest, tag, comm);
    free(scratch);
    return rc;
}

int adc_mpi_recv_d(void *buf, void *buf_d, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                   MPI_Status *status) {
    MPI_Status own;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &own : status;
    void *scratch, *d = tangent_or_zeros("MPI_Recv", buf_d, type, count, &scratch);
    int rc = MPI_Recv(buf, count, type, source, tag, comm, st);
    if (rc == MPI_SUCCESS) /* from the sender of the value, with its tag */
        rc = MPI_Recv(d, count, type, st->MPI_SOURCE, st->MPI_TAG, comm, MPI_STATUS_IGNORE);
    free(scratch);
    return rc;
}

int adc_mpi_sendrecv_d(const void *sendbuf, const void *sendbuf_d, int sendcount, MPI_Datatype sendtype, int dest,
                       int sendtag, void *recvbuf, void *recvbuf_d, int recvcount, MPI_Datatype recvtype,
                       int source, int recvtag, MPI_Comm comm, MPI_Status *status) {
    MPI_Status own;
    MPI_Status *st = status == MPI_STATUS_IGNORE ? &own : status;
    void *scratch_s, *scratch_r;
    void *sd = tangent_or_zeros("MPI_Sendrecv", sendbuf_d, sendtype, sendcount, &scratch_s);
    void *rd = tangent_or_zeros("MPI_Sendrecv", recvbuf_d, recvtype, recvcount, &scratch_r);
    int rc = MPI_Sendrecv(sendbuf, sendcount, sendtype, dest, sendtag, recvbuf, recvcount, recvtype, source, recvtag,
                          comm, st);
    if (rc == MPI_SUCCESS)
        rc = MPI_Sendrecv(sd, sendcount, sendtype, dest, sendtag, rd, recvcount, recvtype, st->MPI_SOURCE,
                          st->MPI_TAG, comm, MPI_STATUS_IGNORE);
    free(scratch_s);
    free(scratch_r);
    return rc;
}

static int keep_pair(MPI_Request *slot, MPI_Request tangent, void *scratch) {
    Pair *p = malloc(sizeof *p);
    if (!p)
        adc_mpi_die("MPI_Isend/MPI_Irecv", "out of memory");
    *p = (Pair){slot, *slot, tangent, scratch, pairs};
    pairs = p;
    return MPI_SUCCESS;
}

int adc_mpi_isend_d(const void *buf, const void *buf_d, int count, MPI_Datatype type, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request) {
    void *scratch, *d = tangent_or_zeros("MPI_Isend", buf_d, type, count, &scratch);
    MPI_Request tangent;
    int rc = MPI_Isend(buf, count, type, dest, tag, comm, request);
    if (rc == MPI_SUCCESS && (rc = MPI_Isend(d, count, type, dest, tag, comm, &tangent)) == MPI_SUCCESS)
        return keep_pair(request, tangent, scratch);
    return rc;
}

int adc_mpi_irecv_d(void *buf, void *buf_d, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                    MPI_Request *request) {
    if (source == MPI_ANY_SOURCE || tag == MPI_ANY_TAG)
        adc_mpi_die("MPI_Irecv", "MPI_ANY_SOURCE and MPI_ANY_TAG are not supported in derivative code");
    void *scratch, *d = tangent_or_zeros("MPI_Irecv", buf_d, type, count, &scratch);
    MPI_Request tangent;
    int rc = MPI_Irecv(buf, count, type, source, tag, comm, request);
    if (rc == MPI_SUCCESS && (rc = MPI_Irecv(d, count, type, source, tag, comm, &tangent)) == MPI_SUCCESS)
        return keep_pair(request, tangent, scratch);
    return rc;
}

/* Completes the tangent request kept for the request at slot (holding request before its
 * wait), if any. */
static int wait_tangent(MPI_Request *slot, MPI_Request request) {
    for (Pair **p = &pairs; *p; p = &(*p)->next)
        if ((*p)->slot == slot) {
            Pair *found = *p;
            *p = found->next;
            int rc = MPI_Wait(&found->tangent, MPI_STATUS_IGNORE);
            free(found->scratch);
            free(found);
            return rc;
        }
    for (Pair *p = pairs; p; p = p->next)
        adc_mpi_not_a_copy("MPI_Wait", slot, request, p->slot, p->request);
    return MPI_SUCCESS;
}

int adc_mpi_wait_d(MPI_Request *request, MPI_Status *status) {
    MPI_Request was = *request;
    int rc = MPI_Wait(request, status);
    return rc == MPI_SUCCESS ? wait_tangent(request, was) : rc;
}

int adc_mpi_waitall_d(int count, MPI_Request *requests, MPI_Status *statuses) {
    MPI_Request *was = malloc(sizeof *was * (size_t)(count > 0 ? count : 1));
    if (!was)
        adc_mpi_die("MPI_Waitall", "out of memory");
    for (int i = 0; i < count; i++)
        was[i] = requests[i];
    int rc = MPI_Waitall(count, requests, statuses);
    for (int i = 0; rc == MPI_SUCCESS && i < count; i++)
        rc = wait_tangent(&requests[i], was[i]);
    free(was);
    return rc;
}

int adc_mpi_bcast_d(void *buf, void *buf_d, int count, MPI_Datatype type, int root, MPI_Comm comm) {
    void *scratch, *d = tangent_or_zeros("MPI_Bcast", buf_d, type, count, &scratch);
    int rc = MPI_Bcast(buf, count, type, root, comm);
    if (rc == MPI_SUCCESS)
        rc = MPI_Bcast(d, count, type, root, comm);
    free(scratch);
    return rc;
}

int adc_mpi_reduce_d(const void *sendbuf, const void *sendbuf_d, void *recvbuf, void *recvbuf_d, int count,
                     MPI_Datatype type, MPI_Op op, int root, MPI_Comm comm) {
    adc_mpi_need_sum("MPI_Reduce", op);
    int rank;
    MPI_Comm_rank(comm, &rank);
    void *scratch_s, *scratch_r = NULL;
    void *sd = tangent_or_zeros("MPI_Reduce", sendbuf_d, type, count, &scratch_s);
    void *rd = rank == root ? tangent_or_zeros("MPI_Reduce", recvbuf_d, type, count, &scratch_r) : NULL;
    int rc = MPI_Reduce(sendbuf, recvbuf, count, type, op, root, comm);
    if (rc == MPI_SUCCESS)
        rc = MPI_Reduce(sd, rd, count, type, op, root, comm);
    free(scratch_s);
    free(scratch_r);
    return rc;
}

int adc_mpi_allreduce_d(const void *sendbuf, const void *sendbuf_d, void *recvbuf, void *recvbuf_d, int count,
                        MPI_Datatype type, MPI_Op op, MPI_Comm comm) {
    adc_mpi_need_sum("MPI_Allreduce", op);
    void *scratch_s, *scratch_r;
    void *sd = tangent_or_zeros("MPI_Allreduce", sendbuf_d, type, count, &scratch_s);
    void *rd = tangent_or_zeros("MPI_Allreduce", recvbuf_d, type, count, &scratch_r);
    int rc = MPI_Allreduce(sendbuf, recvbuf, count, type, op, comm);
    if (rc == MPI_SUCCESS)
        rc = MPI_Allreduce(sd, rd, count, type, op, comm);
    free(scratch_s);
    free(scratch_r);
    return rc;
}
