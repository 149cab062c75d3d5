/* adjoint_internal.h: the state of writing one function's forward and backward sweeps, shared
 * by adjoint.c and the files that write one construct's sweeps (adjoint_checkpoint.c). Not for
 * use outside modes/adjoint*.c. */
#ifndef ADC_ADJOINT_INTERNAL_H
#define ADC_ADJOINT_INTERNAL_H

#include "buf.h"
#include "deriv.h"
#include "instance.h"

/* A local sum standing for an adjoint lvalue in a loop's backward sweep (loop_adjoint.c). When
 * alt is set, consecutive trips add to name and alt in turn (the two swap at the end of each
 * trip), so that the additions form two chains the processor can overlap instead of one; the
 * adjoint is name + alt, the same sum in another order. */
typedef struct Sum {
    const char *shadow;
    const char *name;
    const char *alt;
    const char *type; /* of name and alt */
} Sum;

/* A member of a struct parameter the function re-points (adjoint_swaps.c), with the names of
 * the block it holds and its shadow where the backward sweep begins. */
typedef struct SwapExit {
    const Var *param;
    const char *member;
    const Type *type;
    const char *value, *shadow;
} SwapExit;

typedef struct Adj {
    Instances *instances;
    const Instance *in;
    Func *fn;
    Buf *out;
    Namer names;
    const char *adj;    /* the seed of a statement's backward sweep ("adj" unless the user has one) */
    bool taping;        /* false while writing a checkpointed loop's untaped steps */
    Sum *sums;          /* of the loops being written, outermost first */
    int nsums;
    bool *zero;         /* per variable: its adjoint is known to be 0.0 here (straight-line code) */
    bool *set_aside;    /* per variable: a by-value parameter whose adjoint on entry is set aside */
    const char *zero_elements[8]; /* adjoint elements known to hold 0.0 here (u_b[i]) */
    int nzero_elements;
    int *mentions;      /* per variable: its mentions in the whole function (count_mentions) */
    const Stmt *parallel; /* the `omp parallel for` loop whose backward trips run in parallel */
    bool *private_var;  /* per variable: each of its trips has its own (omp_reverse.c) */
    int parallel_sums;  /* a->nsums as it began: the sums of loops around it are shared */
    const char *pending_pragma; /* to write right above the next backward loop's for */
    bool fused;         /* writing the loop nest of emit_fused: trips in order, forward then backward */
    const char *room;   /* writing a forward loop whose pushes store into this room (room_loop) */
    int room_pushes;    /* the pushes written into it per trip */
    bool room_missed;   /* a push of that loop could not use it */
    SwapExit *swapped;  /* the members of struct parameters the function re-points */
    int nswapped;
    int depth;
    int errors;
} Adj;

/* Writes one line of generated code at the current depth. */
void adj_line(Adj *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The name of what the generator introduces in the function (func_new_name): "tape", "adj". */
const char *adj_named(Adj *a, const char *base);
/* The forward sweep of s; of a body one level deeper, followed by the line extra (or NULL). */
void forward_stmt(Adj *a, const Stmt *s);
void forward_body(Adj *a, const Stmt *s, const char *extra);
/* The backward sweep of s. */
void reverse_stmt(Adj *a, const Stmt *s);
/* The sweeps of an ADC_CHECKPOINT loop (adjoint_checkpoint.c). */
void forward_checkpointed(Adj *a, const Stmt *s);
void reverse_checkpointed(Adj *a, const Stmt *s);

#endif
