/* record.c: the forward sweep's communication, last in first out, as the backward sweep
 * reverses it; and the start of a wait's reversals. */
#include <stdlib.h>
#include "internal.h"

static Op **ops;
static int nops, capops;

Op *adc_mpi_record(OpKind kind, MPI_Comm comm) {
    if (nops == capops) {
        capops = capops ? 2 * capops : 64;
        Op **grown = realloc(ops, sizeof *ops * (size_t)capops);
        if (!grown)
            adc_mpi_die("forward sweep", "out of memory");
        ops = grown;
    }
    Op *op = calloc(1, sizeof *op);
    if (!op)
        adc_mpi_die("forward sweep", "out of memory");
    op->kind = kind;
    op->comm = comm;
    op->request = op->reversed = MPI_REQUEST_NULL;
    return ops[nops++] = op;
}

Op *adc_mpi_unrecord(const char *call, OpKind kind) {
    if (nops == 0 || ops[nops - 1]->kind != kind)
        adc_mpi_die(call, "the backward sweep is out of step with the forward sweep's communication "
                          "(every rank must run the same derivative code)");
    return ops[--nops];
}

void adc_mpi_not_a_copy(const char *call, const MPI_Request *slot, MPI_Request request, const MPI_Request *kept,
                        MPI_Request kept_request) {
    if (slot != kept && request != MPI_REQUEST_NULL && request == kept_request)
        adc_mpi_die(call, "a copy of a request is waited for: wait on the variable MPI_Isend or MPI_Irecv "
                          "was given");
}

Op *adc_mpi_pending(const char *call, MPI_Request *slot) {
    for (int i = nops - 1; i >= 0; i--)
        if ((ops[i]->kind == OP_ISEND || ops[i]->kind == OP_IRECV) && !ops[i]->waited && ops[i]->slot == slot)
            return ops[i];
    for (int i = nops - 1; i >= 0; i--)
        if ((ops[i]->kind == OP_ISEND || ops[i]->kind == OP_IRECV) && !ops[i]->waited)
            adc_mpi_not_a_copy(call, slot, *slot, ops[i]->slot, ops[i]->request);
    return NULL;
}

void adc_mpi_free_op(Op *op) {
    free(op->saved);
    free(op->scratch);
    free(op->waits);
    free(op);
}

/* Whether two point-to-point operations use one channel: MPI matches their messages in order. */
static int same_channel(const Op *a, const Op *b) {
    int a_sends = a->kind == OP_SEND || a->kind == OP_ISEND, b_sends = b->kind == OP_SEND || b->kind == OP_ISEND;
    int comm_same;
    MPI_Comm_compare(a->comm, b->comm, &comm_same);
    if (comm_same != MPI_IDENT)
        return 0;
    if (b->kind == OP_SENDRECV)
        return (a_sends && a->peer == b->peer && a->tag == b->tag) ||
               (!a_sends && a->peer == b->peer2 && a->tag == b->tag2);
    return b->kind <= OP_IRECV && a_sends == b_sends && a->peer == b->peer && a->tag == b->tag;
}

/* Whether op is one of wait's. */
static int waited_by(const Op *op, const Op *wait) {
    for (int k = 0; k < wait->nwaits; k++)
        if (wait->waits[k] == op)
            return 1;
    return 0;
}

/* The reversal of op (from ops[at]) may start: every operation recorded after it on its
 * channel has started its reversal already (those of the same wait just before it, latest
 * first; a blocking one never has). Else the two sides might start their reversals in
 * different orders and MPI pair them wrongly: the program stops. */
static void check_order(const char *call, int at) {
    for (int i = at + 1; i < nops; i++)
        if (same_channel(ops[at], ops[i]) && !ops[i]->posted)
            adc_mpi_die(call, "a request is waited for before a later message between the same ranks with "
                              "the same tag: its reversal could match the wrong message (wait for them in "
                              "the order posted, or in one MPI_Waitall)");
}

void adc_mpi_start_reversals(const char *call, Op *wait, int nroots, void *const *roots_b) {
    for (int i = nops - 1; i >= 0; i--) { /* the latest first */
        Op *op = ops[i];
        if (!waited_by(op, wait))
            continue;
        check_order(call, i);
        op->posted = 1;
        if (op->kind == OP_ISEND) {
            op->scratch = adc_mpi_zeros(call, op->type, op->count);
            MPI_Irecv(op->scratch, op->count, op->type, op->peer, op->tag, op->comm, &op->reversed);
            continue;
        }
        char *root_b = op->root_number >= 0 && op->root_number < nroots ? roots_b[op->root_number] : NULL;
        void *buf_b = root_b ? root_b + op->offset : NULL;
        if (!buf_b)
            buf_b = op->scratch = adc_mpi_zeros(call, op->type, op->count);
        MPI_Isend(buf_b, op->count, op->type, op->peer, op->tag, op->comm, &op->reversed);
    }
}
