/* instance.h: the derivative functions ("instances") of one output file: the requested
 * functions in the modes they ask for and, on demand, versions of their callees for each
 * pattern of active arguments; their names, C signatures and the vector mode's shadow types.
 * The modes ask for instances as they meet calls; emit/gen.c writes each queued one. */
#ifndef ADC_INSTANCE_H
#define ADC_INSTANCE_H

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

/* The instances of one file, in the order they were asked for, and the text written so far. */
typedef struct Instances {
    Program *prog;
    Instance **items;
    int count;
    Buf protos;          /* prototypes of every emitted function */
    Buf defs;            /* their definitions */
    int errors;
} Instances;

/* Empties g (for prog g->prog) and forgets the vector structs. */
void instances_reset(Instances *g);
/* Queues the instances requested of fn and reserves its wrappers' names (refused if taken). */
void instances_request_modes(Instances *g, Func *fn);
/* The comment lines listing the file's interface: public instances and wrappers. */
void instances_list(Buf *out, const Instances *g);
/* The name of the derivative function of fn for this activity pattern; queues it for
 * emission the first time it is asked for. */
const char *instance_request(Instances *g, Func *fn, const bool *mask, InstanceKind kind, int width);

/* The active globals whose shadows the user's f_tangent and f_adjoint clear on entry: all
 * but those fn's wrt(...) names (whose directions and seeds the user sets) and the global
 * pointers (whose shadow blocks are the caller's, seeded as an in-out array parameter's). */
bool interface_clears_global(const Func *fn, const Var *global);
/* A statement (loops over its elements, with names fn does not use) that sets shadow, of
 * type type, to zero: plain assignments, which the second order reads back. Also a local
 * variable-length array's zero, which takes no initializer. */
const char *zero_shadow_stmt(Func *fn, const Type *type, const char *shadow);
/* `memset(array, 0, sizeof array);` for a variable-length array declared just before, in code
 * adc does not read back: the source's memset of it is written as a loop (lower_memory.c), and
 * gcc -O2 may copy a later read onto the path where that loop runs no trip and warn that the
 * array "may be used uninitialized" (-Wmaybe-uninitialized, an error under -Werror). */
const char *zero_vla_stmt(const char *array);
/* zero_shadow_stmt for shadow, a shadow of the active global of fn's program named global (of
 * its type), in a wrapper (f_grad, f_hvp): the shadow block of a global pointer has
 * len(global: N) elements; without that length, an error at fn for mode (NULL returned). */
const char *zero_global_shadow(Func *fn, const Var *global, const char *shadow, const char *mode);

/* The parameter list of an instance as C text (used by every transform); in its definition
 * (not in prototypes: the header stays readable as C++) the shadow arrays of the user's
 * adjoint or backward sweep are `restrict` where the caller keeps them apart. */
void instance_signature(Buf *b, const Instance *in, bool definition);
/* Whether a vector-mode instance takes scalar p's directions as p_d_in and copies them to a
 * local p_d, by value as C passes p: where the body assigns p, and in every helper (adc's own
 * calls may pass one array for p_d and for the directions of a pointer argument the helper
 * writes, h(a, &a)). */
bool instance_copies_directions(const Instance *in, const Var *p);
/* The shadow type of t in vector mode: each floating scalar becomes an array of width. */
Type *vector_type(const Type *t, int width);
/* The definitions of the vector structs vector_type made since instances_reset. */
void vector_struct_decls(Buf *out);

#endif
