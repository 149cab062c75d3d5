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
/* Converts a clang type; reports unsupported types at loc and returns NULL. */
Type *lower_type(CXType t, SrcLoc loc);
/* Records #include lines, macros, type definitions and the non-static function definitions
 * of the main file (file-scope cursors); what another unit already gave is kept once. */
void collect_file_scope(FrontEnd *fe, CXCursor c);
void collect_macro_ranges(FrontEnd *fe);
/* memcpy/memmove/memset of call (a statement) over floating elements as the loop of element
 * assignments it stands for (lower_memory.c), or NULL: it stays a call. */
Stmt *lower_memory_call(Func *fn, Expr *call);

#endif
