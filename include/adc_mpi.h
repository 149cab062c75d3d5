/* adc_mpi.h: libadc_mpi, the communication of derivative code that adc generates from
 * functions calling MPI (doc/CONVENTIONS.md, "MPI"). Link with -ladc_mpi -ladc, under mpicc.
 *
 * For each MPI call it differentiates, adc calls
 *   adc_mpi_NAME_d    in tangent code: the call's arguments, each buffer followed by its
 *                     tangent (NULL: zero); the tangents travel alongside, with the same
 *                     source, destination, tag and communicator;
 *   adc_mpi_NAME_fwd  in the forward sweep of reverse mode: the call's arguments; the
 *                     communication happens and is recorded (what a receive overwrote too);
 *   adc_mpi_NAME_b    in the backward sweep, at the same place: the reversed communication,
 *                     given per buffer sent its adjoint, per buffer received its value and adjoint.
 * Supported: MPI_Send, Recv, Sendrecv, Isend, Irecv, Wait, Waitall, Bcast, and Reduce and
 * Allreduce with MPI_SUM, on MPI_DOUBLE and MPI_FLOAT. A misuse the library detects (a
 * derived datatype, MPI_IN_PLACE, a backward sweep out of step with the forward one, waits
 * whose reversal would match messages differently) stops the program with a message. */
#ifndef ADC_MPI_H
#define ADC_MPI_H

#include <mpi.h>

#ifdef __cplusplus
extern "C" {
#endif

int adc_mpi_send_d(const void *buf, const void *buf_d, int count, MPI_Datatype type, int dest, int tag,
                   MPI_Comm comm);
int adc_mpi_recv_d(void *buf, void *buf_d, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                   MPI_Status *status);
int adc_mpi_sendrecv_d(const void *sendbuf, const void *sendbuf_d, int sendcount, MPI_Datatype sendtype, int dest,
                       int sendtag, void *recvbuf, void *recvbuf_d, int recvcount, MPI_Datatype recvtype,
                       int source, int recvtag, MPI_Comm comm, MPI_Status *status);
int adc_mpi_isend_d(const void *buf, const void *buf_d, int count, MPI_Datatype type, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request);
int adc_mpi_irecv_d(void *buf, void *buf_d, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                    MPI_Request *request);
int adc_mpi_wait_d(MPI_Request *request, MPI_Status *status);
int adc_mpi_waitall_d(int count, MPI_Request *requests, MPI_Status *statuses);
int adc_mpi_bcast_d(void *buf, void *buf_d, int count, MPI_Datatype type, int root, MPI_Comm comm);
int adc_mpi_reduce_d(const void *sendbuf, const void *sendbuf_d, void *recvbuf, void *recvbuf_d, int count,
                     MPI_Datatype type, MPI_Op op, int root, MPI_Comm comm);
int adc_mpi_allreduce_d(const void *sendbuf, const void *sendbuf_d, void *recvbuf, void *recvbuf_d, int count,
                        MPI_Datatype type, MPI_Op op, MPI_Comm comm);

int adc_mpi_send_fwd(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm);
int adc_mpi_recv_fwd(void *buf, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                     MPI_Status *status);
int adc_mpi_sendrecv_fwd(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                         void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                         MPI_Comm comm, MPI_Status *status);
int adc_mpi_isend_fwd(const void *buf, int count, MPI_Datatype type, int dest, int tag, MPI_Comm comm,
                      MPI_Request *request);
/* root: the array (or variable) buf points into, and its number among the arrays the
 * function receives into with MPI_Irecv: adc_mpi_wait_b finds the adjoint of buf there
 * (-1, NULL: buf has no adjoint). */
int adc_mpi_irecv_fwd(void *buf, int count, MPI_Datatype type, int source, int tag, MPI_Comm comm,
                      MPI_Request *request, int root_number, const void *root);
int adc_mpi_wait_fwd(MPI_Request *request, MPI_Status *status);
int adc_mpi_waitall_fwd(int count, MPI_Request *requests, MPI_Status *statuses);
int adc_mpi_bcast_fwd(void *buf, int count, MPI_Datatype type, int root, MPI_Comm comm);
int adc_mpi_reduce_fwd(const void *sendbuf, void *recvbuf, int count, MPI_Datatype type, MPI_Op op, int root,
                       MPI_Comm comm);
int adc_mpi_allreduce_fwd(const void *sendbuf, void *recvbuf, int count, MPI_Datatype type, MPI_Op op,
                          MPI_Comm comm);

void adc_mpi_send_b(void *buf_b);
void adc_mpi_recv_b(void *buf, void *buf_b);
void adc_mpi_sendrecv_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b);
void adc_mpi_isend_b(void *buf_b);
void adc_mpi_irecv_b(void *buf, void *buf_b);
/* roots_b: the adjoints of the roots adc_mpi_irecv_fwd was given, by number (nroots of them). */
void adc_mpi_wait_b(int nroots, void *const *roots_b);
void adc_mpi_waitall_b(int nroots, void *const *roots_b);
void adc_mpi_bcast_b(void *buf, void *buf_b);
void adc_mpi_reduce_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b);
void adc_mpi_allreduce_b(void *sendbuf_b, void *recvbuf, void *recvbuf_b);

#ifdef __cplusplus
}
#endif

#endif
