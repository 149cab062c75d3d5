/* gen.h: generation of a whole output file: which derivative functions to emit (the
 * requested ones and, on demand, versions of their callees for each pattern of active
 * arguments), their names, and the file around them. */
#ifndef ADC_GEN_H
#define ADC_GEN_H

#include "buf.h"
#include "ir.h"

typedef enum { KIND_TANGENT, KIND_TANGENT_VECTOR, KIND_PRIMAL, KIND_FORWARD, KIND_REVERSE, KIND_ADJOINT, KIND_GRAD } InstanceKind;

typedef struct Instance {
    Func *fn;
    bool *mask;          /* per parameter: active */
    InstanceKind kind;
    int width;           /* KIND_TANGENT_VECTOR: number of directions */
    const char *name;
    bool is_static;
    bool inner;          /* a requested function's tangent as its callers in this file call it:
                            unlike the user's, it leaves the shadow globals as they are */
} Instance;

typedef struct Gen {
    Program *prog;
    Instance **items;
    int count;
    Buf protos;          /* prototypes of every emitted function */
    Buf defs;            /* their definitions */
    int errors;
} Gen;

/* The name of the derivative function of fn for this activity pattern; queues it for
 * emission the first time it is asked for. */
const char *gen_instance(Gen *g, Func *fn, const bool *mask, InstanceKind kind, int width);
/* Writes the whole output file for prog into out. Returns 0 or the number of errors. */
int gen_program(Program *prog, Buf *out, const char *version);
/* The derivative functions alone, prototypes then definitions (no file around them). */
int gen_functions(Program *prog, Buf *out);
/* Prototypes only (for --header), followed by extra. */
int gen_header(Program *prog, Buf *out, const char *version, const char *guard, const char *extra);

/* The active globals whose shadows the user's f_tangent and f_adjoint clear on entry: all
 * but those fn's wrt(...) names (whose directions and seeds the user sets). */
bool gen_clears_global(const Func *fn, const Var *global);
/* A statement (loops over its elements, with names fn does not use) that sets shadow, of
 * type type, to zero: plain assignments, which the second order reads back. */
const char *gen_zero_global(Func *fn, const Type *type, const char *shadow);

/* The parameter list of an instance as C text (used by every transform). */
void gen_signature(Buf *b, const Instance *in);
/* Whether a vector-mode instance takes scalar p's directions as p_d_in and copies them to a
 * local p_d, by value as C passes p: where the body assigns p, and in every helper (adc's own
 * calls may pass one array for p_d and for the directions of a pointer argument the helper
 * writes, h(a, &a)). */
bool gen_copies_directions(const Instance *in, const Var *p);
/* The shadow type of t in vector mode: each floating scalar becomes an array of width. */
Type *vector_type(const Type *t, int width);

#endif
