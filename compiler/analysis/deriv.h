/* deriv.h: the local computational graph of one expression. An active expression is cut
 * into primitive operations, each with a temporary for its value and the partial derivatives
 * with respect to its operands; tangent and adjoint code are both written from it. */
#ifndef ADC_DERIV_H
#define ADC_DERIV_H

#include "buf.h"
#include "ir.h"
#include "mathfn.h"

typedef struct LinNode {
    const Expr *expr;
    const char *value;      /* C text of the value: a temporary, a variable read, a constant */
    const char *temp;       /* the temporary's name when the node is an active operation */
    const char *shadow;     /* for an active leaf: its derivative lvalue (x_d[i]), else NULL */
    const char *op_text;    /* for an operation: C text computing it from its operands' values */
    bool active;
    int nkids;
    int kid[MATH_MAX_ARGS];     /* indices of active operands */
    int operand[MATH_MAX_ARGS]; /* which operand of the operation each kid is (0, 1, ...) */
    const char *partial[MATH_MAX_ARGS]; /* d value / d kid as C text; NULL: zero */
    bool needed;            /* the backward sweep needs this operation's value */
    bool known;             /* op_text reads the value from a variable: no operand needed */
    bool carries;           /* a derivative flows from here to some leaf (floor(x) stops it) */
} LinNode;

typedef struct Linear {
    LinNode *nodes;
    int count, cap;
    int root;
} Linear;

/* Names temporaries t1, t2, ... unique within a function. */
typedef struct Namer {
    const Func *fn;
    int next;
} Namer;

const char *namer_temp(Namer *n);

/* Builds the graph of e. suffix names derivative shadows ("_d" or "_b"). Returns 0, or
 * reports an error and returns -1 for an active operation adc cannot differentiate. */
int linearize(Linear *lin, const Expr *e, Namer *names, const char *suffix);

/* Marks the operations whose values the backward sweep needs (for partials, or root_value:
 * the right side's own value) and writes `T temp = op(kids);` for them, in evaluation order. */
void emit_needed_temps(Buf *b, Linear *lin, bool root_value, int depth);

/* Whether an operation's partials depend on its operands' values (not constants), and on
 * its own result. The to-be-recorded analysis and emit_needed_temps agree through these. */
bool expr_uses_result(const Expr *e);
/* Whether the partials of operation e read the value of its operand i. */
bool operand_value_needed(const Expr *e, int i);
/* Whether the backward sweep of assignment s takes the result its partials need from s's
 * target instead of computing it again: `y = tanh(z)` gives z_b += (1 - y*y) * adj, and
 * `y = a / b` gives b_b += (-y / b) * adj, read before y's old value is restored. */
bool reuses_result(const Stmt *s);
/* Whether a derivative flows from node id down to some leaf (floor(x) stops it). */
bool carries_derivative(const Linear *lin, int id);

/* The C type name for temporaries of a floating type ("double" or "float"). */
const char *temp_type(const Type *type);

/* Partial k of operation n times derivative, as scaled(); where the
 * partial may be infinite (sqrt at 0: mathfn.h `unbounded`), a zero derivative gives zero,
 * not inf * 0 = NaN: "(d == 0.0 ? 0.0 : p * d)". */
const char *partial_times(const LinNode *n, int k, const char *derivative);
/* partial * derivative as readable C: "d", "-d", "p * d". */
const char *scaled(const char *partial, const char *derivative);

#endif
