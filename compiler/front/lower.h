/* lower.h: lowering of libclang cursors (types, expressions, statements, functions) to IR. */
#ifndef ADC_LOWER_H
#define ADC_LOWER_H

#include <clang-c/Index.h>
#include "ir.h"

typedef struct MacroRange {
    CXFile file;
    unsigned begin, end;  /* byte offsets of a macro invocation */
} MacroRange;

typedef struct CheckpointMark {
    CXFile file;
    unsigned end;         /* byte offset just past ADC_CHECKPOINT(n) */
    int snapshots;
} CheckpointMark;

typedef struct Definition {
    const char *name;
    CXCursor cursor;
} Definition;

/* One translation unit being read (adc a.c b.c: one each, sharing the Program). */
typedef struct FrontEnd {
    CXTranslationUnit tu;
    Program *prog;
    struct FrontEnd *units; /* every unit of the program, this one included */
    int nunits;
    Definition *defs;     /* the non-static functions its main file defines */
    int ndefs;
    Definition *taken;    /* the functions its main file takes the address of (lower_fnptr.c) */
    int ntaken;
    MacroRange *macros;
    int nmacros;
    CheckpointMark *marks;
    int nmarks;
    unsigned decl_end;    /* end offset of the last file-scope text copied (typedef nesting) */
    int last_type;        /* index in prog->type_decls of that text, -1 when it was a duplicate */
    const char *last_type_names;
} FrontEnd;

/* Lowers a function definition (once: later calls return the same Func). NULL on error. */
Func *lower_function(FrontEnd *fe, CXCursor def);
/* The definition of a called function: in this unit, else (a function with external
 * linkage) in another input file, whose unit *owner then becomes. Null when none has it. */
CXCursor lower_definition_of(FrontEnd **owner, CXCursor callee, const char *name);
/* The function call c names directly (f(x), (*f)(x)), or a null cursor: a call through a
 * pointer (which libclang may report as a call of the function that returned the pointer). */
CXCursor fnptr_direct_callee(CXCursor call);
/* Records the functions whose address file-scope cursor c takes (not the ones it calls). */
void fnptr_collect(FrontEnd *fe, CXCursor c);
/* Makes the generated file declare fdecl when only the source does (it is defined elsewhere):
 * the derivatives call it, or name it as a value. */
void lower_declare_function(FrontEnd *fe, CXCursor fdecl);
/* The function fdecl named as a value (g = sq, &sq): NULL, reported, if the generated file
 * cannot name it. */
Expr *fnptr_value(FrontEnd *fe, CXCursor fdecl, SrcLoc loc);
/* The dispatch function that stands for the call through pointer_name (of pointer_type, in
 * IR pointer) at loc, one per call; NULL, reported, on error. */
Func *fnptr_dispatch(FrontEnd *fe, CXType pointer_type, Type *pointer, const char *pointer_name, SrcLoc loc);
/* Converts a clang type; reports unsupported types at loc and returns NULL. */
Type *lower_type(CXType t, SrcLoc loc);
/* The TY_FUNCPTR type of a pointer to function type `function` (canonical); NULL, reported,
 * for one adc does not support. */
Type *lower_function_type(CXType function, SrcLoc loc);
/* Records #include lines, macros, type definitions and the non-static function definitions
 * of the main file (file-scope cursors); what another unit already gave is kept once. */
void collect_file_scope(FrontEnd *fe, CXCursor c);
/* The same for a file-scope declaration of a .c file the main file includes (--include-source):
 * the functions whose address it takes are targets of calls through pointers. */
void collect_included_source(FrontEnd *fe, CXCursor c);
void collect_macro_ranges(FrontEnd *fe);
/* memcpy/memmove/memset of call (a statement) over floating elements as the loop of element
 * assignments it stands for, posix_memalign(&p, ...) as the assignment of p (lower_memory.c),
 * or NULL: it stays a call. */
Stmt *lower_memory_call(Func *fn, Expr *call);

#endif
