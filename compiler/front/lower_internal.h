/* lower_internal.h: the state of lowering one function, shared by lower.c and the files that
 * lower one kind of statement (lower_switch.c). Not for use outside front/lower*.c. */
#ifndef ADC_LOWER_INTERNAL_H
#define ADC_LOWER_INTERNAL_H

#include "clang_util.h"
#include "lower.h"

typedef struct VarEntry {
    CXCursor decl;
    Var *var;
} VarEntry;

typedef struct Lowering {
    FrontEnd *fe;
    Func *fn;
    VarEntry *vars;       /* open-addressing map from declaration cursor to Var */
    int vars_cap;
    OperatorReader ops;
    Stmt *pending;        /* statements hoisted out of the statement being lowered */
    bool in_condition;    /* lowering a branch or loop condition, outside call arguments: a
                             ?: there stays an expression (it only steers), effects are refused */
    CXCursor statement;   /* the statement being lowered: the scope of effects_unordered */
    int errors;
} Lowering;

/* Reports "WHAT is not supported by adc" at c; returns NULL. */
void *unsupported(Lowering *lw, CXCursor c, const char *what);
/* Declares a variable named base (made unique) that is set before the current statement. */
Stmt *hoisted_decl(Lowering *lw, const char *base, Type *type, SrcLoc loc);
/* The statement v = value. */
Stmt *assign_to(Lowering *lw, Var *v, Expr *value);
/* s as a block (s itself when it is one). */
Stmt *block_of(Lowering *lw, Stmt *s, SrcLoc loc);
Expr *lower_expr(Lowering *lw, CXCursor c);
/* Lowers one statement; statements hoisted out of it are placed before it in a block. */
Stmt *lower_stmt(Lowering *lw, CXCursor c);
/* The lengths of the variable-length arrays in type, the type of declaration decl (a local, a
 * parameter): each variable dimension's Type.vla_len (lower_vla.c). -1 after a report at loc. */
int lower_vla_lengths(Lowering *lw, CXCursor decl, Type *type, SrcLoc loc);
/* A switch statement (lower_switch.c). */
Stmt *lower_switch(Lowering *lw, CXCursor c);

#endif
