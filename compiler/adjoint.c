/* adjoint.c: the reverse-mode transform. */
#include "adjoint.h"
#include "diag.h"

int adjoint_emit(Gen *g, const Instance *in) {
    (void)g;
    error_at(in->fn->loc, "adjoint mode is not implemented yet");
    return 1;
}
