/* ir.h: adc's intermediate representation of a C function.
 *
 * The front end lowers each function to a tree of structured statements (Stmt) whose
 * expressions (Expr) are trees of primitive operations over variables (Var). Every statement
 * that assigns a floating value is one node of the computational graph: its expression tree
 * is the local graph, and variables connect statements. The analyses (activity, what the
 * backward sweep needs) and the transforms (tangent, adjoint) all read this IR; none of them
 * look at libclang. */
#ifndef ADC_IR_H
#define ADC_IR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct Type Type;
typedef struct Var Var;
typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Func Func;
typedef struct Program Program;

typedef struct SrcLoc {
    const char *file;
    unsigned line, col;
} SrcLoc;

/* ---- types ---- */

typedef enum {
    TY_VOID,
    TY_INT,     /* any integer type, bool or enum: never active */
    TY_FLOAT,
    TY_DOUBLE,
    TY_LONG_DOUBLE,
    TY_PTR,
    TY_ARRAY,
    TY_STRUCT,
    TY_FUNCPTR, /* a pointer to a function: never active; calls through it go to a dispatch */
} TypeKind;

typedef struct Field {
    const char *name;
    Type *type;
} Field;

struct Type {
    TypeKind kind;
    bool is_const;       /* of this level: `const double` or `double *const` */
    Type *base;          /* pointee or element */
    long array_len;      /* TY_ARRAY: element count, -1 when unknown (`double a[]`) or variable */
    bool vla;            /* TY_ARRAY: a variable-length array (`double w[2*n+1]`, the rows of
                            `double a[n][n]`): array_len is -1 */
    Expr *vla_len;       /* vla, in a declaration's type: its length, an integer expression over
                            variables without effects, evaluated where the variable is declared
                            (front/lower_vla.c); NULL in the type of an expression */
    const char *name;    /* TY_INT: spelling ("int", "size_t"); TY_STRUCT: "struct p" or typedef;
                            TY_FUNCPTR: its typedef or "double (*)(double)" */
    int int_rank;        /* TY_INT from the front end: C's conversion rank of its canonical
                            type, 1 char, 2 short, 3 int, 4 long, 5 long long; 0 for _Bool,
                            enums, unions and integer types made up by the IR */
    bool is_unsigned;    /* TY_INT with int_rank > 0: an unsigned type (size_t, unsigned) */
    const char *signature; /* TY_FUNCPTR: the function type it points to, canonical ("double (double)") */
    Field *fields;       /* TY_STRUCT */
    int nfields;
};

bool type_is_floating(const Type *t);
/* An unsigned integer type of at least int's rank (size_t, unsigned): not promoted, so `i += 1`
 * wraps in it. */
bool type_is_wide_unsigned(const Type *t);
/* Whether t is, points to, or is built of floating data (can carry derivatives). */
bool type_has_floating(const Type *t);
/* The field of struct t (or of the struct t points to or is an array of) that is or holds a
 * pointer to floating data (a linked list's next), or NULL. */
const Field *type_field_pointing_to_floating(const Type *t);
/* Whether t is or holds a pointer (in a field, at any depth). */
bool type_holds_pointer(const Type *t);
/* Whether what pointer (or array) t points to may be written through it: its target is not
 * const, or is a const struct holding a pointer to non-const data (`const genann *ann` still
 * writes ann->output[i]). */
bool type_target_writable(const Type *t);
/* Whether the scalar t's pointers and arrays lead to is const (const double *, const double [3][3]). */
bool type_element_const(const Type *t);
/* A pointer to pointers to floating scalars, `double **` (a row-pointer matrix). */
bool type_is_rows(const Type *t);
/* Whether t is or points to (at any level) a variable-length array. */
bool type_has_vla(const Type *t);
/* The scalar floating type a pointer/array chain ends in, or NULL. */
const Type *type_scalar(const Type *t);
const Field *type_field(const Type *t, const char *name);

/* ---- variables ---- */

typedef enum { VAR_PARAM, VAR_LOCAL, VAR_GLOBAL } VarKind;

struct Var {
    const char *name;     /* unique within its function (the front end renames shadowed locals
                             and a variable named like another's derivative: x_d beside x) */
    const char *source_name; /* the name it was declared with: wrt(...) and len(...) name a
                                parameter by it */
    Type *type;
    VarKind kind;
    SrcLoc loc;
    int index;            /* position in Func.vars */
    bool is_static_const; /* a read-only table: never active */
    bool static_per_call; /* a static local scalar the function writes, taken for an automatic
                             one if every call assigns it before it reads it (static_locals.c) */
    bool goto_flag;       /* the flag a forward goto became (goto.c): only ever 0 or 1 */
    long declared_count;  /* a parameter declared as an array (double x[4], double A[3][3]): its
                             element count (12 for A[4][3]), the default of len(...); else 0 */
    const char *declared_len; /* a parameter declared as an array with variable lengths (double
                                 a[n][n]): its element count as C text ("(n) * (n)"), the default
                                 of len(...) */
    const char *global_text; /* VAR_GLOBAL: a static const table of the main file, verbatim */
    bool needs_extern;    /* VAR_GLOBAL defined in the main file: the generated file declares it */
    bool header_copy;     /* VAR_GLOBAL: a mutable static of a header; the generated file has a
                             copy of its own, usable only as scratch (header_statics.c) */
    bool initialized_address; /* VAR_GLOBAL pointer to floating data whose declaration points it
                                 somewhere (double *current = buffer;): not at a block of its own */
    /* Results of analyses, per function being transformed. */
    bool varied;          /* depends on an active input */
    bool useful;          /* influences an active output */
    bool active;          /* varied and useful: has a tangent/adjoint */
    bool needed;          /* the backward sweep reads its value (to-be-recorded analysis) */
    bool live_out;        /* needed, and not only where the backward sweep recomputes it (a
                             counting loop's index in its loop): the forward sweep's final
                             value travels to the backward sweep */
    bool saved;           /* a needed parameter the body assigns: it travels to the backward sweep */
    bool refilled;        /* a local array the backward sweep fills again where it begins, from a
                             copy of the loop that filled it (Func.refills): not taped */
    const char *entry_len; /* an array parameter taped whole on entry, its len(...): its writes
                              are then taped only when the backward sweep reads what they overwrite */
    const char *shadow;   /* adjoint lvalue when it is not name_b (scalar parameters: (*a_b)) */
    const char *shadow_d; /* tangent lvalue when it is not name_d (an active global in vector mode: name_dv) */
    Var *pointer_root;    /* an active local pointer: the array (or heap pointer) it points
                             into; a pointer parameter the body moves: its entry; an entry: its
                             parameter */
    Var *entry;           /* a pointer parameter the body moves (p++, p = p + k): a local that
                             holds its value on entry (normalize.c), the fixed base from which
                             its shadow moves along with it and its taped values are offsets */
    Var **roots;          /* a pointer variable: the arrays (parameters, local arrays) it may point
                             into, from its assignments (pointer_check.c) */
    int nroots;
    Var *which;           /* nroots > 1, a pointer switched between arrays (if/else, ?:, swaps):
                             an int local holding the position in Func.switched of the array it
                             points into now, assigned after each assignment of the pointer
                             (normalize.c); its shadow and tape follow it */
    bool aliased;         /* an array some switched pointer may point into, or a heap pointer
                             copied to or from another (p = q: one block, two names) */
    bool heap;            /* a local pointer to floating data that holds heap blocks: assigned only
                             allocations (malloc, calloc, aligned_alloc, realloc of itself), results
                             of helpers returning heap memory, another heap pointer's block (p = q)
                             or null (pointer_check.c); it is its own root, and its shadow is a block of its own (README, heap memory) */
    bool caller_keeps;    /* a pointer parameter of a helper whose every caller passes a local
                             array and tapes it around the call when it needs the old values
                             (kept.c): writes through it are saved only for the helper's own
                             backward sweep */
    Var *member_of;       /* the heap pointer of a member of local struct member_of that is
                             swapped (front/member_blocks.c): each store of the member is
                             `member_of.member = this;`, and the backward sweep stores it again
                             (and its shadow) wherever it restores this pointer */
    const char *member;
    const char **one_array; /* a local struct: its pointer members that hold one array in place
                               (a parameter, a local array) whenever they hold one, stores inside
                               loops included (front/member_blocks.c): their stores save nothing,
                               the backward sweep points them to it where it begins */
    int n_one_array;
    bool may_overlap;     /* a pointer parameter some call fills with memory another argument,
                             a global or an unknown pointer may reach (overlap.c) */
    Var *kept_extent;     /* caller_keeps: an int parameter n such that the helper writes only
                             elements 0..n-1 (what the callers tape), or NULL: all of the array */
};

/* ---- expressions ---- */

typedef enum {
    EX_NUM,      /* literal: text */
    EX_VAR,      /* var */
    EX_INDEX,    /* lhs[rhs] */
    EX_MEMBER,   /* lhs.field or lhs->field (arrow) */
    EX_DEREF,    /* *lhs */
    EX_ADDR,     /* &lhs */
    EX_UNARY,    /* op lhs: '-', '+', '!', '~' */
    EX_BINARY,   /* lhs op rhs */
    EX_COND,     /* cond ? lhs : rhs */
    EX_CAST,     /* (type) lhs */
    EX_CALL,     /* callee(args) or builtin math(args) */
    EX_SIZEOF,   /* text, e.g. "sizeof(double)": an integer constant; or lhs, a variable-length array */
    EX_INITLIST, /* { args } in a declaration */
} ExprKind;

typedef enum {
    OP_NONE,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
    OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
    OP_LAND, OP_LOR, OP_NOT,
    OP_BITAND, OP_BITOR, OP_BITXOR, OP_SHL, OP_SHR, OP_BITNOT,
    OP_NEG, OP_PLUS,
} Op;

typedef struct MathFn MathFn;
typedef struct MpiFn MpiFn;

/* Calls to the tape of libadc (in adc's own generated code, read back for second order). */
/* The tape calls of adc's own reverse code, read back for second order (TAPE_OTHER: the rest
 * of libadc, opaque). */
typedef enum {
    TAPE_NONE, TAPE_PUSH_DOUBLE, TAPE_POP_DOUBLE, TAPE_PUSH_BYTES, TAPE_POP_BYTES, TAPE_PUSH_PTR, TAPE_POP_PTR, TAPE_OTHER
} TapeOp;

struct Expr {
    ExprKind kind;
    Op op;
    Type *type;         /* C type of the value */
    SrcLoc loc;
    const char *text;   /* EX_NUM, EX_SIZEOF; EX_MEMBER: field name */
    bool arrow;         /* EX_MEMBER */
    Var *var;           /* EX_VAR */
    Expr *lhs, *rhs, *cond;
    /* EX_CALL: at most one of math/callee/tape_op/mpi is set (none: a call adc cannot see into). */
    TapeOp tape_op;
    const MathFn *math;
    const MpiFn *mpi;   /* an MPI call adc differentiates (mpifn.h) */
    const char **spelled; /* mpi: each argument's first token as written (MPI_DOUBLE, MPI_SUM) */
    Func *callee;
    Expr **args;
    int nargs;
    bool active;        /* set by activity analysis: value depends on active inputs */
};

/* ---- loop pragmas ---- */

/* What a pragma written right before a for loop says about it (front/pragma.c reads them). */
typedef enum {
    PRAGMA_HINT,        /* unroll, nounroll, GCC unroll N, clang loop unroll/vectorize/interleave:
                           how to compile the loop, true of any loop */
    PRAGMA_INDEPENDENT, /* GCC ivdep, clang loop vectorize(assume_safety): no trip depends on
                           another (true of a tangent loop, not of a backward sweep) */
    PRAGMA_OPENMP,      /* omp simd, omp parallel for [simd]: the clauses below */
} PragmaKind;

typedef struct OmpClause {
    const char *name;   /* private, firstprivate, shared, reduction, or another kept as written */
    const char *text;   /* the clause as written: schedule(static, 4), reduction(+ : s) */
    const char *op;     /* reduction: "+", "max" or "min" */
    SrcLoc at;          /* where the clause is written */
    Var **vars;         /* private, firstprivate, lastprivate, shared, reduction: the variables
                           the loop uses */
    int nvars;
} OmpClause;

typedef struct Pragma {
    PragmaKind kind;
    const char *text;   /* as written, after "#pragma " */
    bool parallel;      /* omp parallel for [simd]: threads share the trips */
    const char *directive; /* PRAGMA_OPENMP: "parallel for", "simd", "parallel for simd" */
    bool in_region;     /* an `omp for` of a `#pragma omp parallel { ... }` region, read as a
                           `parallel for` with the region's clauses */
    OmpClause *clauses;
    int nclauses;
    Var **own;          /* parallel: the variables declared in the loop's body, each trip's own
                           (read before normalize.c moves declarations out) */
    int nown;
} Pragma;

/* ---- statements ---- */

typedef enum {
    ST_BLOCK,    /* body[] */
    ST_DECL,     /* var, optional init (rhs) */
    ST_ASSIGN,   /* lhs op= rhs; op is OP_NONE for plain '=' */
    ST_CALL,     /* a call evaluated for its effects: rhs is the EX_CALL */
    ST_IF,       /* cond, then, els (may be NULL) */
    ST_FOR,      /* init (block or NULL), cond (may be NULL), step (block or NULL), then = body */
    ST_WHILE,    /* cond, then = body */
    ST_DO,       /* then = body, cond */
    ST_BREAK,
    ST_CONTINUE,
    ST_RETURN,   /* optional rhs */
    ST_GOTO,     /* goto label: only between lowering and goto_eliminate (goto.c) */
    ST_LABEL,    /* label: marks its place in a block, likewise */
} StmtKind;

struct Stmt {
    StmtKind kind;
    SrcLoc loc;
    Var *var;           /* ST_DECL; ST_FOR in reverse normal form: the index of a counting loop */
    Expr *lhs, *rhs, *cond;
    Op op;              /* ST_ASSIGN compound operator */
    Stmt *then, *els, *init, *step;
    Stmt **body;        /* ST_BLOCK */
    int nbody;
    int id;             /* unique within the function: names loop counters etc. */
    const char *label;  /* ST_GOTO, ST_LABEL */
    bool scope;         /* ST_BLOCK written as { } in the source (others only group) */
    int checkpoint;     /* ST_FOR marked ADC_CHECKPOINT(n): n snapshots; 0 if not marked */
    Pragma *pragmas;    /* ST_FOR: the pragmas written on the lines right before it */
    int npragmas;
    bool first_def;     /* ST_ASSIGN from a declaration run once: no old value to save */
    bool atomic;        /* ST_ASSIGN `x += e` / `x -= e` under `#pragma omp atomic` */
    bool declares;      /* ST_ASSIGN from a declaration's initializer (normalize.c) */
    bool recompute;     /* ST_ASSIGN the backward sweep runs again at the top of its loop trip */
    bool saves;         /* ST_ASSIGN: the forward sweep tapes the value it overwrites (tbr.c) */
    bool reads_target;  /* ST_ASSIGN: its own backward sweep reads the variable it writes (or
                           the memory its lvalue's pointer reaches), so it saves whatever the
                           callees' records say (tbr.c; param_reads.c relies on it) */
    bool cond_recomputed; /* ST_IF: the backward sweep evaluates cond again instead of taping
                           the branch taken (branch_cond.c, set by tbr.c) */
    bool *tapes_kept;   /* a call: per argument, the forward sweep tapes this array for a kept
                           parameter (kept.c) before the call, as the caller reads its old values */
    Var *companion;     /* ST_ASSIGN `s = sin(t)`: holds cos(t) for its backward sweep (companion.c) */
    bool companion_later; /* ST_ASSIGN: the companion is assigned by a later statement */
    bool result_read;   /* ST_ASSIGN: an earlier statement's backward sweep reads its result */
    bool tapes_result;  /* ST_ASSIGN in a loop: the forward sweep tapes the value it leaves, its
                           backward sweep pops it back for the earlier companion (companion.c) */
    bool active;        /* set by activity analysis: carries derivatives */
    bool hoisted;       /* ST_DECL: the value of a call lowered out of the expression of a
                           later statement of its block (lower.c) */
    Var *comma_value;   /* a statement lowered from the left operand of a comma inside an
                           expression that calls a function: the variable declared, after the
                           right operand's statements, to hold the comma's value (lower.c) */
};

/* ---- functions ---- */

typedef enum {
    MODE_TANGENT = 1 << 0,
    MODE_ADJOINT = 1 << 1,
    MODE_GRAD = 1 << 2,
    MODE_TANGENT_VECTOR = 1 << 3,
    MODE_HVP = 1 << 4,
    MODE_HESSIAN = 1 << 5,
    MODE_JACOBIAN = 1 << 6,
} Mode;

/* len(s.x: s->n): the element count of a member of a struct parameter that points to
 * floating data (the gradient wrapper zeroes what the gradient struct's member points at). */
typedef struct MemberLen {
    int param;          /* index of the struct (or pointer to struct) parameter */
    const char *member;
    const char *len;    /* a C expression over the parameters */
} MemberLen;

/* len(u: N) of a global pointer to floating data: the elements of its block (the wrappers
 * that clear its shadows, f_grad and f_hvp, need it). */
typedef struct GlobalLen {
    const char *name;
    const char *len;    /* a C expression over the globals */
    SrcLoc loc;
} GlobalLen;

/* A set of names, hashed: a function's variables (func_name_taken, func_fresh_name), the
 * file-scope names of a program, the names the generator chose (func_new_name). */
typedef struct NameSlot NameSlot;
typedef struct NameSet {
    NameSlot *slots;
    int count, cap;
} NameSet;

/* What the backward sweep of one reverse-mode instance of a function reads (param_reads.c). */
typedef struct ParamReads {
    bool *mask;         /* the instance: per parameter, active */
    bool *read;         /* per parameter: the values it points to may be read */
    int *restored;      /* per parameter: the length of a caller's array whose values the
                           backward sweep pops back before it reads them (0: none) */
    int globals;        /* Program.nactive_globals when it was made */
} ParamReads;

struct Func {
    const char *name;
    SrcLoc loc;
    SrcLoc end;         /* the end of its definition (front/config.c: the lines it spans) */
    Type *ret;
    bool is_static;     /* its requested derivatives are emitted static (the second-order stage's);
                           a user's `static` does not count: requested derivatives are the user's
                           interface, reached from the source's other files */
    Var **params;
    int nparams;
    Var **vars;         /* every variable the function mentions: params, locals, globals */
    int nvars;
    NameSet names;      /* their names, and every name the generator introduced in fn */
    const NameSet *file_names; /* the program's file-scope names (Program.file_names) */
    Program *prog;      /* the program it belongs to (its active and restored globals) */
    NameSet generated;  /* func_new_name: each base it was asked for, with the name chosen */
    NameSet suffixes;   /* fresh_name's memo for func_fresh_name and func_new_var_name */
    Stmt *body;
    int nstmts;         /* ids handed out */
    bool swaps_checked; /* reverse mode's check of its struct parameters' swaps has reported */
    /* The request, from an annotation or the command line (requested == false: a callee). */
    bool requested;
    unsigned modes;
    bool default_modes; /* no modes were named: grad is left out, with a warning, when a
                           length it needs is missing */
    bool *wrt;          /* per param: independent/active */
    const char **wrt_globals; /* names in wrt(...) that are no parameter: globals (gen.c makes them active) */
    SrcLoc *wrt_globals_loc;
    int nwrt_globals;
    const char **len;   /* per param: element count expression for pointers, or NULL */
    const char **row_len; /* per param: len(a[]: m), the length of each row of a `T **a`, or NULL */
    MemberLen *member_lens; /* len(s.x: ...) */
    GlobalLen *global_lens; /* len(u: N), u a global pointer */
    int nglobal_lens;
    const char *result_len; /* len(return: n): the elements of a returned heap block, or NULL */
    int nmember_lens;
    int vector_width;   /* directions for MODE_TANGENT_VECTOR */
    bool fast_math;     /* options(fast_math) or --fast-math: the backward sweep may reassociate */
    Stmt *reverse_body; /* the body normalized for reverse mode (normalize.c), once built */
    Stmt **refills;     /* the loops that fill the Var.refilled arrays again (refill.c) */
    int nrefills;
    Var *result;        /* the variable the normalized body assigns the returned value to */
    Var **switched;     /* the arrays switched pointers may point into (Var.which indexes it) */
    int nswitched;
    int communicates;   /* 0: not known yet; 1: no; 2: it or a function it calls communicates
                           floating data with MPI (mpi_func_communicates) */
    const Expr *interior_member; /* a helper returning a pointer into what member P->m of its
                           struct parameter P points to: this P->m (front/interior_return.c
                           makes it return the offset) */
    ParamReads *reads;  /* per reverse-mode instance analyzed so far (param_reads.c) */
    int nreads;
    Func *primal;       /* a dispatch function (lower_fnptr.c: a call through a function pointer):
                           the function its primal instances are made of, the call itself */
};

/* A macro the inputs test in a conditional directive, as adc saw it on entry to the input
 * (front/config.c): the generated file checks it is compiled alike. */
typedef struct ConfigMacro {
    const char *name;
    const char *file;        /* the input that tests it (the first one) */
    bool defined;
    const char *value;       /* its expansion, as text, when defined */
    bool conflicting;        /* the inputs saw it otherwise: not checked */
    bool matters;            /* a conditional testing it holds a #define or a function adc lowered */
} ConfigMacro;

/* A conditional directive group (#if ... #endif) of an input, and the macros it tests. */
typedef struct ConfigGroup {
    const char *file;
    unsigned first_line, last_line;
    bool defines;            /* it holds a #define */
    int *macros;             /* indices in Program.config */
    int nmacros;
} ConfigGroup;

/* The input as adc sees it: one or several translation units (adc a.c b.c) read together. */
struct Program {
    const char *file;        /* the first input file */
    const char **files;      /* every input file */
    int nfiles;
    bool fast_math;          /* --fast-math: every function's backward sweep may reassociate */
    bool second_order;       /* a function asks for hvp or hessian: adc reads its adjoint code back
                                (second.c), which then keeps to the tape calls that reading knows */
    const char *include_source; /* --include-source: the path the generated file #includes the
                                   (one) input by; it repeats nothing of it */
    Func **funcs;       /* every function lowered: requested ones and their callees */
    int nfuncs;
    const char **includes;   /* #include lines of the main files, as written, each file once */
    const char **included;   /* per includes: the file it names (real path), or its text */
    int nincludes;
    const char **macros;     /* #define lines of the main files (len(...) and types may use them) */
    int nmacros;
    ConfigMacro *config;     /* the macros their conditional directives test (front/config.c) */
    int nconfig;
    ConfigGroup *config_groups;
    int nconfig_groups;
    bool undefines_ndebug;   /* an input has `#undef NDEBUG` (asserts on in every build): so has
                                the generated file, before its includes (config.c) */
    const char **type_decls; /* struct/typedef/enum definitions of the main files, verbatim */
    const char **type_names; /* per type_decls: the names it defines ("P\nstruct P") */
    int ntype_decls;
    const char **func_decls; /* prototypes of the user functions the derivatives name as values
                                (assigned to or compared with function pointers) */
    int nfunc_decls;
    Var **globals;      /* file-scope variables the functions use */
    int nglobals;
    NameSet file_names; /* every file-scope name in scope: functions, variables, typedefs,
                           enumerators and macros, of the main file and its headers */
    Var **active_globals;     /* globals that carry derivatives (one Var of each name): each has
                                 shadow globals NAME_d and NAME_b in the generated file (activity.c, gen.c) */
    int nactive_globals;
    NameSet restored_globals; /* globals the adjoint code writes and reads: every write is taped
                                 and undone by the backward sweep (globals.c, tbr.c) */
    NameSet prototypes;       /* the functions among them declared without a body (somewhere) */
    bool param_reads_missed;  /* a caller asked param_reads.c about an instance not analyzed yet */
    bool tangent_only;        /* the second stage (second.c): its functions get tangents only, so
                                 only _d, _dv and _d_in derive names (x_b of f_adjoint keeps its name) */
};

/* ---- construction (ir.c) ---- */

void *ir_alloc(size_t size);
/* The array of count items of size bytes at items with room for one more: items itself, or
 * (count 0 or a power of two) a copy twice as long. The one way the IR's arrays grow; an array
 * must only ever grow through it, from NULL or an allocation of a power of two items. */
void *ir_grow(void *items, int count, size_t size);
/* Appends the item (an expression, or a compound literal) to the array (items, count). */
#define IR_APPEND(items, count, ...) \
    ((items) = ir_grow((items), (count), sizeof *(items)), (items)[(count)++] = (__VA_ARGS__))
void ir_free_all(void);
char *ir_strdup(const char *s);
char *ir_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

Type *type_new(TypeKind kind);
/* A new `int` (the type of flags and counters adc introduces). */
Type *type_int(void);
Type *type_pointer_to(Type *base);
Expr *expr_new(ExprKind kind, Type *type, SrcLoc loc);
/* The int literal value. */
Expr *expr_int(long long value, SrcLoc loc);
Expr *expr_var(Var *var, SrcLoc loc);
Expr *expr_binary(Op op, Expr *lhs, Expr *rhs, Type *type);
/* A deep copy of e's tree (its variables, types and callees shared), for a second use. */
Expr *expr_copy(const Expr *e);
/* e itself if lhs and rhs are its operands, else a shallow copy of e with them. */
Expr *expr_with_operands(Expr *e, Expr *lhs, Expr *rhs);
Stmt *stmt_new(Func *fn, StmtKind kind, SrcLoc loc);
/* A shallow copy of s (its parts shared) with an id of its own in fn. */
Stmt *stmt_renewed(Func *fn, const Stmt *s);
void block_append(Stmt *block, Stmt *s);
/* A pass that replaces statements (front/struct_value.c, interior_return.c): appends what s
 * becomes to the block out, and returns the errors it counted. */
typedef int StmtRewrite(Func *fn, Stmt *s, Stmt *out);
/* Rewrites the statements of block in place, each through rewrite. */
int block_rewrite(Func *fn, Stmt *block, StmtRewrite *rewrite);
/* The end of a rewrite that keeps s: rewrites inside it (its branches, each made a block of
 * its own, and s itself when a block), then appends s to out. */
int stmt_rewrite_inside(Func *fn, Stmt *s, Stmt *out, StmtRewrite *rewrite);
/* The if that continues an else-if chain after if s: all of s's else branch, or NULL. */
const Stmt *stmt_else_if(const Stmt *s);
Var *func_add_var(Func *fn, const char *name, Type *type, VarKind kind, SrcLoc loc);
/* A new local named after base, assigned value in *block (made with the first one); once: the
 * assignment runs once per call of fn (no old value to save). The expression reading the local. */
Expr *func_local_holding(Func *fn, const char *base, Expr *value, bool once, Stmt **block);
/* The len(s.x: ...) of member of parameter param, or NULL. */
const char *func_member_len(const Func *fn, int param, const char *member);
/* Whether parameter param is a struct holding pointers, or a pointer to one such struct
 * (len(s: 1)): the gradient wrapper zeroes its gradient member by member, and what its
 * members point to. */
bool func_param_zeroed_by_member(const Func *fn, int param);
/* Why the gradient wrapper cannot zero such a parameter's gradient, as the end of a sentence
 * ("needs the length of what 's.x' points to: add len(s.x: ...) to ADC_DIFF"), or NULL. */
const char *func_member_zero_blocker(const Func *fn, int param);
/* Whether a variable of fn has this name. */
bool func_name_taken(const Func *fn, const char *name);
/* A name no variable of fn has yet: base, else base_2, base_3, ... (renames user variables). */
const char *func_fresh_name(Func *fn, const char *base);
/* The one way adc picks a name it introduces: base, else base_2, base_3, ..., the first of
 * which taken(ctx, name) is false. Its users: func_fresh_name (user variables lowering
 * renames), func_new_name and func_new_var_name (names in a function), prog_new_name
 * (file-scope functions adc adds), instance.c (the derivative functions and the vector-mode
 * struct types). tried, if not NULL, remembers per base the
 * suffixes found taken, so that the next call for base starts past them: for callers whose
 * taken names stay taken and who take the name returned (thousands of temporaries from one
 * base cost no more than one each). */
typedef bool NameTaken(const void *ctx, const char *name);
const char *fresh_name(const char *base, NameTaken *taken, const void *ctx, NameSet *tried);
/* How the generator names what it introduces in or around fn (locals, loop indices,
 * tape and wrapper variables, temporaries): base, else base_2, ..., the first that is no
 * variable of fn, no file-scope name, no shadow of one (x_d, x_b) and no name chosen for
 * another base. The same base always gives the same name in fn. */
const char *func_new_name(Func *fn, const char *base);
/* The same choice, but a new name on every call: for each of several variables from one base
 * (the values hoisted out of expressions: cond_value, cond_value_2, ...). */
const char *func_new_var_name(Func *fn, const char *base);
/* Whether name is one adc derives from a variable of fn or from fn itself: x_d, x_b, f_d, ... */
bool func_is_derived_name(const Func *fn, const char *name);
/* Whether the generator may use name in fn (namer_temp: t1, t2, ...). */
bool func_name_free(const Func *fn, const char *name);
void prog_add_file_name(Program *prog, const char *name);
/* A file-scope name for a function adc introduces (a dispatch): base, else base_2, ..., the
 * first that no file-scope name of prog is or begins with (followed by _); it becomes one. */
const char *prog_new_name(Program *prog, const char *base);
bool names_have(const NameSet *set, const char *name);
void names_add(NameSet *set, const char *name);
void prog_add_active_global(Program *prog, Var *v);
/* A floating scalar, or an array of them (of arrays) of known size, or a pointer to floating
 * scalars (state in a block the caller allocated): what a shadow global can be. */
bool global_can_be_active(const Type *t);
/* A global pointer to floating scalars (`static double *u;`): its shadows are pointers the
 * caller points at blocks of the same length (README "Globals"). */
bool global_is_pointer(const Var *v);
/* The len(u: N) of global pointer v in fn's annotation, or NULL. */
const char *global_len(const Func *fn, const Var *v);
/* Whether v is a global of the program's active_globals (restored_globals). */
bool global_is_active(const Func *fn, const Var *v);
bool global_is_restored(const Func *fn, const Var *v);
/* Whether name is no file-scope name of prog and no variable of its functions (instance.c names
 * the functions it generates with it). */
bool prog_name_free(const Program *prog, const char *name);
void prog_add_prototype(Program *prog, const char *name);
/* Whether name is a function prog's files only declare, as they may declare one adc generates
 * (from its --header): no other file-scope name, no variable of its functions. */
bool prog_name_declares(const Program *prog, const char *name);
void prog_add_func(Program *prog, Func *fn);
/* Whether v appears anywhere in s. */
bool stmt_mentions(const Stmt *s, const Var *v);
/* Whether e (an expression of s, or of a statement inside it) takes v's address: &v, &v.f, &v[i]. */
bool expr_takes_address(const Expr *e, const Var *v);
bool stmt_takes_address(const Stmt *s, const Var *v);
/* Whether s (or a statement inside it) assigns or declares v, or passes a call v's address
 * (the callee may assign v: `twice(&v)`, `g(&s.f)`). */
bool stmt_assigns(const Stmt *s, const Var *v);
/* Whether s (or a statement inside it) assigns the variable v itself (p++, p = p + k), not only
 * memory through it. */
bool stmt_assigns_itself(const Stmt *s, const Var *v);
/* The step `i += c` of a counting loop s: its step, or the first statement of its step block
 * (`i++, j--`). */
const Stmt *counting_step(const Stmt *s);
/* Whether e is an integer literal (decimal, octal or hex, with or without u/l suffixes); sets
 * *value. */
bool expr_int_literal(const Expr *e, long *value);
/* The statement that starts a counting loop on i: init (alone in blocks of its own) when it is
 * `i = a` or the declaration `T i = a` (a in rhs either way), else NULL. */
const Stmt *counting_start(const Stmt *init, const Var *i);
/* The literal stride of a counting loop's step on i (alone in blocks of its own): c for `i += c`,
 * -c for `i -= c`; 0 for any other step. */
long counting_stride(const Stmt *step, const Var *i);
/* Whether s (or a statement inside it) reads v as the compilers' unused warnings count reads:
 * any mention but as the whole target of an assignment (clang's -Wunused-but-set-variable
 * counts `v += e` as setting v only) or the variable a declaration declares. */
bool stmt_reads(const Stmt *s, const Var *v);
/* s without the blocks of one statement around it (normalization turns a declaration into a
 * block of its one assignment); NULL stays NULL. */
Stmt *stmt_unwrapped(Stmt *s);
/* The first statement of s (s itself, then inside it, in order: body, init, step, then, else)
 * that match(statement, ctx) accepts, or NULL: the one walk for "does a statement of s ...". */
const Stmt *stmt_find(const Stmt *s, bool (*match)(const Stmt *, const void *ctx), const void *ctx);
/* What an expr_find match says of an expression: not it (look inside), it, or not it and
 * nothing inside it either (`&a[k]` names memory without reading it). */
typedef enum { FIND_INSIDE, FIND_FOUND, FIND_SKIP } FindVerdict;
/* The first expression of e (e itself, then inside it, in order: arguments, lhs, rhs, cond)
 * that match(expression, ctx) finds, or NULL: the one walk for "does a part of e ...". */
const Expr *expr_find(const Expr *e, FindVerdict (*match)(const Expr *, const void *ctx), const void *ctx);
/* The first expression of a statement of s (in stmt_find's order; of each, lhs, rhs, cond in
 * expr_find's) that match finds, or NULL. */
const Expr *stmt_find_expr(const Stmt *s, FindVerdict (*match)(const Expr *, const void *ctx), const void *ctx);
/* Whether s holds a loop marked ADC_CHECKPOINT. */
bool stmt_has_checkpoint(const Stmt *s);
/* Whether loop s carries an OpenMP pragma. */
bool stmt_has_openmp(const Stmt *s);
bool expr_mentions(const Expr *e, const Var *v);
/* Whether e reads memory: an element, a member through a pointer, a dereference. */
bool expr_reads_memory(const Expr *e);
/* Calls visit(v, arg) for each variable whose address a call in e receives (in_call: e is
 * an argument already): &v, &s.f, &s.a[i], but not the elements of array variables or what
 * pointers point to (writes through those are the callee's own). */
void expr_passed_addresses(const Expr *e, bool in_call, void (*visit)(Var *, void *), void *arg);
/* Whether e is a call to a heap allocator (malloc, calloc, realloc, aligned_alloc, and
 * adc_memalign: posix_memalign as lower_memory.c writes it; adc_realloc_kept in adc's own
 * code, read back for second order). */
bool expr_is_allocation(const Expr *e);
/* The allocation e is, below casts ((double *)malloc(n)), or NULL. */
const Expr *expr_allocation(const Expr *e);
/* Whether e is, below casts, a call of realloc (or adc_realloc_kept, in adc's own code). */
bool expr_is_realloc(const Expr *e);
/* The call e is, below casts, when it gives a new heap block holding floating data: an
 * allocation, a user function returning a pointer to floating data, or (adc's reverse code
 * read back) a block pointer taken off the tape; else NULL. */
const Expr *expr_heap_call(const Expr *e);
/* e below any casts around it. */
const Expr *expr_without_casts(const Expr *e);
/* The pointer variable p when e is, below casts, p or p at an integer offset: p + k, p - k, k + p,
 * nested, of p's own type, each k an integer without calls (Numerical Recipes' offset vectors
 * `v - nl + NR_END`); NULL otherwise. Its shadow is p's at the same offset (shadow_text). */
Var *expr_block_at_offset(const Expr *e);
/* The argument of e when e is a call `free(arg)`, or NULL. */
Expr *expr_free_argument(const Expr *e);
/* The variable `free(v)` frees (below casts; also at an offset, `free(v + nl - NR_END)`:
 * expr_block_at_offset), or NULL when e is no such call. */
Var *expr_freed_var(const Expr *e);
/* Whether v holds whole heap blocks adc gives shadows: a heap pointer (Var.heap), or a pointer
 * parameter to floating data that a helper frees (NR's free_dvector; pointer_check.c lets only
 * heap blocks reach it). */
bool var_holds_blocks(const Var *v);
/* Whether s is `free(e)` of a block that is no heap pointer's (an int block, through a member
 * or a local): the backward sweep may still read it, so reverse mode defers it to the tape
 * (adc_tape_defer_free), freed with the tape after the backward sweep. */
bool stmt_frees_later(const Stmt *s);
/* Whether e calls a function (evaluating it twice would call it twice). */
bool expr_has_call(const Expr *e);
/* Whether e calls a user function, or one adc cannot see into (math functions aside). */
bool expr_calls_function(const Expr *e);
/* Whether s assigns a heap pointer a new block: `p = malloc(...)`, `p = g(...)` (Var.heap). */
bool stmt_assigns_heap(const Stmt *s);
/* The heap pointer q when s is `p = q;` between heap pointers (Burkardt's `free(u0); u0 = u1;`,
 * a swap's `double *t = u;`): p takes q's block, and its shadow q's. NULL otherwise. */
const Var *stmt_copies_heap(const Stmt *s);
/* Whether s allocates a row of a heap row-pointer matrix: `a[i] = malloc(...)` (calloc,
 * aligned_alloc), a a heap pointer to rows (pointer_check.c). */
bool stmt_allocates_row(const Stmt *s);
/* Whether e is a null pointer constant (0, NULL: a 0 below casts). */
bool expr_is_null(const Expr *e);
/* Whether s is `s.m = p;`, s a local struct and m a member pointing to floating data: the one
 * store of m, outside loops, of a heap block's pointer or a parameter, or null (front/member_blocks.c). */
bool stmt_points_member(const Stmt *s);
/* Whether s stores a member of a local struct that holds one array whenever it holds one
 * (Var.one_array): null or that array. */
bool stmt_points_one_array(const Stmt *s);
/* The row `free(a[i])` frees of a heap row-pointer matrix a (or of a row-pointer parameter a
 * helper frees: var_holds_blocks), or NULL. */
const Expr *expr_freed_row(const Expr *e);
/* The member `free(p->m)` or `free(s.m)` frees, m pointing to floating data: a block adc does
 * not follow (front/member_blocks.c made those it follows frees of variables), or NULL. */
const Expr *expr_freed_member(const Expr *e);
/* Whether fn returns a pointer to floating data (heap blocks of its own: pointer_check.c). */
bool func_returns_heap(const Func *fn);
/* Whether v is the entry of a pointer parameter (Var.entry). */
bool var_is_entry(const Var *v);
bool type_is_void_pointer(const Type *t);
/* How a diagnostic names what a call calls, as the user wrote it: 'sq', or for a call through a
 * pointer (a dispatch, lower_fnptr.c) the call through 'g'. */
const char *call_spelling(const Expr *call);
/* Whether e reads a `void *` held in a variable, member or element (GSL's `void *params`; not
 * an allocation's or a call's result). */
bool expr_reads_void_pointer(const Expr *e);
/* The first statement of body re-pointing a member of struct pointer s that points to floating
 * data (`s->u = s->unew;`), or NULL. */
const Stmt *stmt_find_repointing(const Stmt *body, const Var *s);
/* The first call in body given s (a struct pointer) or &s (a local struct) whose callee re-points
 * the members of its parameter that point to floating data, itself or through its own calls
 * (`g->u = g->unew;`, buffers swapped in a step function: pointer_check.c), or NULL. */
const Expr *stmt_call_repointing(const Stmt *body, const Var *s);
/* The root variable an lvalue or pointer expression designates (x for x[i].f, *p, p+1). */
Var *expr_root_var(const Expr *e);
/* The variable whose memory an lvalue or pointer value lies in, not following pointers read
 * from memory: a for a[i][j] and &a[i], p for p[i], p->v[k] and p + 1, s for s.v[i]; NULL for
 * s.p[i] (p a pointer member), rows[i][j] (double **rows), g()[i]. */
Var *expr_memory_var(const Expr *e);
const char *op_spelling(Op op);

#endif
