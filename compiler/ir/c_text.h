/* c_text.h: the IR as C text: declarations, expressions, and the shadow (derivative)
 * counterparts of lvalues, which name x_d or x_b where the primal names x. */
#ifndef ADC_C_TEXT_H
#define ADC_C_TEXT_H

#include "buf.h"
#include "ir.h"

/* `type name` as a C declaration (arrays and pointers in declarator syntax). With
 * drop_const, every const qualifier is left out (adjoint buffers are written). */
void emit_decl(Buf *b, const Type *t, const char *name, bool drop_const);
/* The length of array type t as written in a declarator: "3", a variable-length array's
 * expression ("2 * n + 1"), or "" when unknown (`double a[]`). */
const char *array_len_text(const Type *t);
/* The size in bytes of lvalue, of type t, as a C expression: `sizeof x`, or for an array with
 * variable lengths (whose sizeof adc refuses where it reads C) the product of its lengths. */
const char *sizeof_text(const Type *t, const char *lvalue);
/* The size of the scalars (or structs) pointer points to, of type t, as len(...) counts them:
 * `sizeof *x`, or `sizeof **a` for the rows `double (*a)[n]` of a 2-D array parameter. */
const char *element_size_text(const Type *t, const char *pointer);
/* The offset p - base in elements, p and base pointers of type t, parenthesized: for rows of
 * variable length counted in bytes (compilers warn of the subtraction of pointers to them). */
const char *pointer_offset_text(const Type *t, const char *p, const char *base);
/* The array or pointer root (of type root, spelled text) as a pointer of type t into it:
 * &M[0][0] for a double * into double M[3][2] (or into the rows of double (*P)[2]), so that
 * offsets from it count t's elements, past the first row too (M[0] + 4 would index the row
 * M[0] out of its bounds: UBSan stops there); the root itself when t is its decayed type. */
const char *pointer_base_text(const Type *root, const char *text, const Type *t);
/* The type alone, as in a cast. */
void emit_type(Buf *b, const Type *t);
/* t as C spells it in a cast: "double *", "const double (*)[3]". */
const char *type_text(const Type *t);
void emit_expr(Buf *b, const Expr *e);
const char *expr_text(const Expr *e);
/* The lvalue or pointer expression e with its root variable x renamed x<suffix>; NULL if e
 * has no such counterpart (it does not designate a variable's memory). */
const char *shadow_text(const Expr *e, const char *suffix);
/* The vector mode's shadows: width directions of each floating value, a cast to the shadow of
 * its type, type_of(type, width) (a pointer to rows of directions, double (*)[4]; a pointer to
 * the vector struct). */
typedef struct VectorShadow {
    int width;
    Type *(*type_of)(const Type *t, int width);
} VectorShadow;
/* The same for the vector mode's shadows (vector NULL: as shadow_text). */
const char *shadow_text_vector(const Expr *e, const char *suffix, const VectorShadow *vector);
/* The shadow of a heap block a function returns or frees, at the block's offset (below casts:
 * `v - nl + NR_END` gives `v_d - nl + NR_END`), or NULL when e is no block (null). */
const char *block_shadow_text(const Expr *e, const char *suffix);
/* Whether e (an expression text) needs parentheses to be an operand of * or unary minus. */
const char *paren_if_needed(const char *text);
/* The C suffix of a math function of e's precision: "" or "f". */
const char *float_suffix(const Type *t);

#endif
