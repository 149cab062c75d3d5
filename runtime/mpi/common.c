/* common.c: libadc_mpi's buffers of MPI_DOUBLE and MPI_FLOAT data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

void adc_mpi_die(const char *call, const char *why) {
    fprintf(stderr, "adc_mpi: %s: %s\n", call, why);
    MPI_Abort(MPI_COMM_WORLD, 1);
    abort();
}

size_t adc_mpi_bytes(const char *call, MPI_Datatype type, int count) {
    size_t size = type == MPI_DOUBLE ? sizeof(double) : type == MPI_FLOAT ? sizeof(float) : 0;
    if (!size)
        adc_mpi_die(call, "derivatives travel only as MPI_DOUBLE or MPI_FLOAT");
    return size * (size_t)(count > 0 ? count : 0);
}

void *adc_mpi_zeros(const char *call, MPI_Datatype type, int count) {
    void *zeros = calloc(1, adc_mpi_bytes(call, type, count) + 1);
    if (!zeros)
        adc_mpi_die(call, "out of memory");
    return zeros;
}

void *adc_mpi_copy(const char *call, const void *buf, MPI_Datatype type, int count) {
    void *copy = adc_mpi_zeros(call, type, count);
    if (buf)
        memcpy(copy, buf, adc_mpi_bytes(call, type, count));
    return copy;
}

void adc_mpi_accumulate(void *to, const void *from, MPI_Datatype type, int count) {
    for (int i = 0; to && i < count; i++)
        if (type == MPI_DOUBLE)
            ((double *)to)[i] += ((const double *)from)[i];
        else
            ((float *)to)[i] += ((const float *)from)[i];
}

void adc_mpi_clear(void *buf, MPI_Datatype type, int count) {
    if (buf)
        memset(buf, 0, adc_mpi_bytes("clear", type, count));
}

void adc_mpi_need_sum(const char *call, MPI_Op op) {
    if (op != MPI_SUM)
        adc_mpi_die(call, "only MPI_SUM reductions are differentiated");
}
