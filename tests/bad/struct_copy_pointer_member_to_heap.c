// ARGS:
// EXIT: 1
// ERROR: struct_copy_pointer_member_to_heap.c:21:9: error: copying a struct whose member 'data' points to floating data into memory other than a local struct variable is not supported: adc cannot tell which array its derivative points into; copy it into a local struct variable, or assign its other members one by one
// Enzyme's ReverseMode/mixedstruct1-sp.c and -old.c: frames copied into heap blocks by struct
// assignment (`*frame1 = *frame`), their data pointer with them. The adjoint copied the members
// but left the shadow block's data pointer null (the backward sweep crashed), and hvp stopped
// with an internal failure; `frame2->data = frame->data` written out was already refused.
#include <stdlib.h>
#include <adc.h>

typedef struct {
    long lo, hi;
    double *data;
} frame_t;

static double tile(frame_t *frame) {
    if (frame->hi - frame->lo > 1) {
        long mid = frame->lo + (frame->hi - frame->lo) / 2;
        frame_t *f1 = malloc(sizeof(frame_t));
        frame_t *f2 = malloc(sizeof(frame_t));
        *f1 = *frame;
        *f2 = *frame;
        f1->hi = mid;
        f2->lo = mid;
        double s = tile(f1) + tile(f2);
        free(f1);
        free(f2);
        return s;
    }
    return frame->data[frame->lo] * frame->data[frame->lo];
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double f(int n, const double *x) {
    double d[4];
    for (int i = 0; i < 4; i++)
        d[i] = x[i % n];
    frame_t fr;
    fr.lo = 0;
    fr.hi = 4;
    fr.data = d;
    return tile(&fr);
}
