/* mpifn.c: the table of MPI functions adc differentiates, with the positions of their
 * buffers, datatypes and reduction operation. */
#include <string.h>
#include "mpifn.h"

static const MpiFn table[] = {
    {"MPI_Send", "send", MPI_SEND, 6, 0, -1, 2, -1, -1},
    {"MPI_Recv", "recv", MPI_RECV, 7, -1, 0, -1, 2, -1},
    {"MPI_Sendrecv", "sendrecv", MPI_SENDRECV, 12, 0, 5, 2, 7, -1},
    {"MPI_Isend", "isend", MPI_ISEND, 7, 0, -1, 2, -1, -1},
    {"MPI_Irecv", "irecv", MPI_IRECV, 7, -1, 0, -1, 2, -1},
    {"MPI_Wait", "wait", MPI_WAIT, 2, -1, -1, -1, -1, -1},
    {"MPI_Waitall", "waitall", MPI_WAITALL, 3, -1, -1, -1, -1, -1},
    {"MPI_Bcast", "bcast", MPI_BCAST, 5, 0, 0, 2, 2, -1},
    {"MPI_Reduce", "reduce", MPI_REDUCE, 7, 0, 1, 3, 3, 4},
    {"MPI_Allreduce", "allreduce", MPI_ALLREDUCE, 6, 0, 1, 3, 3, 4},
};

const MpiFn *mpifn_lookup(const char *name) {
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0)
            return &table[i];
    return NULL;
}

bool mpifn_waits(const MpiFn *m) {
    return m->kind == MPI_WAIT || m->kind == MPI_WAITALL;
}

bool mpifn_point_to_point(const MpiFn *m) {
    return m->kind == MPI_SEND || m->kind == MPI_RECV || m->kind == MPI_SENDRECV || m->kind == MPI_ISEND ||
           m->kind == MPI_IRECV;
}

bool mpifn_reads_status(const char *name) {
    static const char *const readers[] = {"MPI_Get_count", "MPI_Get_elements", "MPI_Get_elements_x",
                                          "MPI_Test_cancelled"};
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (strcmp(name, readers[i]) == 0)
            return true;
    return false;
}
