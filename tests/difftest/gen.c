/* gen.c: difftest's random program generator (in the spirit of Csmith).
 *
 *     difftest_gen SEED [FEATURES]
 *
 * prints one C file: an ADC_DIFF-annotated function
 *     double F(double A, int N, const double *X, int M, double *Y)
 * (A, X and Y active; Y updated in place), the helpers it calls, and under #ifdef DIFFTEST_MAIN
 * a self-contained harness (harness.h, pasted in) that checks what adc generates for it. The
 * programs are well defined (indices reduced modulo array lengths, integers stay small and
 * non-negative, every variable initialised and read) and smooth almost everywhere (math.h
 * functions only where they are smooth: log(1.5 + e*e), division by 2.0 + e*e, ...).
 * FEATURES is a comma list of classes to switch off (-float) or, starting from none, on
 * (none,loops,math); default all. One function per grammar production below. */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- deterministic random numbers (splitmix64) ------------------------------------------ */

static uint64_t rng_state;

static unsigned rnd(unsigned n) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (unsigned)(z % n);
}

static bool chance(unsigned percent) {
    return rnd(100) < percent;
}

static const char *pick(const char *const *list, unsigned n) {
    return list[rnd(n)];
}

/* ---- strings: every string lives in one arena, freed at exit ----------------------------- */

static char arena[1 << 22];
static size_t arena_used;

static char *fmt(const char *f, ...) {
    va_list ap;
    va_start(ap, f);
    size_t room = sizeof arena - arena_used;
    int len = vsnprintf(arena + arena_used, room, f, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= room) {
        fprintf(stderr, "difftest_gen: program too large\n");
        exit(2);
    }
    char *s = arena + arena_used;
    arena_used += (size_t)len + 1;
    return s;
}

/* Substitutes e for each '@' of template t ("log(1.5 + @ * @)"). */
static char *subst(const char *t, const char *e) {
    char *s = fmt("%s", "");
    for (; *t; t++)
        s = *t == '@' ? fmt("%s%s", s, e) : fmt("%s%c", s, *t);
    return s;
}

/* ---- features ------------------------------------------------------------------------------ */

/* The classes, as bits of a uint64_t (enumeration constants must fit an int). */
#define F_MATH (1ull << 0)       /* math.h functions where smooth */
#define F_LOOPS (1ull << 1)      /* for loops with computed bounds, nested */
#define F_WHILE (1ull << 2)      /* while and do loops with counters */
#define F_BRANCH (1ull << 3)     /* if / else / else-if chains, ?: */
#define F_JUMPS (1ull << 4)      /* break, continue, early return */
#define F_ARRAYS (1ull << 5)     /* local arrays, index arithmetic */
#define F_HELPERS (1ull << 6)    /* helper functions (scalar, array, in place, output pointer) */
#define F_STRUCTS (1ull << 7)    /* structs, arrays of structs, struct copies */
#define F_FLOAT (1ull << 8)      /* float locals mixed with double */
#define F_CHECKPOINT (1ull << 9) /* ADC_CHECKPOINT loops */
#define F_NAMES (1ull << 10)     /* names adc's generator uses too (k, tape, adj, value_d, ...) */
#define F_NONSMOOTH (1ull << 11) /* fabs, fmin, fmax (kinks where FD checks are skipped) */
#define F_PARAMWRITE (1ull << 12)/* assignments to f's scalar parameter A */
#define F_HVP (1ull << 13)       /* mode hvp (checked by the harness when DT_HVP) */
#define F_VECTOR (1ull << 14)    /* mode tangent_vector (DT_W > 0) */
#define F_JACOBIAN (1ull << 15)  /* mode jacobian of f, every other seed (DT_JAC) */
#define F_HESSIAN (1ull << 16)   /* mode hessian of fh(p) = f on packed inputs, every other seed (DT_HESS) */
/* the classes below in the order real C uses them, most common first */
#define F_INTS (1ull << 17)      /* long and unsigned locals and loop indices */
#define F_POINTERS (1ull << 18)  /* pointers into arrays (x + k), rows (m[i]), walks, double *p = &d */
#define F_ARRAYS2D (1ull << 19)  /* double M[2][3] locals, helpers taking const double p[2][3] */
#define F_TABLES (1ull << 20)    /* static const tables, at file scope and in functions */
#define F_MACROS (1ull << 21)    /* function-like and constant macros */
#define F_HEAP (1ull << 22)      /* malloc/calloc/free'd work arrays of f, memcpy, memset */
#define F_GLOBALS (1ull << 23)   /* globals f sets on entry and every function reads and writes */
#define F_COMMA (1ull << 24)     /* comma operator: a, b; and for (k = 0, j = len - 1; ...; k++, j--) */
#define F_ANNOTATED (1ull << 25) /* helpers with their own ADC_DIFF, called by f */
#define F_PTABLES (1ull << 26)   /* double *bufs[2] = {u, unew}: double buffering, swaps */
#define F_FNPTR (1ull << 27)     /* helpers taking a function pointer to another helper */
#define F_INITLIT (1ull << 28)   /* designated initializers, compound literals */
#define F_CONSTLOCALS (1ull << 29)/* const active locals, char arrays from string literals */
#define F_SYSSTRUCT (1ull << 30) /* a local struct of pointers to X and Y given to helpers */
#define F_SWAP (1ull << 31)      /* heap buffers swapped by a third pointer in a time loop */
#define F_SWITCH (1ull << 32)    /* switch: stacked labels, fall-through, default */
#define F_GOTO (1ull << 33)      /* forward goto past a block, out of nested loops */
#define F_SIDEFX (1ull << 34)    /* side effects in expressions: a = b = e, (t += e) as an operand,
                                    out[k++] = e, while (n--) */
#define F_VLA (1ull << 35)       /* variable-length arrays: double v[n] locals, h(int q, double p[q]) */
#define F_RECUR (1ull << 36)     /* recursive helpers h(d, ...) calling h(d - 1, ...), mutual pairs */
#define F_ALIAS (1ull << 37)     /* helpers h(q, out, in, s) called with overlapping arrays */
#define F_ROWS (1ull << 38)      /* row-pointer matrices double **a: malloc'd in f, h(q, r, double **p) */
#define F_FNSTRUCT (1ull << 39)  /* function pointers in structs (model_t, stepper_t), chosen at run
                                    time (?:, if/else), GSL's double g(double x, void *params) */
#define F_HEAPX (1ull << 40)     /* heap blocks helpers return, calloc, aligned_alloc, posix_memalign,
                                    realloc, pointers into blocks, three-buffer rotations, SWAP(a, b) */
#define F_STATICS (1ull << 41)   /* f2c's static locals: `static double t0;` assigned before read */
#define F_STRUCTWALK (1ull << 42)/* pointers walking local arrays of struct pt (pp++ to an end,
                                    pp = &parts[k], pp->v updated in place, a pointer chosen by
                                    comparison), helpers h(struct pt *p, int q); memory chosen
                                    by ?: is not read: adc refuses it (tests/bad/read_through_choice) */
#define F_GOTOLOOP (1ull << 43)  /* loops written with a backward goto (f2c's), a counter bounding
                                    the trips, gotos back from inside the body's ifs and loops */
#define F_GRID (1ull << 44)      /* a 2-D variable-length array double g[N][M + 1] in f */
#define F_SHADOW (1ull << 45)    /* names declared again: a closed block's double in a later one,
                                    an inner block's double named like a global or an outer
                                    local, which is read again after the block */
#define F_FIXEDOUT (1ull << 46)  /* helpers filling a small array of the caller's, ending with
                                    p[c] = p[c] * e + e for each element (BA's project) */
#define F_GATHER (1ull << 47)    /* int index arrays (connectivity, CSR columns, permutations):
                                    a[ix[k]] read and written, repeated entries, entries changed
                                    while the function runs (ix[k] = (ix[k] + c) % n, swaps) */
#define F_MESH (1ull << 48)      /* FEM and sparse idioms: edge assembly over int edges[E][2],
                                    CSR products (row_ptr, col_idx, val; y = Ax, y += A^T x),
                                    an index table given to a helper that may move it on */
static const struct { const char *name; uint64_t bit; } feature_names[] = {
    {"math", F_MATH}, {"loops", F_LOOPS}, {"while", F_WHILE}, {"branch", F_BRANCH},
    {"jumps", F_JUMPS}, {"arrays", F_ARRAYS}, {"helpers", F_HELPERS}, {"structs", F_STRUCTS},
    {"float", F_FLOAT}, {"checkpoint", F_CHECKPOINT}, {"names", F_NAMES},
    {"nonsmooth", F_NONSMOOTH}, {"paramwrite", F_PARAMWRITE},
    {"hvp", F_HVP}, {"vector", F_VECTOR}, {"jacobian", F_JACOBIAN}, {"hessian", F_HESSIAN},
    {"ints", F_INTS}, {"pointers", F_POINTERS}, {"arrays2d", F_ARRAYS2D}, {"tables", F_TABLES},
    {"macros", F_MACROS}, {"heap", F_HEAP}, {"globals", F_GLOBALS}, {"comma", F_COMMA},
    {"annotated", F_ANNOTATED}, {"ptables", F_PTABLES}, {"fnptr", F_FNPTR},
    {"initlit", F_INITLIT}, {"constlocals", F_CONSTLOCALS}, {"sysstruct", F_SYSSTRUCT},
    {"swap", F_SWAP}, {"switch", F_SWITCH}, {"goto", F_GOTO}, {"sidefx", F_SIDEFX},
    {"vla", F_VLA}, {"recur", F_RECUR}, {"alias", F_ALIAS}, {"rows", F_ROWS},
    {"fnstruct", F_FNSTRUCT}, {"heapx", F_HEAPX}, {"statics", F_STATICS},
    {"structwalk", F_STRUCTWALK}, {"gotoloop", F_GOTOLOOP}, {"grid", F_GRID},
    {"shadow", F_SHADOW}, {"fixedout", F_FIXEDOUT}, {"gather", F_GATHER},
    {"mesh", F_MESH},
};
static uint64_t features;

static bool on(uint64_t f) {
    return (features & f) != 0;
}

static uint64_t parse_features(const char *spec) {
    uint64_t set = ~0ull;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *item = strtok(buf, ","); item; item = strtok(NULL, ",")) {
        bool off = item[0] == '-';
        const char *name = item + (off || item[0] == '+');
        if (strcmp(name, "all") == 0 || strcmp(name, "none") == 0) {
            set = strcmp(name, "all") == 0 ? ~0ull : 0;
            continue;
        }
        uint64_t bit = 0;
        for (size_t i = 0; i < sizeof feature_names / sizeof feature_names[0]; i++)
            if (strcmp(feature_names[i].name, name) == 0)
                bit = feature_names[i].bit;
        if (!bit) {
            fprintf(stderr, "difftest_gen: unknown feature '%s'\n", name);
            exit(2);
        }
        set = off ? set & ~bit : set | bit;
    }
    return set;
}

/* ---- output: each function's text is built in memory, then printed ---------------------- */

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static Text *out;  /* the function being written */
static int indent; /* its current depth */

static void note_write(const char *stmt);

static void line(const char *f, ...) {
    char tmp[8192];
    va_list ap;
    va_start(ap, f);
    vsnprintf(tmp, sizeof tmp, f, ap);
    va_end(ap);
    size_t need = out->len + (size_t)indent * 4 + strlen(tmp) + 2;
    if (need > out->cap) {
        out->cap = need * 2;
        out->s = realloc(out->s, out->cap);
        if (!out->s)
            exit(2);
    }
    out->len += (size_t)sprintf(out->s + out->len, "%*s%s\n", indent * 4, "", tmp);
    note_write(tmp);
}

/* ---- symbols ---------------------------------------------------------------------------------- */

typedef enum {
    V_DOUBLE, V_FLOAT, V_INT, V_ARRAY, V_STRUCT, V_STRUCTS, V_DEREF, V_ARRAY2, V_ROWS,
    V_FN,    /* a double (*)(double, double): a variable or a member (its len: the k member passed
                with it, NULL: none) */
    V_FNCTX, /* a double (*)(double, void *) (its len: the context passed with it, &pr) */
    V_IARRAY, /* int ix[len] whose entries index the arrays of length upto (F_GATHER) */
} Kind;

typedef struct Var {
    const char *name;
    Kind kind;
    const char *len;  /* arrays: the element count (a constant or a parameter's name) */
    const char *len2; /* 2-D arrays and row matrices: the row length */
    const char *upto; /* loop indices, index arrays' entries: < this array length (NULL: unknown) */
    bool readonly;    /* const inputs, loop indices */
    bool read;        /* some expression reads it (else it is read at its scope's end) */
    bool global;      /* at file scope */
    bool no_alias;    /* never pointed into nor given to a helper: struct members (adc refuses
                         a pointer read from one in reverse mode), swapped heap buffers, rows
                         read into a pointer (adc: no other pointer made from it) */
    bool allocated;   /* V_ROWS: allocated by this function (adc refuses double *ai = a[i]) */
    bool grid;        /* V_ARRAY2: a variable-length grid, not a double [2][3] */
    const char *sources; /* what the loops being written wrote into it (note_write) */
    bool seen;           /* visited by feeds */
    bool hidden;         /* hidden by an inner block's variable of the same name (F_SHADOW) */
    bool drawn;          /* random_var_of has returned it in the function being written */
    int hides;           /* the index + 1 of the variable it hides (F_SHADOW), 0: none */
} Var;

static Var vars[256];
static int nvars;
static const char *used_names[512];
static int nused;
static const char *sink;  /* the lvalue that absorbs variables read nowhere else */
static int repeating;     /* loops around the statement being written */
static bool float_used, struct_used, grid_used;
static bool checkpoint_used; /* f has an ADC_CHECKPOINT loop: hvp and hessian on even seeds only */
static bool writing_top;    /* writing the annotated function (not a helper) */
static const char *top_n;   /* the name of its parameter N (the length of X) */
static bool jacobian;       /* f asks for mode jacobian (decided by the seed, not drawn: the
                               programs of the other seeds stay as they were) */
static Var globals[4];      /* file-scope variables (globals, static const tables), in every scope */
static int first_local;     /* vars[first_local..] are the function's locals (after the
                               parameters and the globals) */
static int scope_first;     /* vars[scope_first..] are declared in the block being written */
static int scope_indent;    /* the indent of its statements */
static bool scope_braced;   /* it is a C block (in braces, deeper than the block around it; a
                               heap block's statements, say, are not) */
static const char *closed[64]; /* the doubles of the function's closed blocks (F_SHADOW) */
static int nclosed;
static int nglobals;
static const char *heap_arrays[4]; /* f's malloc'd arrays, freed before its return */
static int nheap;
static bool heap_used;      /* some function mallocs (no hvp nor hessian: refused) */
static bool swap_macro_used; /* the program swaps pointers by SWAP(a, b) */
static const char *row_mats[2], *row_counts[2]; /* f's row matrices and their row counts: each
                                                   row and the table freed before its return */
static int nrow_mats;
static int checkpointing;   /* writing an ADC_CHECKPOINT loop: no row matrix written (refused) */
static bool libc_used;      /* the program names size_t or memset (stdlib.h and string.h) */
static bool vla_param_used; /* a helper takes double p[q]: gcc's warning pragma (entry 80) */
static bool sys_used;       /* the program declares sys_t */
static const char *sys_ptr; /* the sys_t pointer the function being written can pass (&s, s) */
static bool sys_ptr_const;  /* ... a const sys_t * (only reading helpers may take it) */
static bool top_sys;        /* f has a local sys_t or struct par (no ADC_CHECKPOINT: refused with
                               a struct of pointers) */
static bool model_used, stepper_used, par_used; /* the program declares model_t, stepper_t,
                                                   struct par */
static const char *model_ptr, *model_val; /* the model_t the function being written can pass, as a
                                             pointer (&mdl, m) and as a value (mdl, *m) */
static const char *stepper_ptr; /* the stepper_t * the function being written can pass (&stp, s) */
static const char *stepper, *stepper_via, *work; /* f's stepper_t, a stepper_t * to it (NULL:
                                                    none) and its work array */
static const char *const *fn_names;              /* f's parameters (stmt_step, call_euler) */

static const char *quad_name; /* f's midpoint rule for GSL integrands (NULL: none) */

static bool writable_globals(void) {
    for (int g = 0; g < nglobals; g++)
        if (!globals[g].readonly)
            return true;
    return false;
}


static const char *const clash_names[] = {
    "k", "i", "j", "first", "steps", "done", "status", "seed", "tape", "adj", "t1", "t2",
    "trips", "bound", "columns", "value_d", "m_out", "x_d", "y_b", "result", "f_result",
    "unit", "hessian", "value", "count", "n_b", "a_d", "s_b", "tmp", "t2_b", "adj_2", "k_2",
    "trips_14", "first_14", "bound_14", "x_b_d", "f_d", "f_b", "y_d", "x_v", "x_hv",
};

static bool name_used(const char *name) {
    for (int i = 0; i < nused; i++)
        if (strcmp(used_names[i], name) == 0)
            return true;
    return false;
}

/* plain0, plain1, ...: the first not yet used (names check.sh's double twin renames). */
static const char *plain_name(const char *plain) {
    const char *name = NULL;
    for (int n = 0; !name || name_used(name); n++)
        name = fmt("%s%d", plain, n);
    used_names[nused++] = name;
    return name;
}

/* A name not yet used in the program: one adc's generator also uses, or a plain one. */
static const char *fresh_name(const char *plain) {
    const char *name = NULL;
    if (on(F_NAMES) && chance(70))
        for (int tries = 0; tries < 8 && (!name || name_used(name)); tries++)
            name = pick(clash_names, sizeof clash_names / sizeof clash_names[0]);
    if (!name || name_used(name))
        return plain_name(plain);
    used_names[nused++] = name;
    return name;
}

static Var *add_var(const char *name, Kind kind, const char *len) {
    Var *v = &vars[nvars++];
    *v = (Var){.name = name, .kind = kind, .len = len};
    return v;
}

/* ---- what each variable is computed from: updates that must not grow with themselves ------- */

/* The length of the identifier s starts with. */
static size_t word_len(const char *s) {
    return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}

/* Whether e names the variable lvalue lv starts from (x in x, x[i], x.v, *x) as a whole word. */
static bool reads_root(const char *e, const char *lv) {
    lv += strspn(lv, "*(");
    size_t len = word_len(lv);
    for (const char *at = strstr(e, fmt("%.*s", (int)len, lv)); at; at = strstr(at + 1, fmt("%.*s", (int)len, lv)))
        if ((at == e || !(isalnum((unsigned char)at[-1]) || at[-1] == '_')) &&
            !(isalnum((unsigned char)at[len]) || at[len] == '_'))
            return true;
    return false;
}

/* Whether a variable's name is a plain identifier (not a member such as s.c). */
static bool identifier(const char *name) {
    return word_len(name) == strlen(name);
}

static Var *var_named(const char *name) {
    size_t len = word_len(name);
    for (int i = nvars - 1; i >= 0; i--)
        if (strlen(vars[i].name) == len && strncmp(vars[i].name, name, len) == 0)
            return &vars[i];
    return NULL;
}

static void add_source(Var *v, const char *text) {
    if (v)
        v->sources = v->sources ? fmt("%s %s", v->sources, text) : fmt("%s", text);
}

/* Inside a loop, records in Var.sources what the statement stmt (one line of output) writes
 * into a variable: `T x[2] = {...};`, `x.v += e;`, `*x = e;` give x the text after the
 * operator, `h(e, &x);` gives x the statement. What was written before the loop is computed
 * once, not on each trip: loop_body forgets it all when the outermost loop ends. */
static void note_write(const char *stmt) {
    static const char *const keywords[] = {"if", "for", "while", "switch", "return", "case",
                                           "default", "break", "continue", "do", "else", "goto"};
    if (!repeating)
        return;
    stmt += strspn(stmt, " ");
    for (const char *at = stmt; (at = strchr(at, '&')); at += at[1] == '&' ? 2 : 1)
        if (at[1] != '&')
            add_source(var_named(at + 1), stmt);
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
        size_t n = strlen(keywords[k]);
        if (strncmp(stmt, keywords[k], n) == 0 && !isalnum((unsigned char)stmt[n]) && stmt[n] != '_')
            return;
    }
    int depth = 0;
    const char *op = NULL;
    for (const char *c = stmt; *c && !op; c++) {
        depth += (*c == '(' || *c == '[' || *c == '{') - (*c == ')' || *c == ']' || *c == '}');
        if (*c == '=' && depth == 0 && c[1] != '=' && c > stmt && !strchr("=!<>", c[-1]))
            op = c;
    }
    const char *cut = stmt + strcspn(stmt, "[.-"), *name = NULL; /* T x[2], x.v, x - (-=) */
    for (const char *c = stmt; op && c < op && c < cut; c++) /* the last word before cut */
        if ((isalpha((unsigned char)*c) || *c == '_') && (c == stmt || !(isalnum((unsigned char)c[-1]) || c[-1] == '_')))
            name = c;
    if (name)
        add_source(var_named(name), op + 1);
}

static bool feeds_from(const char *e, const char *lv) {
    if (reads_root(e, lv))
        return true;
    for (int i = 0; i < nvars; i++) {
        Var *v = &vars[i];
        if (v->sources && !v->seen && reads_root(e, v->name)) {
            v->seen = true;
            if (feeds_from(v->sources, lv))
                return true;
        }
    }
    return false;
}

/* Whether e reads lv's variable, directly or through variables the loop being written
 * computed from it (y in `for (...) { y = -3 * x; x += g(y); }`). */
static bool feeds(const char *e, const char *lv) {
    for (int i = 0; i < nvars; i++)
        vars[i].seen = false;
    return feeds_from(e, lv);
}

/* e, or tanh(e) where e reads lv's variable: a term that grows with the variable it updates
 * squares it each trip of a loop (`x += SQ(x)`: 1e59 after nine trips, seed 2006613; through a
 * local computed from x and a helper squaring its argument, 7e37 after four, seed 2009027), and
 * then `x + (y - x)` absorbs y: the program is flat where its derivative is not (README 68, 70). */
static char *bounded(char *e, const char *lv) {
    return feeds(e, lv) ? fmt("tanh(%s)", e) : e;
}

/* Reads, into the sink, every variable of the scope that starts at first that nothing read. */
static void close_scope(int first) {
    for (int i = first; i < nvars; i++) {
        Var *v = &vars[i];
        if (v->read || v->kind == V_DEREF)
            continue;
        if (v->kind == V_INT || v->kind == V_IARRAY) {
            line("%s += 0.5 * %s%s;", sink, v->name, v->kind == V_IARRAY ? "[0]" : "");
            continue;
        }
        char *term = v->kind == V_ARRAY     ? fmt("%s[0]", v->name)
                     : v->kind == V_STRUCT  ? fmt("%s.v", v->name)
                     : v->kind == V_STRUCTS ? fmt("%s[0].w", v->name)
                     : v->kind == V_ARRAY2  ? fmt(v->grid ? "%s[0][0]" : "%s[1][2]", v->name)
                     : v->kind == V_ROWS    ? fmt("%s[0][0]", v->name)
                                            : fmt("%s", v->name);
        line("%s += %s;", sink, bounded(term, sink));
    }
    for (int i = first; i < nvars; i++)
        if (vars[i].hides)
            vars[vars[i].hides - 1].hidden = false;
    nvars = first;
}

static bool in_call_args; /* writing the arguments of a call to a helper (call_arg) */

/* A variable of the kind in scope (writable: not read-only, nor a row matrix in a checkpointed
 * loop; by_address, or in a helper's arguments: not a writable global, as adc refuses a pointer
 * made from one and a global given, even in a value, to a callee that also writes it by its
 * name), or NULL. */
static Var *random_var_of(Kind kind, bool writable, bool by_address) {
    by_address |= in_call_args;
    Var *cand[256];
    int n = 0;
    for (int i = 0; i < nvars; i++)
        if (vars[i].kind == kind && !vars[i].hidden && !(writable && (vars[i].readonly || (kind == V_ROWS && checkpointing))) &&
            !(by_address && ((vars[i].global && !vars[i].readonly) || vars[i].no_alias)))
            cand[n++] = &vars[i];
    Var *v = n ? cand[rnd((unsigned)n)] : NULL;
    if (v)
        v->drawn = true;
    return v;
}

static Var *random_var(Kind kind, bool writable) {
    return random_var_of(kind, writable, false);
}

/* A double [2][3] array in scope, which helpers of kind H_MATRIX take (a grid is not one), or
 * NULL; without a grid in scope, the same draw as random_var(V_ARRAY2, false). */
static Var *matrix_arg(void) {
    for (int tries = 0; tries < 64; tries++) {
        Var *m = random_var(V_ARRAY2, false);
        if (!m || !m->grid)
            return m;
    }
    return NULL;
}

/* Is v the length of some array? */
static bool is_length(const Var *v) {
    for (int i = 0; i < nvars; i++)
        if (vars[i].len && strcmp(vars[i].len, v->name) == 0)
            return true;
    return false;
}

/* ---- helpers the program calls ------------------------------------------------------------ */

typedef enum {
    H_SCALAR, H_REDUCE, H_INPLACE, H_OUT, H_STRUCTS, H_MATRIX, H_FLOAT, H_APPLY,
    H_SYS,  /* void h(sys_t *s, double q): writes s->y and s->c */
    H_SYSR, /* double h(const sys_t *s, double q): reads them */
    H_RECUR,  /* double h(int d, double p, double q): calls itself (or its partner) with d - 1 */
    H_RECURA, /* double h(int d, double p, int q, double *a): the same, updating a in place */
    H_PAIR,   /* void h(int q, double *out, const double *in, double s): called with out and in
                 overlapping (the same array, shifted, a pointer into it) */
    H_ROWS,   /* void h(int q, int r, double **p, double s): updates the row matrix p in place */
    H_ALLOC,  /* double *h(int q, const double *p, double s): a new block of q elements filled from
                 p, or double *h(int q) (zeroed); the caller frees it */
    H_MODEL,  /* double h(const model_t *m, double q) or h(model_t m, double q): calls m->rhs */
    H_STEP,   /* void dh(int q, const double *u, double *du, double c): the target of stepper_t's
                 member step (not static) */
    H_PARAMS, /* double dh(double p, void *params): a GSL integrand reading a struct par (not
                 static) */
    H_EULER,  /* void h(const stepper_t *s, int q, double *u, double c): s->step(q, u, du, c),
                 then u[i] += 0.1 * tanh(du[i]) (q at most 4) */
    H_FIXED,  /* void h(double q, double p[2]) (or p[3]): random statements, then each element's
                 last write p[c] = p[c] * e + e (call_fixed gives it a whole local array) */
} HelperKind;
typedef struct Helper {
    const char *name;
    HelperKind kind;
    int calls;
    bool annotated;      /* has its own ADC_DIFF (not static: its interface is in adc's file) */
    bool exported;       /* not static (annotated, or a target of fnstruct's pointers): named dh */
    const char *target;  /* H_APPLY: the H_SCALAR helper it is given as a function pointer */
    const char *partner; /* H_RECUR: the helper it calls and that calls it back (NULL: itself) */
    bool zeroed;         /* H_ALLOC: takes the length only, returns the block zeroed */
    bool by_value;       /* H_MODEL: takes its model_t by value */
    int fixed_len;       /* H_FIXED: the length of its array */
} Helper;
static Helper helpers[4];
static int nhelpers;
static int callable;  /* helpers[0..callable) may be called from the function being written */

/* ---- expressions ---------------------------------------------------------------------------- */

/* What drawing an expression marks: the variables it reads and the helper calls it counts. An
 * expression drawn and then dropped must take its marks back, or a variable or helper it alone
 * used is neither read at its scope's end nor called (-Wunused-variable, -Wunused-parameter,
 * -Wunused-function). */
typedef struct {
    bool read[sizeof vars / sizeof vars[0]];
    int calls[sizeof helpers / sizeof helpers[0]];
} Marks;

static void save_marks(Marks *m) {
    for (int i = 0; i < nvars; i++)
        m->read[i] = vars[i].read;
    for (int h = 0; h < nhelpers; h++)
        m->calls[h] = helpers[h].calls;
}

static void restore_marks(const Marks *m) {
    for (int i = 0; i < nvars; i++)
        vars[i].read = m->read[i];
    for (int h = 0; h < nhelpers; h++)
        helpers[h].calls = m->calls[h];
}

static char *expr(int depth);
static char *cond(int depth);

static const char *constant(void) {
    static const char *const c[] = {"0.5", "1.25", "2.0", "0.75", "3.0", "0.125", "1.5", "0.3"};
    if (on(F_MACROS) && chance(10))
        return "HALF";
    return pick(c, sizeof c / sizeof c[0]);
}

/* A non-negative int expression (small: loop indices, counters, lengths, constants). */
static char *int_expr(int depth) {
    Var *v = random_var(V_INT, false);
    if (depth > 0 && chance(30))
        return fmt("(%s + %s)", int_expr(depth - 1), int_expr(depth - 1));
    if (depth > 0 && chance(20))
        return fmt("%s * %u", int_expr(depth - 1), 1 + rnd(3));
    if (v && chance(80)) {
        v->read = true;
        return fmt("%s", v->name);
    }
    return fmt("%u", rnd(5));
}

/* An index below len (valid whatever the loop indices and counters hold). The last element of
 * a grid is `(len - 1) % len`: gcc -O2 -Warray-bounds stopped a program indexing a grid by
 * `len - 1` on a path where it took len to be 0 (seed 2037782, difftest README 115). */
static Var *index_array_for(const char *len);
static char *index_below(const char *len);

static char *index_below_of(const char *len, bool grid) {
    Var *ix = on(F_GATHER) && chance(30) ? index_array_for(len) : NULL;
    if (ix) {
        ix->read = true;
        return fmt("%s[%s]", ix->name, index_below(ix->len));
    }
    Var *idx = random_var(V_INT, false);
    if (idx && idx->upto && strcmp(idx->upto, len) == 0 && chance(60)) {
        idx->read = true;
        return chance(70) ? fmt("%s", idx->name) : fmt("%s - 1 - %s", len, idx->name);
    }
    if (chance(15))
        return grid ? fmt("(%s - 1) %% %s", len, len) : fmt("%s - 1", len);
    if (chance(10))
        return fmt("0");
    return fmt("(%s) %% %s", int_expr(2), len);
}

static char *index_below(const char *len) {
    return index_below_of(len, false);
}

static char *index_into(Var *a) {
    if (a->kind != V_ARRAY2 && a->kind != V_ROWS)
        return index_below(a->len);
    return fmt("%s][%s", index_below_of(a->len, a->grid), index_below_of(a->len2, a->grid));
}

static char *array_elem(Var *a) {
    a->read = true;
    return fmt("%s[%s]", a->name, index_into(a));
}

/* k, or now and then a row matrix for an array in a program of class rows. */
static Kind or_rows(Kind k) {
    return k == V_ARRAY && on(F_ROWS) && chance(40) ? V_ROWS : k;
}

/* Something that reads a double (or float) value, or NULL if nothing is in scope. */
static char *leaf_read(void) {
    static const Kind kinds[] = {V_DOUBLE, V_DOUBLE, V_FLOAT, V_ARRAY, V_ARRAY, V_STRUCT,
                                 V_STRUCTS, V_DEREF, V_INT, V_ARRAY2};
    for (int tries = 0; tries < 6; tries++) {
        Var *v = random_var(or_rows(kinds[rnd(sizeof kinds / sizeof kinds[0])]), false);
        if (!v)
            continue;
        v->read = true;
        switch (v->kind) {
        case V_ARRAY: case V_ARRAY2: case V_ROWS: return array_elem(v);
        case V_STRUCT: return fmt("%s.%s", v->name, chance(50) ? "v" : "w");
        case V_STRUCTS: return fmt("%s.%s", array_elem(v), chance(50) ? "v" : "w");
        case V_DEREF: return fmt("(*%s)", v->name);
        case V_INT: return fmt("%s * %s", v->name, constant());
        case V_FLOAT: return chance(30) ? fmt("(double)%s", v->name) : fmt("%s", v->name);
        default:
            if (on(F_FLOAT) && chance(5)) { /* a rounding to float and back */
                float_used = true;
                return fmt("(double)(float)%s", v->name);
            }
            return fmt("%s", v->name);
        }
    }
    return NULL;
}

/* e without a leading rounding to float and back. */
static const char *unrounded(const char *e) {
    static const char rounding[] = "(double)(float)";
    return strncmp(e, rounding, sizeof rounding - 1) == 0 ? e + sizeof rounding - 1 : e;
}

static char *math_call(int depth) {
    static const char *const smooth[] = {
        "sin(@)", "cos(@)", "tanh(@)", "atan(@)", "erf(@)", "erfc(@)", "asinh(@)",
        "exp(tanh(@))", "exp2(sin(@))", "expm1(0.5 * tanh(@))", "log(1.5 + @ * @)",
        "log2(2.0 + @ * @)", "log10(1.0 + @ * @)", "log1p(@ * @)", "sqrt(0.5 + @ * @)",
        "cbrt(1.0 + @ * @)", "pow(1.25 + @ * @, 0.7)", "pow(@, 2.0)", "pow(@, 3)",
        "hypot(@, 0.75)", "atan2(@, 1.5 + @ * @)", "tan(0.5 * tanh(@))", "asin(0.5 * tanh(@))",
        "acos(0.5 * sin(@))", "sinh(tanh(@))", "cosh(sin(@))", "acosh(1.5 + @ * @)",
        "atanh(0.5 * tanh(@))", "scalbn(@, 2)", "ldexp(@, -1)",
    };
    static const char *const kinked[] = {"fabs(@)", "fmin(@, 0.25)", "fmax(@, -0.5)", "floor(@)",
                                         "ceil(@)", "trunc(@)", "round(@)", "fmod(@, 0.75)"};
    static const char *const single[] = {"sinf((float)(@))", "expf(tanhf((float)(@)))",
                                          "sqrtf(1.0f + (float)(@) * (float)(@))"};
    char *e = expr(depth - 1);
    if (on(F_NONSMOOTH) && chance(8))
        return subst(pick(kinked, chance(50) ? 3 : 8), e);
    if (on(F_FLOAT) && chance(8)) {
        float_used = true;
        return subst(pick(single, 3), e);
    }
    if (chance(6))
        return fmt("pow(1.5 + %s * %s, %s)", e, e, fmt("0.5 + 0.25 * tanh(%s)", expr(depth - 1)));
    return subst(pick(smooth, sizeof smooth / sizeof smooth[0]), e);
}

/* Set by stmt_call to write one call as a statement of its own: with writable globals, which
 * every helper reads and writes, a call inside an expression that also reads them is refused
 * by adc (C leaves the order open), so expressions then hold no calls. */
static bool call_statement;

/* An argument of a call to a helper. */
static char *call_arg(int depth) {
    bool outer = in_call_args;
    in_call_args = writable_globals();
    char *e = expr(depth);
    in_call_args = outer;
    return e;
}

/* len items "e, e, ..." (item: expr, or call_arg in a call's arguments). */
static char *expr_list(unsigned len, int depth, char *(*item)(int)) {
    char *list = item(depth);
    for (unsigned i = 1; i < len; i++)
        list = fmt("%s, %s", list, item(depth));
    return list;
}

/* The initializer of a struct pt: positional, by designators, or positional after one. */
static char *struct_fields(char *(*item)(int)) {
    struct_used = true;
    switch (rnd(4)) {
    case 0: return fmt("%s, %s, %u", item(2), item(2), rnd(3));
    case 1: return fmt(".w = %s, .v = %s", item(2), item(2));
    case 2: return fmt(".v = %s, %s, %u", item(2), item(2), rnd(3)); /* w and tag follow v */
    default: return fmt(".tag = %u, .w = %s", rnd(3), item(2));
    }
}

static int in_cond; /* writing a condition: no compound literal (adc refuses one in a ?: there) */

static bool literal_allowed(void) {
    return on(F_INITLIT) && !in_cond && chance(30);
}

/* The depth a recursive helper is called with: 1 to 4, or an int expression reduced to 0 to 3. */
static char *depth_arg(void) {
    return chance(50) ? fmt("%u", 1 + rnd(4)) : fmt("(%s) %% 4", int_expr(1));
}

static char *helper_call(int depth) {
    if (writable_globals() && !call_statement)
        return NULL;
    call_statement = false; /* its arguments hold no calls */
    Helper *h = &helpers[rnd((unsigned)callable)];
    Var *arr;
    switch (h->kind) {
    case H_SCALAR:
        h->calls++;
        return fmt("%s(%s, %s)", h->name, call_arg(depth - 1), call_arg(depth - 1));
    case H_REDUCE:
        if (literal_allowed()) { /* h(3, (double[]){e, e, e}, e) */
            unsigned len = 2 + rnd(3);
            h->calls++;
            return fmt("%s(%u, (%sdouble[]){%s}, %s)", h->name, len, chance(50) ? "const " : "",
                       expr_list(len, depth - 1, call_arg), call_arg(depth - 1));
        }
        arr = random_var_of(V_ARRAY, false, true);
        if (!arr)
            return NULL;
        h->calls++;
        arr->read = true;
        return fmt("%s(%s, %s, %s)", h->name, arr->len, arr->name, call_arg(depth - 1));
    case H_STRUCTS:
        if (literal_allowed()) {
            h->calls++;
            return chance(50) ? fmt("%s(&(struct pt){%s}, 1)", h->name, struct_fields(call_arg))
                              : fmt("%s((struct pt[]){{%s}, {%s}}, 2)", h->name,
                                    struct_fields(call_arg), struct_fields(call_arg));
        }
        arr = random_var(V_STRUCTS, false);
        if (!arr)
            return NULL;
        h->calls++;
        arr->read = true;
        return fmt("%s(%s, %s)", h->name, arr->name, arr->len);
    case H_MATRIX:
        arr = matrix_arg();
        if (!arr)
            return NULL;
        h->calls++;
        arr->read = true;
        return fmt("%s(%s, %s)", h->name, arr->name, call_arg(depth - 1));
    case H_FLOAT:
        h->calls++;
        return fmt("%s(%s%s, %s)", h->name, chance(50) ? "(float)" : "", call_arg(depth - 1), call_arg(depth - 1));
    case H_APPLY:
        h->calls++;
        return fmt("%s(%s, %s, %s)", h->name, h->target, call_arg(depth - 1), call_arg(depth - 1));
    case H_SYSR:
        if (!sys_ptr)
            return NULL;
        h->calls++;
        return fmt("%s(%s, %s)", h->name, sys_ptr, call_arg(depth - 1));
    case H_RECUR:
        h->calls++;
        return fmt("%s(%s, %s, %s)", h->name, depth_arg(), call_arg(depth - 1), call_arg(depth - 1));
    case H_MODEL:
        if (!model_ptr)
            return NULL;
        h->calls++;
        return fmt("%s(%s, %s)", h->name, h->by_value ? model_val : model_ptr, call_arg(depth - 1));
    default:
        return NULL;
    }
}

/* A call through a function pointer in scope: fn(e, e), mdl.rhs(e, mdl.k), m->rhs(e, e),
 * g(e, &pr); NULL if none (or calls must be statements of their own: helper_call). */
static char *fnptr_call(int depth) {
    if (writable_globals() && !call_statement)
        return NULL;
    Var *fn = random_var(chance(50) ? V_FN : V_FNCTX, false);
    if (!fn)
        return NULL;
    call_statement = false;
    fn->read = true;
    char *first = call_arg(depth - 1);
    if (fn->kind == V_FNCTX)
        return fmt("%s(%s, %s)", fn->name, first, fn->len);
    if (!fn->len || chance(40))
        return fmt("%s(%s, %s)", fn->name, first, call_arg(depth - 1));
    for (int i = 0; i < nvars; i++)
        vars[i].read |= strcmp(vars[i].name, fn->len) == 0;
    return fmt("%s(%s, %s)", fn->name, first, fn->len);
}

/* A double-valued expression of nesting at most depth. */
static char *expr(int depth) {
    char *e = NULL;
    if (depth > 0 && on(F_FNSTRUCT) && chance(8) && (e = fnptr_call(depth)))
        return e;
    unsigned r = depth > 0 ? rnd(100) : 100;
    if (r < 25)
        e = fmt("(%s %s %s)", expr(depth - 1), pick((const char *const[]){"+", "-", "*"}, 3),
                expr(depth - 1));
    else if (r < 32)
        e = fmt("-(%s)", expr(depth - 1));
    else if (r < 40) {
        char *d = expr(depth - 1);
        e = fmt("(%s / (2.0 + %s * %s))", expr(depth - 1), d, d);
    } else if (r < 58 && on(F_MATH))
        e = math_call(depth);
    else if (r < 64 && on(F_BRANCH))
        e = fmt("(%s ? %s : %s)", cond(depth - 1), expr(depth - 1), expr(depth - 1));
    else if (r < 72 && callable > 0)
        e = helper_call(depth);
    else if (r < 76 && on(F_MACROS))
        e = chance(50) ? fmt("SQ(%s)", expr(depth - 1))
                       : fmt("MIX(%s, %s)", expr(depth - 1), expr(depth - 1));
    if (!e && chance(85))
        e = leaf_read();
    return e ? e : fmt("%s", constant());
}

static char *cond_of(int depth);

static char *cond(int depth) {
    in_cond++;
    char *c = cond_of(depth);
    in_cond--;
    return c;
}

static char *cond_of(int depth) {
    unsigned r = rnd(100);
    Var *i = random_var(V_INT, false);
    if (depth > 0 && r < 15)
        return fmt("(%s %s %s)", cond(depth - 1), chance(50) ? "&&" : "||", cond(depth - 1));
    if (depth > 0 && r < 20)
        return fmt("!(%s)", cond(depth - 1));
    if (i && r < 40) {
        i->read = true;
        /* never i > 2 || i < 3; never n < 1 on an array length n, under which n - 1 is
         * negative: UB if taken, and gcc -O2 says so where it sees the length (900006);
         * a counter (neither length nor loop index) is compared modulo 8, or c = n + 6
         * then c < 4 would bound n below 0 on a path that never runs (2023174) */
        unsigned least = is_length(i) ? 2 : 1;
        const char *counter = !is_length(i) && !i->upto ? " % 8" : "";
        if (chance(50))
            return fmt("%s %% 2 == %u", i->name, rnd(2));
        /* a loop index below a constant length c is compared with less than c: under the else
         * of i < c gcc -O2 takes a[i] as past the end (-Warray-bounds, long-run seed 2045610) */
        unsigned below = least + rnd(5 - least), len = i->upto ? (unsigned)atoi(i->upto) : 0;
        return fmt("%s%s < %u", i->name, counter, len > least && below >= len ? len - 1 : below);
    }
    if (r < 60) { /* never v rounded to float against v itself: a branch on rounding (1000819) */
        Marks before;
        save_marks(&before);
        char *a = expr(depth > 0 ? depth - 1 : 0), *b = expr(depth > 0 ? depth - 1 : 0);
        if (strcmp(unrounded(a), unrounded(b)) != 0)
            return fmt("%s > %s", a, b);
        restore_marks(&before); /* a and b are dropped: what they read is not read (2000096) */
    }
    return fmt("%s %s %s%s", expr(depth > 0 ? depth - 1 : 0), chance(50) ? ">" : "<",
               chance(50) ? "-" : "", constant());
}

/* A call of H_EULER helper h on Y (in f) or on the caller's own u (an H_EULER helper's). */
static void call_euler(Helper *h) {
    h->calls++;
    if (writing_top)
        line("%s(%s, (%s < 4 ? %s : 4), %s, %s);", h->name, stepper_ptr, fn_names[3], fn_names[3], fn_names[4], call_arg(1));
    else
        line("%s(%s, %s, %s, %s);", h->name, stepper_ptr, vars[0].name, vars[1].name, call_arg(1));
}

/* ---- statements --------------------------------------------------------------------------- */

typedef struct Ctx {
    int loops;        /* enclosing loops that break/continue may leave */
    bool checkpoint;  /* inside an ADC_CHECKPOINT loop: no break, continue or return */
    bool returns;     /* the function returns a double (early return allowed) */
    const char *label; /* a label ahead that a goto may jump to (NULL: none) */
    const struct GotoLoop *back; /* the goto loop whose label a goto may jump back to (NULL: none) */
    bool looped;      /* inside a loop that break and continue may not leave (a heap block's
                         statements: its free follows) */
    bool exit_at_end; /* the block is a do-while body that ends with an early exit, drawn while
                         its own variables are in scope: they hide outer ones (entry 130) */
} Ctx;

static int budget; /* statements left in the function being written */

static void block(Ctx c, int depth, int count);

/* Writes a loop's body: while the outermost loop is written, note_write records sources. */
static void loop_body(Ctx c, int depth, int count) {
    repeating++;
    block(c, depth, count);
    if (--repeating == 0)
        for (int i = 0; i < nvars; i++)
            vars[i].sources = NULL;
}

static char *lvalue(void) {
    static const Kind kinds[] = {V_DOUBLE, V_DOUBLE, V_FLOAT, V_ARRAY, V_ARRAY, V_STRUCT,
                                 V_STRUCTS, V_DEREF, V_ARRAY2};
    for (int tries = 0; tries < 8; tries++) {
        Var *v = random_var(or_rows(kinds[rnd(sizeof kinds / sizeof kinds[0])]), true);
        if (!v)
            continue;
        switch (v->kind) {
        case V_ARRAY: case V_ARRAY2: case V_ROWS: return fmt("%s[%s]", v->name, index_into(v));
        case V_STRUCT: return fmt("%s.%s", v->name, chance(50) ? "v" : "w");
        case V_STRUCTS: return fmt("%s[%s].%s", v->name, index_into(v), chance(50) ? "v" : "w");
        case V_DEREF: return fmt("*%s", v->name);
        default: return fmt("%s", v->name);
        }
    }
    return NULL;
}

static void stmt_assign(void) {
    char *lv = lvalue();
    if (!lv)
        return;
    switch (rnd(7)) {
    case 0: case 1: {
        char *e = expr(3);
        if (strcmp(e, lv) == 0) /* never x = x */
            line("%s = 0.5 * %s;", lv, lv);
        else
            line("%s = %s;", lv, bounded(e, lv));
        break;
    }
    case 2: line("%s += %s;", lv, bounded(expr(3), lv)); break;
    case 3: line("%s -= %s;", lv, bounded(expr(2), lv)); break;
    case 4: {
        char *e = expr(2);
        if (feeds(e, lv)) /* a factor growing with lv: doubly exponential in a loop (1001723) */
            e = fmt("(0.5 + 0.25 * tanh(%s))", e);
        line("%s *= %s;", lv, e);
        break;
    }
    case 5: {
        char *d = expr(2);
        line("%s /= (2.0 + %s * %s);", lv, d, d);
        break;
    }
    default: line("%s = 0.5 * %s + %s;", lv, lv, bounded(expr(2), lv)); break;
    }
}

static void stmt_decl_structs(void) {
    char *e1 = expr(2), *e2 = expr(2), *e3 = expr(2), *e4 = expr(2);
    struct_used = true;
    add_var(fresh_name("ps"), V_STRUCTS, "2");
    line("struct pt %s[2] = {{%s, %s, 0}, {%s, %s, 1}};", vars[nvars - 1].name, e1, e2, e3, e4);
}

/* A local array, struct or array of structs initialised by designators (the elements they
 * leave out are 0), from a rotating start; an element right after the one before it is
 * sometimes positional. The last element is always there: double w[] takes its length from it. */
static void stmt_decl_designated(void) {
    if (!on(F_STRUCTS) || chance(50)) {
        unsigned len = 2 + rnd(4), start = rnd(len);
        char *list = NULL;
        int last = -2;
        for (unsigned i = 0; i < len; i++) {
            int p = (int)((start + i) % len);
            if (p != (int)len - 1 && chance(40))
                continue;
            char *e = expr(2), *item = p == last + 1 && chance(50) ? e : fmt("[%d] = %s", p, e);
            list = list ? fmt("%s, %s", list, item) : item;
            last = p;
        }
        const char *w = fresh_name("w");
        add_var(w, V_ARRAY, fmt("%u", len));
        if (chance(30))
            line("double %s[] = {%s};", w, list);
        else
            line("double %s[%u] = {%s};", w, len, list);
    } else if (chance(50)) {
        char *fields = struct_fields(expr);
        add_var(fresh_name("p"), V_STRUCT, NULL);
        line("struct pt %s = {%s};", vars[nvars - 1].name, fields);
    } else {
        char *whole = struct_fields(expr), *member = expr(2);
        unsigned one = rnd(2);
        add_var(fresh_name("ps"), V_STRUCTS, "2");
        line("struct pt %s[2] = {[%u] = {%s}, [%u].%s = %s};", vars[nvars - 1].name, one, whole,
             1 - one, chance(50) ? "v" : "w", member);
    }
}

/* A const local with an active value: an array or a scalar. */
static void stmt_decl_const(void) {
    if (chance(50)) {
        unsigned len = 2 + rnd(3);
        char *init = expr_list(len, 2, expr);
        add_var(fresh_name("c"), V_ARRAY, fmt("%u", len))->readonly = true;
        line("const double %s[%u] = {%s};", vars[nvars - 1].name, len, init);
    } else {
        char *e = expr(3);
        add_var(fresh_name("cd"), V_DOUBLE, NULL)->readonly = true;
        line("const double %s = %s;", vars[nvars - 1].name, e);
    }
}

/* The name of a double about to be declared, one declared before (F_SHADOW), in a nested C
 * block only (the statics class rewrites declarations at the top; a heap block's statements
 * close no C scope): of a closed block (in scope no more: `double t` in two blocks in turn) or
 * of a double outside the block, a global or a local (not a parameter, nor the sink), which
 * the new one hides until the block closes (*hides: that variable's index + 1). NULL: a fresh
 * one. */
static const char *double_name(int *hides) {
    *hides = 0;
    if (!on(F_SHADOW) || !scope_braced || indent < 2 || !chance(30))
        return NULL;
    const char *cand[256];
    int idx[256], n = 0;
    if (chance(50)) {
        for (int i = 0; i < nclosed; i++)
            if (!var_named(closed[i]))
                cand[n++] = closed[i];
        return n ? cand[rnd((unsigned)n)] : NULL;
    }
    int fresh_global = -1; /* a global the function has not drawn yet: adc meets the local first */
    for (int i = 0; i < scope_first; i++)
        if (vars[i].kind == V_DOUBLE && !vars[i].hidden && (vars[i].global || i >= first_local) &&
            identifier(vars[i].name) && strcmp(vars[i].name, sink) != 0) {
            if (vars[i].global && !vars[i].drawn)
                fresh_global = n;
            idx[n] = i;
            cand[n++] = vars[i].name;
        }
    if (!n)
        return NULL;
    int k = fresh_global >= 0 && chance(80) ? fresh_global : (int)rnd((unsigned)n);
    vars[idx[k]].hidden = true;
    *hides = idx[k] + 1;
    return cand[k];
}

static bool stmt_decl_index(void);

static void stmt_decl(void) {
    unsigned r = rnd(100);
    if (on(F_GATHER) && chance(16) && stmt_decl_index())
        return;
    if (on(F_INITLIT) && chance(12))
        stmt_decl_designated();
    else if (on(F_CONSTLOCALS) && chance(10))
        stmt_decl_const();
    else if (r < 45 || (!on(F_ARRAYS) && !on(F_STRUCTS) && r < 80)) {
        int hides;
        const char *name = double_name(&hides);
        char *e = expr(3); /* with the hidden variable out of reach: the new one is in scope */
        add_var(name ? name : fresh_name("d"), V_DOUBLE, NULL)->hides = hides;
        line("double %s = %s;", vars[nvars - 1].name, e);
    } else if (r < 55 && on(F_FLOAT)) {
        char *e = expr(2);
        float_used = true;
        add_var(fresh_name("fl"), V_FLOAT, NULL);
        line("float %s = %s%s;", vars[nvars - 1].name, chance(50) ? "(float)" : "", e);
    } else if (r < 70 && on(F_ARRAYS)) {
        unsigned len = 2 + rnd(3);
        char *init = expr_list(len, 2, expr);
        add_var(fresh_name("buf"), V_ARRAY, fmt("%u", len));
        line("double %s[%u] = {%s};", vars[nvars - 1].name, len, init);
    } else if (r < 80 && on(F_STRUCTS)) {
        char *e1 = expr(2), *e2 = expr(2);
        struct_used = true;
        add_var(fresh_name("p"), V_STRUCT, NULL);
        line("struct pt %s = {%s, %s, %u};", vars[nvars - 1].name, e1, e2, rnd(3));
    } else if (r < 85 && on(F_STRUCTS)) {
        stmt_decl_structs();
    } else if (r < 90 && on(F_ARRAYS2D)) {
        char *init = fmt("{%s, %s, %s}, {%s, %s, %s}", expr(1), expr(1), expr(1), expr(1), expr(1), expr(1));
        add_var(fresh_name("mat"), V_ARRAY2, "2")->len2 = "3";
        line("double %s[2][3] = {%s};", vars[nvars - 1].name, init);
    } else if (r < 94 && on(F_TABLES)) {
        add_var(fresh_name("tab"), V_ARRAY, "3")->readonly = true;
        line("static const double %s[3] = {%s, -%s, %s};", vars[nvars - 1].name, constant(),
             constant(), constant());
    } else {
        static const char *const types[] = {"long", "unsigned", "unsigned long", "long long"};
        char *e = int_expr(2);
        add_var(fresh_name("c"), V_INT, NULL);
        line("%s %s = %s;", on(F_INTS) && chance(50) ? pick(types, 4) : "int", vars[nvars - 1].name, e);
    }
}

/* A pointer into an array at a computed offset (const if the array is), an array itself, or a
 * pointer to a double variable, updated through it at once. */
static void stmt_pointer(void) {
    Var *arr = random_var_of(V_ARRAY, false, true), *d = random_var_of(V_DOUBLE, true, true);
    Var *mat = random_var_of(V_ARRAY2, false, true);
    if (mat && chance(30)) { /* a row of a 2-D array: double *row = m[i] */
        const char *p = fresh_name("row");
        line("%sdouble *%s = %s[%s];", mat->readonly ? "const " : "", p, mat->name,
             index_below_of(mat->len, mat->grid));
        mat->read = true;
        Var *v = add_var(p, V_ARRAY, mat->len2);
        v->readonly = mat->readonly;
        line("%s += %s[%s - 1] * %s;", sink, p, v->len, constant());
    } else if (arr && (!d || chance(60))) {
        const char *off = fresh_name("o"), *p = fresh_name("ptr");
        line("int %s = (%s) %% %s;", off, int_expr(1), arr->len);
        line("%sdouble *%s = %s + %s;", arr->readonly ? "const " : "", p, arr->name, off);
        arr->read = true;
        add_var(off, V_INT, NULL)->readonly = true;
        Var *v = add_var(p, V_ARRAY, fmt("(%s - %s)", arr->len, off));
        v->readonly = arr->readonly;
        line("%s += %s[%s - 1] * %s;", sink, p, v->len, constant());
    } else if (d) {
        const char *p = fresh_name("pd");
        line("double *%s = &%s;", p, d->name);
        line("*%s = 0.5 * *%s + %s;", p, p, expr(2));
        add_var(p, V_DEREF, NULL);
    }
}

/* A pointer walking an array to its end, by 1 or 2 elements; by 2 it stops before the last
 * element, so that it never steps past the end (seed 961087: q += 2 over 3 elements made
 * q = a + 4, undefined behaviour). */
static void stmt_pointer_walk(void) {
    Var *arr = random_var_of(V_ARRAY, false, true);
    if (!arr)
        return;
    const char *q = fresh_name("q");
    arr->read = true;
    const char *term = expr(1);
    unsigned step = 1 + rnd(2);
    line("const double *%s = %s;", q, arr->name);
    line("while (%s < %s + %s%s) {", q, arr->name, arr->len, step == 2 ? " - 1" : ""); /* adc: no active update in a for header */
    line("    %s += *%s * %s;", sink, q, term);
    line("    %s += %u;", q, step);
    line("}");
}

/* frexp and modf with their second results (jumps at powers of 2 and at integers). frexp's
 * argument stays 0.25 or more away from 0: near 0 its derivative 2^-e is unbounded, and
 * `x = -r - c; r += frexp(x)` in a loop makes the next x a rounding error (2.8e-17, where the
 * dot-product test compared values of order 1e16 that cancel: seed 930113, README 133). */
static void stmt_split(void) {
    bool exponent = chance(50);
    const char *d = fresh_name("d"), *part = fresh_name(exponent ? "ex" : "ip");
    if (exponent) {
        line("int %s = 0;", part);
        line("double %s = frexp(%s(1.75 + 1.5 * tanh(%s)), &%s);", d, chance(50) ? "-" : "", expr(2), part);
        line("%s += 0.125 * %s;", d, part);
    } else {
        line("double %s = 0.0;", part);
        line("double %s = modf(%s, &%s);", d, expr(2), part);
        add_var(part, V_DOUBLE, NULL);
    }
    add_var(d, V_DOUBLE, NULL);
}

/* Two assignments in one statement by the comma operator (the second may read the first). */
static void stmt_comma(void) {
    char *first = lvalue(), *second = lvalue(); /* NULL only when nothing is writable */
    if (!first || !second)
        return;
    char *value = expr(2); /* every expression drawn is written: what it reads counts as read */
    if (strcmp(first, value) == 0) /* never x = x */
        value = fmt("0.5 * %s", first);
    line("%s = %s, %s += %s;", first, value, second, bounded(expr(2), second));
}

/* Double buffering through a table of two pointers, the table swapped after the sweeps. */
static void stmt_pointer_table(void) {
    unsigned len = 2 + rnd(3), sweeps = 1 + rnd(3);
    const char *u = fresh_name("u"), *unew = fresh_name("unew"), *bufs = fresh_name("bufs");
    const char *k = fresh_name("k"), *i = fresh_name("i"), *cur = fresh_name("cur");
    const char *next = fresh_name("next"), *tmp = fresh_name("tmp"), *front = fresh_name("front");
    const char *back = fresh_name("back");
    char *init = expr(1), *mix = expr(1);
    for (unsigned e = 1; e < len; e++)
        init = fmt("%s, %s", init, expr(1));
    line("double %s[%u] = {%s}, %s[%u] = {0.0};", u, len, init, unew, len);
    line("double *%s[2] = {%s, %s};", bufs, u, unew);
    line("for (int %s = 0; %s < %u; %s++) {", k, k, sweeps, k);
    line("    const double *%s = %s[%s %% 2];", cur, bufs, k);
    line("    double *%s = %s[(%s + 1) %% 2];", next, bufs, k);
    line("    for (int %s = 0; %s < %u; %s++)", i, i, len, i);
    line("        %s[%s] = 0.5 * %s[%s] + tanh(%s) * %s[(%s + 1) %% %u];", next, i, cur, i, mix, cur, i, len);
    line("}");
    /* adc follows a table never written: the swap is of pointer variables */
    line("double *%s = %s[0], *%s = %s[1];", front, bufs, back, bufs);
    if (chance(50)) {
        line("double *%s = %s;", tmp, front);
        line("%s = %s;", front, back);
        line("%s = %s;", back, tmp);
    }
    char *term = fmt("%s[%u] * %s[0] + %s[1][%u] * %s[%u]", front, rnd(len), back, bufs, rnd(len), u, rnd(len));
    line("%s += %s;", sink, feeds(init, sink) || feeds(mix, sink) ? fmt("tanh(%s)", term) : term); /* entry 90 */
    add_var(u, V_ARRAY, fmt("%u", len))->read = true;
}

/* Double buffering through a local grid struct (issue 15): two heap blocks held in its members,
 * swapped through them after each sweep (directly or through a pointer to the struct), read and
 * freed in the block. */
static void stmt_struct_swap(void) {
    unsigned len = 2 + rnd(3), sweeps = 1 + rnd(3);
    const char *g = fresh_name("grid"), *k = fresh_name("k"), *i = fresh_name("i"), *tmp = fresh_name("tmp");
    const char *gp = fresh_name("gp");
    char *mix = expr(1), *first = expr(1);
    grid_used = true;
    line("{");
    indent++;
    line("struct grid %s = {%u, 0, 0};", g, len);
    const char *m = chance(50) ? fmt("%s.", g) : fmt("%s->", gp); /* how the sweeps reach the members */
    if (m[strlen(m) - 1] == '>')
        line("struct grid *%s = &%s;", gp, g);
    line("%su = malloc(%u * sizeof(double));", m, len);
    line("%sunew = calloc(%u, sizeof(double));", m, len);
    line("for (int %s = 0; %s < %u; %s++)", i, i, len, i);
    line("    %su[%s] = %s * (%s + 1);", m, i, first, i);
    line("for (int %s = 0; %s < %u; %s++) {", k, k, sweeps, k);
    line("    for (int %s = 0; %s < %u; %s++)", i, i, len, i);
    line("        %sunew[%s] = 0.5 * %su[%s] + tanh(%s) * %su[(%s + 1) %% %u];", m, i, m, i, mix, m, i, len);
    line("    double *%s = %su;", tmp, m);
    line("    %su = %sunew;", m, m);
    line("    %sunew = %s;", m, tmp);
    line("}");
    char *term = fmt("%su[%u] * %sunew[%u]", m, rnd(len), m, rnd(len));
    line("%s += %s;", sink, feeds(first, sink) || feeds(mix, sink) ? fmt("tanh(%s)", term) : term); /* entry 90 */
    line("free(%su);", m);
    line("free(%sunew);", m);
    indent--;
    line("}");
}

/* A counter the loop body may use as an index (bounded by upto) or nowhere. */
static Var *loop_index(const char *upto) {
    Var *k = add_var(fresh_name("k"), V_INT, NULL);
    k->readonly = true;
    k->read = true;
    k->upto = upto;
    return k;
}

static void stmt_for(Ctx c, int depth) {
    Var *arr = random_var(or_rows(V_ARRAY), false);
    if (!arr)
        arr = random_var(V_ARRAY, false);
    const char *len = arr && chance(70) ? arr->kind == V_ROWS && chance(50) ? arr->len2 : arr->len
                                        : fmt("%u", 1 + rnd(4));
    Var *outer = random_var(V_INT, false);
    int scope = nvars;
    const char *k = loop_index(len)->name, *type = on(F_INTS) && chance(30) ? "long" : "int";
    if (on(F_COMMA) && chance(25)) { /* a second index running down: j = len - 1 - k */
        Var *j = loop_index(len);
        j->read = false;
        line("for (%s %s = 0, %s = %s - 1; %s < %s; %s++, %s--) {", type, k, j->name, len, k, len, k, j->name);
    } else switch (rnd(6)) {
    case 0: line("for (%s %s = %s - 1; %s >= 0; %s--) {", type, k, len, k, k); break;
    case 1: line("for (%s %s = 0; %s < %s; %s += 2) {", type, k, k, len, k); break;
    case 2:
        if (outer && outer->upto && strcmp(outer->upto, len) == 0) {
            outer->read = true;
            line("for (%s %s = %s; %s < %s; %s++) {", type, k, outer->name, k, len, k);
            break;
        }
        /* fall through */
    case 3: line("for (%s %s = 1; %s < %s; %s++) {", type, k, k, len, k); break;
    default: line("for (%s %s = 0; %s < %s; %s++) {", type, k, k, len, k); break;
    }
    indent++;
    c.loops++;
    loop_body(c, depth + 1, 1 + (int)rnd(4));
    close_scope(scope);
    indent--;
    line("}");
    nvars = scope;
}

static void stmt_checkpoint(Ctx c, int depth) {
    const char *len = chance(50) ? top_n : chance(50) ? "2" : "3";
    int scope = nvars;
    const char *k = loop_index(len)->name;
    line("ADC_CHECKPOINT(%u)", 1 + rnd(3));
    checkpoint_used = true;
    line("for (int %s = 0; %s < %s; %s++) {", k, k, len, k);
    indent++;
    c.checkpoint = true;
    c.loops = 0;
    checkpointing++;
    loop_body(c, depth + 1, 1 + (int)rnd(3));
    checkpointing--;
    indent--;
    line("}");
    nvars = scope;
}

static void stmt_while(Ctx c, int depth) {
    const char *steps = fresh_name("w");
    bool do_loop = chance(30);
    line("int %s = 0;", steps);
    char *guard = fmt("%s < %u", steps, 1 + rnd(4));
    if (chance(60))
        guard = fmt("%s && %s", guard, cond(1));
    line(do_loop ? "do {" : "while (%s) {", guard);
    indent++;
    int scope = nvars;
    line("%s++;", steps);
    Var *k = add_var(steps, V_INT, NULL);
    k->readonly = true;
    k->read = true;
    c.loops++;
    c.exit_at_end = do_loop && on(F_JUMPS) && on(F_BRANCH) && !c.checkpoint && chance(50);
    loop_body(c, depth + 1, 1 + (int)rnd(3));
    indent--;
    nvars = scope;
    if (do_loop)
        line("} while (%s);", guard);
    else
        line("}");
}

static void stmt_if(Ctx c, int depth) {
    line("if (%s) {", cond(2));
    int arms = chance(30) ? 2 + (int)rnd(2) : 1;
    for (int arm = 0; arm < arms; arm++) {
        indent++;
        block(c, depth + 1, 1 + (int)rnd(3));
        indent--;
        if (arm + 1 < arms)
            line("} else if (%s) {", cond(2));
    }
    if (chance(50)) {
        line("} else {");
        indent++;
        block(c, depth + 1, 1 + (int)rnd(2));
        indent--;
    }
    line("}");
}

static int no_goto; /* writing a switch arm that falls through: no goto in it */

/* A loop written with a backward goto: its label, and the counter bounding its trips. */
typedef struct GotoLoop {
    const char *label, *trips;
    unsigned most;
} GotoLoop;

static void goto_back(const GotoLoop *back) {
    line("if (%s < %u && %s) {", back->trips, back->most, cond(1));
    line("    %s++;", back->trips);
    line("    goto %s;", back->label);
    line("}");
}

static void stmt_jump(Ctx c) {
    if (c.checkpoint)
        return;
    if (c.back && !no_goto && chance(30))
        goto_back(c.back);
    else if (c.label && !no_goto && chance(40))
        line("if (%s) goto %s;", cond(1), c.label);
    else if (c.loops > 0 && chance(70))
        line("if (%s) %s;", cond(1), chance(50) ? "break" : "continue");
    else if (c.returns)
        line("if (%s) return %s;", cond(1), expr(2));
}

/* The array an H_PAIR call writes: a writable global now and then (the helper reads it by its
 * name too, and writes none: adc refuses a global given to a callee that writes it by name). */
static Var *pair_target(void) {
    for (int i = 0; i < nvars; i++)
        if (vars[i].global && vars[i].kind == V_ARRAY && !vars[i].readonly && chance(30))
            return &vars[i];
    return random_var_of(V_ARRAY, true, true);
}

/* A call of H_PAIR helper h whose arrays overlap: h(len, a, a, e), h(len - 1, a + 1, a, e) (or
 * a and a + 1), or after double *p = a + o, h(len - o, p, a, e) (or a and p); or of two arrays,
 * the shorter length (a pointer made from a writable global is refused: none is). */
static void pair_call(Helper *h) {
    Var *a = pair_target(), *b = chance(25) ? random_var_of(V_ARRAY, false, true) : NULL;
    if (!a)
        return;
    h->calls++;
    a->read = true;
    char *s = call_arg(2);
    if (b) {
        b->read = true;
        char *len = strcmp(a->len, b->len) == 0 ? fmt("%s", a->len)
                                                : fmt("%s < %s ? %s : %s", a->len, b->len, a->len, b->len);
        line("%s(%s, %s, %s, %s);", h->name, len, a->name, b->name, s);
        return;
    }
    bool out_first = chance(50);
    switch (a->global ? 0 : rnd(3)) {
    case 0: line("%s(%s, %s, %s, %s);", h->name, a->len, a->name, a->name, s); break;
    case 1:
        line("if (%s > 1)", a->len);
        line("    %s(%s - 1, %s%s, %s%s, %s);", h->name, a->len, a->name, out_first ? " + 1" : "", a->name,
             out_first ? "" : " + 1", s);
        break;
    default: {
        const char *o = fresh_name("o"), *p = fresh_name("p");
        line("int %s = (%s) %% %s;", o, int_expr(1), a->len);
        line("double *%s = %s + %s;", p, a->name, o);
        line("%s(%s - %s, %s, %s, %s);", h->name, a->len, o, out_first ? p : a->name,
             out_first ? a->name : p, s);
    }
    }
}

/* h(rows, row length, mat, e): a row matrix handed whole to a helper taking double **. */
static void call_rows_helper(Helper *h, Var *mat, const char *e) {
    h->calls++;
    mat->read = true;
    line("%s(%s, %s, %s, %s);", h->name, mat->len, mat->len2, mat->name, e);
}

/* A callable helper taking one double * that a row may be given to, or NULL: with writable
 * globals only one that returns nothing (else the call is in an expression). */
static Helper *row_helper(void) {
    Helper *cand[sizeof helpers / sizeof helpers[0]];
    int n = 0;
    for (int h = 0; h < callable; h++)
        if (helpers[h].kind == H_INPLACE || (helpers[h].kind == H_REDUCE && !writable_globals()))
            cand[n++] = &helpers[h];
    return n ? cand[rnd((unsigned)n)] : NULL;
}

/* h(len, row, e); or sink += h(len, row, e). */
static void call_row_helper(Helper *h, const char *row, const char *len) {
    h->calls++;
    char *call = fmt("%s(%s, %s, %s)", h->name, len, row, call_arg(2));
    if (h->kind == H_INPLACE)
        line("%s;", call);
    else
        line("%s += %s;", sink, bounded(call, sink));
}

/* An index below len that the block it is read in does not change: a loop index bounded by
 * len (only its loop's header changes it), len - 1 or 0. */
static char *stable_index(const char *len) {
    Var *idx = random_var(V_INT, false);
    if (idx && idx->upto && strcmp(idx->upto, len) == 0 && chance(70)) {
        idx->read = true;
        return fmt("%s", idx->name);
    }
    return chance(50) ? fmt("%s - 1", len) : fmt("0");
}

/* A row of a row matrix read into a pointer where it is declared, double *ai = a[i] (only of
 * a parameter: adc refuses it on a matrix the function allocates), sometimes given to a helper
 * then; or a row a[i] given to a helper. */
static void stmt_rows(void) {
    Var *mat = random_var(V_ROWS, true);
    Helper *h = mat ? row_helper() : NULL; /* drawn first: a row drawn for no helper would keep its
                                              read marks (entry 58) */
    if (h && (mat->allocated || chance(50))) {
        mat->read = true;
        call_row_helper(h, fmt("%s[%s]", mat->name, index_below(mat->len)), mat->len2);
    } else if (mat && !mat->allocated) {
        const char *row = fresh_name("row");
        mat->read = true;
        line("double *%s = %s[%s];", row, mat->name, stable_index(mat->len));
        add_var(row, V_ARRAY, mat->len2)->no_alias = true;
        if (h && chance(40))
            call_row_helper(h, row, mat->len2);
    } else
        stmt_assign();
}

/* ---- class fixedout: BA's project ---- */

/* The last writes of an H_FIXED helper's array p (q its double, sink its local), in order or
 * reversed: p[c] = p[c] * coef + term, or p[c] / (1.0 + term * term), the first term the sink
 * (its only reads may be there: clang's -Wunused-but-set-variable, entry 128); sometimes one reads
 * another element (after that element's last write, or before it), and sometimes an element
 * is written again under an if, after them all. */
static void fixed_last_writes(int len, const char *p, const char *q) {
    bool reversed = chance(30);
    int other = chance(20) ? (int)rnd((unsigned)len) : -1;
    for (int i = 0; i < len; i++) {
        int c = reversed ? len - 1 - i : i;
        static const char *coefs[] = {"(1.0 + 0.25 * tanh(%s))", "%s", "0.5"};
        const char *coef = other >= 0 && other != c && chance(50) ? fmt("%s[%d]", p, other)
                                                                  : fmt(coefs[rnd(3)], chance(50) ? sink : q);
        const char *term = i == 0 || chance(50) ? sink : fmt("0.1 * %s", q);
        if (chance(15))
            line("%s[%d] = %s[%d] / (1.0 + %s * %s);", p, c, p, c, term, term);
        else
            line("%s[%d] = %s[%d] * %s %s %s;", p, c, p, c, coef, chance(50) ? "+" : "-", term);
    }
    if (chance(15)) {
        line("if (%s > 0.0)", sink);
        indent++;
        line("%s[%u] = %s[%u] * 0.5 + %s;", p, rnd((unsigned)len), p, rnd((unsigned)len), q);
        indent--;
    }
}

/* double t[len] = {e, ...}; h(e, t); and its elements into the sink: a whole local array the
 * caller keeps (kept.c), which later statements read and rewrite. */
static void call_fixed(Helper *h) {
    const char *t = fresh_name("t");
    line("double %s[%d] = {%s};", t, h->fixed_len, expr_list((unsigned)h->fixed_len, 1, expr));
    h->calls++;
    line("%s(%s, %s);", h->name, call_arg(2), t);
    line("%s += %s;", sink, bounded(fmt("%s[0] - 0.5 * %s[%d]", t, t, h->fixed_len - 1), sink));
    add_var(t, V_ARRAY, fmt("%d", h->fixed_len))->read = true;
}

static void stmt_call(void) {
    Helper *h = &helpers[rnd((unsigned)callable)];
    if (h->kind == H_SYS) {
        if (!sys_ptr || sys_ptr_const)
            return;
        h->calls++;
        line("%s(%s, %s);", h->name, sys_ptr, call_arg(2));
    } else if (h->kind == H_INPLACE) {
        Var *arr = random_var_of(V_ARRAY, true, true);
        if (!arr)
            return;
        h->calls++;
        line("%s(%s, %s, %s);", h->name, arr->len, arr->name, call_arg(2));
    } else if (h->kind == H_PAIR) {
        pair_call(h);
    } else if (h->kind == H_FIXED) {
        call_fixed(h);
    } else if (h->kind == H_EULER) {
        if (stepper_ptr)
            call_euler(h);
    } else if (h->kind == H_RECURA) { /* it writes the array: a statement of its own */
        Var *arr = random_var_of(V_ARRAY, true, true);
        if (!arr)
            return;
        h->calls++;
        const char *t = fresh_name("t");
        line("double %s = %s(%s, %s, %s, %s);", t, h->name, depth_arg(), call_arg(2), arr->len, arr->name);
        add_var(t, V_DOUBLE, NULL)->read = true;
        line("%s += %s;", sink, bounded(fmt("tanh(%s)", t), sink));
    } else if (h->kind == H_ROWS) {
        Var *mat = random_var_of(V_ROWS, true, true);
        if (!mat)
            return;
        call_rows_helper(h, mat, call_arg(2));
    } else if (h->kind == H_OUT) {
        Var *v = random_var_of(V_DOUBLE, true, true);
        Var *arr = random_var_of(V_ARRAY, true, true);
        if (!v && !arr)
            return;
        h->calls++;
        char *target = v && (!arr || chance(50)) ? fmt("&%s", v->name)
                                                 : fmt("&%s[%s]", arr->name, index_into(arr));
        line("%s(%s, %s);", h->name, call_arg(2), target);
    } else if (writable_globals()) {
        call_statement = true;
        char *call = helper_call(3);
        call_statement = false;
        if (!call)
            return;
        const char *t = fresh_name("t");
        add_var(t, V_DOUBLE, NULL)->read = true;
        line("double %s = %s;", t, call);
        line("%s += %s;", sink, bounded(fmt("%s", t), sink));
    } else {
        line("%s += %s;", sink, bounded(expr(3), sink));
    }
}

/* ---- index arrays (F_GATHER) ------------------------------------------------------------------ */

/* An index array in scope whose entries index arrays of length len, or NULL. */
static Var *index_array_for(const char *len) {
    Var *cand[256];
    int n = 0;
    for (int i = 0; i < nvars; i++)
        if (vars[i].kind == V_IARRAY && !vars[i].hidden && strcmp(vars[i].upto, len) == 0)
            cand[n++] = &vars[i];
    return n ? cand[rnd((unsigned)n)] : NULL;
}

/* The array length len as a number (0: not a literal). */
static unsigned literal_len(const char *len) {
    char *end;
    unsigned long n = strtoul(len, &end, 10);
    return *end == '\0' && n < 1000 ? (unsigned)n : 0;
}

/* "e0, e1, ...": count entries below len, drawn as they fall (they repeat). */
static char *index_list(unsigned count, unsigned len) {
    char *list = fmt("%u", rnd(len));
    for (unsigned i = 1; i < count; i++)
        list = fmt("%s, %u", list, rnd(len));
    return list;
}

/* int ix[L] indexing the arrays of t's length: a literal list whose entries repeat as they
 * fall (static const now and then when table_ok, a connectivity table), or filled by a loop
 * (c * k + e) % len (repeats when c shares a factor with len). */
static Var *decl_index_for(const Var *t, bool table_ok) {
    unsigned count = 2 + rnd(5), len = literal_len(t->len);
    const char *name = fresh_name("ix");
    bool table = false;
    if (len && chance(60)) {
        char *list = index_list(count, len);
        table = table_ok && chance(30);
        line("%sint %s[%u] = {%s};", table ? "static const " : "", name, count, list);
    } else {
        const char *k = fresh_name("k");
        line("int %s[%u];", name, count);
        line("for (int %s = 0; %s < %u; %s++)", k, k, count, k);
        line("    %s[%s] = (%u * %s + %s) %% (%s);", name, k, 1 + rnd(3), k, int_expr(1), t->len);
    }
    Var *ix = add_var(name, V_IARRAY, fmt("%u", count));
    ix->upto = t->len;
    ix->readonly = table;
    return ix;
}

/* An index array for an array in scope. False: none in scope. */
static bool stmt_decl_index(void) {
    Var *t = random_var(V_ARRAY, false);
    return t && decl_index_for(t, true);
}

/* An index array's entry moved on, or two entries swapped (a permutation at work): the
 * arrays it indexes are read and written elsewhere before and after. False: none in scope. */
static bool stmt_index_update(void) {
    Var *ix = random_var(V_IARRAY, true);
    if (!ix)
        return false;
    ix->read = true;
    char *a = index_below(ix->len);
    if (chance(50)) {
        line("%s[%s] = (%s[%s] + %s) %% (%s);", ix->name, a, ix->name, a, int_expr(1), ix->upto);
        return true;
    }
    const char *t = fresh_name("it");
    char *b = index_below(ix->len);
    line("{ int %s = %s[%s]; %s[%s] = %s[%s]; %s[%s] = %s; }", t, ix->name, a, ix->name, a, ix->name, b,
         ix->name, b, t);
    return true;
}

/* A loop over an index array: a scatter (+= or = with the old value, repeated entries writing
 * one element twice), a gather into the sink, or the elements it names rotated. False: no
 * index array with an array to index in scope. */
static bool stmt_gather(void) {
    Var *ix = random_var(V_IARRAY, false);
    Var *dst = NULL;
    for (int tries = 0; ix && !dst && tries < 8; tries++) {
        Var *a = random_var(V_ARRAY, true);
        dst = a && strcmp(a->len, ix->upto) == 0 ? a : NULL;
    }
    if (!dst)
        return false;
    int scope = nvars;
    const char *k = fresh_name("k");
    line("for (int %s = 0; %s < %s; %s++) {", k, k, ix->len, k);
    indent++;
    Var *kv = add_var(k, V_INT, NULL);
    kv->readonly = kv->read = true;
    kv->upto = ix->len;
    ix->read = dst->read = true;
    char *at = fmt("%s[%s[%s]]", dst->name, ix->name, k);
    char *next = fmt("%s[%s[(%s + 1) %% %s]]", dst->name, ix->name, k, ix->len);
    switch (rnd(4)) {
    case 0: line("%s += %s;", at, bounded(expr(2), at)); break;
    case 1: line("%s = 0.5 * %s + %s;", at, at, bounded(expr(2), at)); break;
    case 2: line("%s += %s * %s;", sink, at, bounded(expr(1), sink)); break;
    default: {
        const char *t = fresh_name("t");
        line("double %s = %s;", t, at);
        line("%s = %s;", at, next);
        line("%s = %s;", next, t);
        break;
    }
    }
    close_scope(scope);
    indent--;
    line("}");
    return true;
}

static void stmt_int_update(void) {
    if (on(F_GATHER) && chance(25) && stmt_index_update())
        return;
    Var *v = random_var(V_INT, true);
    if (v && chance(50))
        line("%s += 1;", v->name);
    else if (v)
        line("%s = (%s + %s) %% 7;", v->name, v->name, int_expr(1));
    else
        stmt_assign();
}

/* A struct assigned a compound literal, or an element of an array literal. */
static void stmt_literal(void) {
    Var *p = on(F_STRUCTS) ? random_var(V_STRUCT, true) : NULL;
    if (p && chance(60)) {
        line("%s = (struct pt){%s};", p->name, struct_fields(expr));
        return;
    }
    char *lv = lvalue();
    if (!lv)
        return;
    unsigned len = 2 + rnd(3);
    char *list = expr_list(len, 2, expr);
    line("%s %s= ((%sdouble[]){%s})[%s];", lv, chance(50) ? "+" : "", chance(50) ? "const " : "",
         list, index_below(fmt("%u", len)));
}

/* A char array from a string literal, inactive data whose length drives a loop. */
static void stmt_chars(Ctx c, int depth) {
    static const char *const words[] = {"ab", "abc", "xbz", "bb", "abcd", "b"};
    const char *word = pick(words, 6), *name = fresh_name("name");
    bool sized = chance(30);
    line(sized ? "char %s[8] = \"%s\";" : "char %s[] = \"%s\";", name, word);
    int scope = nvars;
    if (!c.checkpoint && chance(25)) { /* a pointer walking the characters (adc: a
                                           checkpointed loop writes through no pointer) */
        const char *cp = fresh_name("cp");
        line("for (const char *%s = %s; *%s; %s++) {", cp, name, cp, cp);
        line("    %s += (*%s == 'b') * %s;", sink, cp, bounded(expr(2), sink));
    } else {
        const char *k = loop_index(fmt("%u", (unsigned)strlen(word)))->name;
        if (sized || chance(50))
            line("for (int %s = 0; %s[%s] != '\\0'; %s++) {", k, name, k, k);
        else
            line("for (int %s = 0; %s < (int)sizeof %s - 1; %s++) {", k, k, name, k);
        line("    %s += (%s[%s] == 'b' ? %s : %s);", sink, name, k, bounded(expr(2), sink), bounded(expr(1), sink));
    }
    indent++;
    c.loops++;
    loop_body(c, depth + 1, (int)rnd(3));
    indent--;
    line("}");
    nvars = scope;
}

/* A switch over a small non-negative selector: stacked labels, arms that fall through into
 * the next (gcc's -Wimplicit-fallthrough takes the comment), default anywhere, values no
 * label names. Each arm's statements are in braces (adc refuses a declaration under a label). */
static void stmt_switch(Ctx c, int depth) {
    unsigned arms = 2 + rnd(2), values = 2 * arms + 1, v = rnd(2);
    Var *k = random_var(V_INT, false);
    char *sel;
    bool variable = k && chance(50);
    if (variable) {
        k->read = true;
        sel = fmt("%s %% %u", k->name, values);
    } else if (chance(40))
        sel = fmt("((%s > %s) + %s) %% %u", expr(1), constant(), int_expr(1), values);
    else
        sel = fmt("(%s) %% %u", int_expr(2), values);
    line("switch (%s) {", sel);
    /* a selector that may be constant gets a default first: clang warns of a constant no case
     * matches (seeds 1100147, 1100179) */
    int with_default = !variable ? 0 : chance(60) ? (int)rnd(arms) : -1;
    for (unsigned arm = 0; arm < arms; arm++) {
        char *labels = fmt("%s", (int)arm == with_default ? "default:" : "");
        for (unsigned n = chance(30) ? 2 : 1; n > 0 && v < values; n--, v++)
            labels = fmt("%s%scase %u:", labels, *labels ? " " : "", v);
        if (!*labels)
            break; /* no value left for it */
        v += chance(25); /* a value no label names */
        bool falls = arm + 1 < arms && chance(30);
        line("%s {", labels);
        indent++;
        no_goto += falls; /* gcc -O2 takes a goto in an arm that falls through for an unmarked
                             fall-through (-Wimplicit-fallthrough, seed 202) */
        block(c, depth + 1, 1 + (int)rnd(2));
        no_goto -= falls;
        indent--;
        line("}");
        if (falls)
            line("    /* fall through */");
        else if (arm + 1 < arms || chance(50))
            line("    break;");
    }
    line("}");
}

/* A loop written with a backward goto, as f2c writes DO and IF-GOTO loops: a counter
 * bounds the trips; the body, in braces, may jump back from its ifs and loops (stmt_jump)
 * but takes no break or continue (adc refuses those of an outer loop in it). */
static void stmt_goto_loop(Ctx c, int depth) {
    GotoLoop back = {fresh_name("again"), fresh_name("g"), 1 + rnd(3)};
    line("int %s = 0;", back.trips);
    line("%s: {", back.label);
    indent++;
    int scope = nvars;
    Var *k = add_var(back.trips, V_INT, NULL);
    k->readonly = true;
    k->read = true;
    c.loops = 0;
    c.back = &back;
    loop_body(c, depth + 1, 1 + (int)rnd(3));
    indent--;
    nvars = scope;
    line("}");
    goto_back(&back);
}

/* A forward goto: past a block (its declarations in braces: adc refuses a jump over a
 * declaration used after the label), or out of a loop nest, whose jumps may take it too. */
static void stmt_goto(Ctx c, int depth) {
    const char *label = fresh_name("skip");
    line("if (%s) goto %s;", cond(1), label);
    c.label = label;
    if (on(F_LOOPS) && chance(50))
        stmt_for(c, depth);
    else {
        line("{");
        indent++;
        block(c, depth + 1, 1 + (int)rnd(3));
        indent--;
        line("}");
    }
    line("%s:;", label);
}

/* ---- heap blocks: allocation forms, blocks helpers return, realloc, pointers into blocks ---- */

/* What alloc_block tells of the block it made: its elements are set, a helper returned it, its
 * pointer was assigned twice (= NULL, then by posix_memalign: adc then refuses a pointer into
 * the block, as into one reallocated). */
enum { BLOCK_SET = 1, BLOCK_RETURNED = 2, BLOCK_REASSIGNED = 4 };

/* A readable array of length len that a helper may be given, or NULL. */
static Var *array_of_len(const char *len) {
    Var *cand[sizeof vars / sizeof vars[0]];
    int n = 0;
    for (int i = 0; i < nvars; i++) {
        Var *v = &vars[i];
        if (v->kind == V_ARRAY && strcmp(v->len, len) == 0 && !v->no_alias && !(v->global && !v->readonly))
            cand[n++] = v;
    }
    return n ? cand[rnd((unsigned)n)] : NULL;
}

/* A callable H_ALLOC helper that can make a block of len elements, or NULL; a copying one is
 * given an array of that length (*src). */
static Helper *alloc_helper(const char *len, Var **src) {
    Helper *cand[sizeof helpers / sizeof helpers[0]];
    Var *from[sizeof helpers / sizeof helpers[0]];
    int n = 0;
    for (int h = 0; h < callable; h++) {
        Var *a = helpers[h].kind != H_ALLOC || helpers[h].zeroed ? NULL : array_of_len(len);
        if (helpers[h].kind == H_ALLOC && (helpers[h].zeroed || a)) {
            cand[n] = &helpers[h];
            from[n++] = a;
        }
    }
    if (!n)
        return NULL;
    unsigned k = rnd((unsigned)n);
    *src = from[k];
    return cand[k];
}

/* double *p = h(len) or h(len, src, e): a block H_ALLOC helper h returns. */
static void call_alloc_helper(Helper *h, const char *p, const char *len, Var *src) {
    h->calls++;
    if (h->zeroed) {
        line("double *%s = %s(%s);", p, h->name, len);
        return;
    }
    src->read = true;
    line("double *%s = %s(%s, %s, %s);", p, h->name, len, src->name, call_arg(1));
}

/* Declares heap block p of len doubles: returned by a callable H_ALLOC helper (when
 * helper_ok), or by malloc, calloc, aligned_alloc (its size rounded up to the alignment, as C11
 * asks) or posix_memalign (a statement: adc refuses a block whose status is read). Returns
 * what it tells of the block (BLOCK_SET ...). */
static int alloc_block(const char *p, const char *len, bool helper_ok) {
    Var *src = NULL;
    Helper *h = helper_ok && chance(40) ? alloc_helper(len, &src) : NULL;
    heap_used = true;
    if (h) {
        call_alloc_helper(h, p, len, src);
        return BLOCK_SET | BLOCK_RETURNED;
    }
    switch (rnd(4)) {
    case 0: line("double *%s = malloc((size_t)%s * sizeof *%s);", p, len, p); return 0;
    case 1: line("double *%s = calloc((unsigned)%s, sizeof(double));", p, len); return BLOCK_SET;
    case 2:
        line("double *%s = aligned_alloc(16, (size_t)((%s) + 1) / 2 * 2 * sizeof(double));", p, len);
        return 0;
    default:
        line("double *%s = NULL;", p);
        line("posix_memalign((void **)&%s, 32, (size_t)%s * sizeof(double));", p, len);
        return BLOCK_REASSIGNED;
    }
}

/* The first statements of an H_ALLOC helper (vars[0] the length, for a copying one vars[1]
 * the array and vars[2] the scale): its block allocated and set (zeroed, or from the array);
 * returns the block's name. */
static const char *helper_block(const Helper *hp) {
    const char *q = vars[0].name, *b = fresh_name("blk"), *i = fresh_name("i");
    int how = alloc_block(b, q, false);
    if (hp->zeroed && !(how & BLOCK_SET) && chance(50))
        line("memset(%s, 0, (size_t)%s * sizeof(double));", b, q);
    else if (hp->zeroed && !(how & BLOCK_SET)) {
        line("for (int %s = 0; %s < %s; %s++)", i, i, q, i);
        line("    %s[%s] = 0.0;", b, i);
    } else if (!hp->zeroed) {
        vars[1].read = vars[2].read = true;
        line("for (int %s = 0; %s < %s; %s++)", i, i, q, i);
        line("    %s[%s] %s %s[%s] * %s + %s;", b, i, how & BLOCK_SET ? "+=" : "=", vars[1].name, i,
             vars[2].name, expr(1));
    }
    vars[0].read = true;
    Var *v = add_var(b, V_ARRAY, q);
    v->read = true; /* returned */
    v->no_alias = (how & BLOCK_REASSIGNED) != 0;
    return b;
}

/* for (i < len) p[i] op e + 0.25 * i: a block's elements set (op "=") or moved ("+="). */
static void fill_block(const char *p, const char *len, const char *i, const char *op) {
    line("for (int %s = 0; %s < %s; %s++)", i, i, len, i);
    line("    %s[%s] %s %s + 0.25 * %s;", p, i, op, expr(1), i);
}

/* A heap block (alloc_block) in f or a helper, set where it is not, sometimes grown by realloc
 * and its new elements set (not a block a helper returned: refused), split by a pointer to its
 * upper half (double *hi = w + (len) / 2), given to a helper whole or from its second element
 * (h(len - 1, w + 1, e)); random statements on it, then read and freed. A pointer variable into
 * the block only where adc follows one: the block allocated once, outside loops, and never
 * reallocated (else it is refused). The statements between neither return nor jump out. */
static void stmt_heap_block(Ctx c, int depth) {
    Var *src = random_var_of(V_ARRAY, false, true);
    const char *len = src && chance(60) ? src->len : writing_top && chance(50) ? top_n : fmt("%u", 1 + rnd(4));
    const char *w = fresh_name("blk"), *i = fresh_name("i");
    int scope = nvars, how = alloc_block(w, len, true);
    if (!(how & BLOCK_SET))
        fill_block(w, len, i, "=");
    bool grown = !(how & BLOCK_RETURNED) && chance(30);
    if (grown) {
        unsigned more = 1 + rnd(3);
        line("%s = realloc(%s, (size_t)(%s + %u) * sizeof *%s);", w, w, len, more, w);
        line("for (int %s = %s; %s < %s + %u; %s++)", i, len, i, len, more, i);
        line("    %s[%s] = %s * %s[%s - %s];", w, i, expr(1), w, i, len);
        len = fmt("(%s + %u)", len, more);
    }
    bool in_loop = c.loops > 0 || c.looped || repeating > 0;
    Var *b = add_var(w, V_ARRAY, len);
    b->no_alias = grown || in_loop || (how & BLOCK_REASSIGNED);
    if (!b->no_alias && chance(30)) {
        const char *hi = fresh_name("hi");
        line("double *%s = %s + (%s) / 2;", hi, w, len);
        add_var(hi, V_ARRAY, fmt("(%s - (%s) / 2)", len, len));
    }
    Helper *h = row_helper();
    if (h && chance(25))
        call_row_helper(h, w, len);
    else if (h && chance(35)) {
        line("if (%s > 1)", len);
        indent++;
        call_row_helper(h, fmt("%s + 1", w), fmt("%s - 1", len));
        indent--;
    }
    Ctx body = c;
    body.loops = 0;
    body.looped = in_loop;
    body.returns = false;
    body.label = NULL;
    body.back = NULL;
    block(body, depth + 1, 1 + (int)rnd(3));
    b->read = true;
    line("%s += tanh(%s[%s]) * %s;", sink, w, index_below(len), constant()); /* entry 86 */
    close_scope(scope);
    line("free(%s);", w);
}

/* Heap buffers swapped through a third pointer in a time loop (double buffering), a helper
 * given the swapped pointers; freed after the loop, so its body neither returns nor jumps out.
 * With heapx: allocated by any form of alloc_block, sometimes three time levels rotated (um, u,
 * unew: unew = 2 u - um + ..., as leapfrog codes do), sometimes swapped by SWAP(a, b), and
 * random statements after the loop on what the rotation left. */
static void stmt_swap(Ctx c, int depth) {
    const char *len = writing_top && chance(50) ? top_n : fmt("%u", 2 + rnd(4));
    const char *u = fresh_name("u"), *unew = fresh_name("unew"), *t = fresh_name("t");
    const char *i = fresh_name("i"), *step = fresh_name("step");
    bool three = on(F_HEAPX) && chance(50), macro = on(F_HEAPX) && chance(40);
    const char *um = three ? fresh_name("um") : NULL, *first = three ? um : u;
    heap_used = true;
    swap_macro_used |= macro;
    const char *op = "=";
    if (on(F_HEAPX)) {
        if (three && !(alloc_block(um, len, true) & BLOCK_SET))
            fill_block(um, len, i, "=");
        op = alloc_block(u, len, true) & BLOCK_SET ? "+=" : "=";
        alloc_block(unew, len, true);
    } else {
        line("double *%s = malloc((size_t)%s * sizeof(double));", u, len);
        line("double *%s = malloc((size_t)%s * sizeof *%s);", unew, len, unew);
    }
    fill_block(u, len, i, op);
    bool declared = !macro && chance(40);
    if (declared)
        line("double *%s = %s;", t, first);
    line("for (int %s = 0; %s < %u; %s++) {", step, step, 1 + rnd(3), step);
    indent++;
    line("for (int %s = 0; %s < %s; %s++)", i, i, len, i);
    if (three)
        line("    %s[%s] = 2.0 * %s[%s] - %s[%s] + 0.25 * (%s[(%s + 1) %% %s] - %s[%s]) * tanh(%s);", unew, i,
             u, i, um, i, u, i, len, u, i, expr(1));
    else
        line("    %s[%s] = 0.5 * %s[%s] + 0.25 * %s[(%s + 1) %% %s] * %s;", unew, i, u, i, u, i, len, expr(1));
    int scope = nvars;
    add_var(u, V_ARRAY, len)->no_alias = true;
    add_var(unew, V_ARRAY, len)->no_alias = true;
    if (three)
        add_var(um, V_ARRAY, len)->no_alias = true;
    for (int h = 0; h < callable; h++)
        if (helpers[h].kind == H_INPLACE && chance(50)) {
            helpers[h].calls++;
            line("%s(%s, %s, %s);", helpers[h].name, len, unew, call_arg(1));
        } else if (helpers[h].kind == H_REDUCE && !writable_globals() && chance(50)) {
            helpers[h].calls++;
            line("%s += %s(%s, %s, %s);", sink, helpers[h].name, len, u, call_arg(1));
        }
    Ctx body = c;
    body.loops++;
    body.returns = false;
    body.label = NULL;
    body.back = NULL;
    block(body, depth + 1, (int)rnd(3));
    nvars = scope;
    if (macro) {
        if (three)
            line("SWAP(%s, %s);", um, u);
        line("SWAP(%s, %s);", u, unew);
    } else {
        if (declared)
            line("%s = %s;", t, first);
        else
            line("double *%s = %s;", t, first);
        if (three)
            line("%s = %s;", um, u);
        line("%s = %s;", u, unew);
        line("%s = %s;", unew, t);
    }
    indent--;
    line("}");
    if (on(F_HEAPX)) { /* the state the rotation left, worked on as any arrays */
        add_var(u, V_ARRAY, len)->no_alias = true;
        add_var(unew, V_ARRAY, len)->no_alias = true;
        if (three)
            add_var(um, V_ARRAY, len)->no_alias = true;
        body.looped = c.loops > 0 || c.looped;
        body.loops = 0;
        block(body, depth + 1, (int)rnd(3));
        nvars = scope;
    }
    if (on(F_HEAPX)) /* squashed: a trip of an enclosing loop may fill u from the sink (entry 86) */
        line("%s += tanh(%s[%s]) * %s + tanh(%s[0]);", sink, u, index_below(len), constant(), unew);
    else
        line("%s += %s[%s] * %s + %s[0];", sink, u, index_below(len), constant(), unew);
    if (three)
        line("free(%s);", um);
    line("free(%s);", u);
    line("free(%s);", unew);
}

/* A plain double local whose address the function has not taken (nothing aliases it), or NULL. */
static Var *unaliased_double(void) {
    Var *v = random_var(V_DOUBLE, true);
    return v && !v->global && !reads_root(out->s, fmt("&%s", v->name)) ? v : NULL;
}

/* x = y = e; and t = c * (u += e); with x and y, t and u apart (else two unsequenced writes). */
static void stmt_assign_in_expr(void) {
    Marks marks;
    save_marks(&marks);
    Var *u = chance(50) ? unaliased_double() : NULL;
    char *first = lvalue(), *second = u ? fmt("%s", u->name) : lvalue();
    if (!first || !second || *first == '*' || *second == '*' || reads_root(first, second)) {
        restore_marks(&marks);
        return;
    }
    if (!u) {
        char *e = expr(3);
        line("%s = %s = %s;", first, second, feeds(e, first) || feeds(e, second) ? fmt("tanh(%s)", e) : e);
        return;
    }
    u->read = true;
    const char *op = pick((const char *const[]){"+=", "-=", "*="}, 3);
    char *e = expr(2);
    e = *op == '*' ? fmt("(0.5 + 0.25 * tanh(%s))", e) : bounded(e, second);
    char *term = fmt("%s * (%s %s %s)", constant(), second, op, e);
    line("%s %s %s;", first, chance(50) ? "=" : "+=", bounded(term, first));
}

/* int k = 0; a[k++] = e; ... (straight or in a loop): an array filled through a counter. */
static void stmt_fill(void) {
    Var *a = random_var(V_ARRAY, true);
    if (!a || strspn(a->len, "0123456789") != strlen(a->len)) {
        stmt_assign_in_expr();
        return;
    }
    unsigned count = 1 + rnd((unsigned)atoi(a->len)); /* a write: a stays unread (seed 3600108) */
    const char *k = fresh_name("k");
    line("int %s = 0;", k);
    if (chance(50)) {
        for (unsigned i = 0; i < count; i++)
            line("%s[%s++] = %s;", a->name, k, bounded(expr(2), a->name));
    } else {
        int scope = nvars;
        const char *i = loop_index(a->len)->name;
        line("for (int %s = 0; %s < %u; %s++)", i, i, count, i);
        line("    %s[%s++] = %s;", a->name, k, bounded(expr(2), a->name));
        nvars = scope;
    }
    add_var(k, V_INT, NULL)->readonly = true;
}

/* while (n--) { ... }: a loop counting down in its condition; n lives in the loop only (it ends
 * at -1, or wrapped round when unsigned). */
static void stmt_countdown(Ctx c, int depth) {
    Var *a = random_var(V_ARRAY, false);
    bool fits = a && strspn(a->len, "0123456789") == strlen(a->len);
    const char *count = fits ? a->len : fmt("%u", 1 + rnd(3));
    const char *type = on(F_INTS) && chance(40) ? pick((const char *const[]){"unsigned", "size_t"}, 2) : "int";
    libc_used |= strcmp(type, "size_t") == 0;
    int scope = nvars;
    Var *n = add_var(fresh_name("n"), V_INT, NULL);
    n->readonly = true;
    n->read = true;
    n->upto = count;
    line("%s %s = %s;", type, n->name, count);
    line(chance(60) ? "while (%s--) {" : "while (%s-- > 0) {", n->name);
    indent++;
    c.loops++;
    loop_body(c, depth + 1, 1 + (int)rnd(3));
    indent--;
    line("}");
    nvars = scope;
}

static void stmt_sidefx(Ctx c, int depth) {
    switch (rnd(4)) {
    case 0: stmt_fill(); break;
    case 1: if (depth < 3) { stmt_countdown(c, depth); break; } /* fall through */
    default: stmt_assign_in_expr(); break;
    }
}

/* ---- structwalk: pointers walking local arrays of struct pt --------------------------------- */

static const char *walk_helper;  /* f's helper taking (struct pt *p, int q, ...) (NULL: none) */
static bool walk_helper_returns; /* it returns a double (else it takes a double s, returns nothing) */
static int walk_helper_calls;
static void begin_function(void);

/* An in-place update of the members of the element pp points to: one that reads the active
 * value e when given (a helper's parameter must be read), else one that may draw an expression.
 * Bounded, so that a loop around it neither overflows nor flattens (fresh: the array was just
 * initialised, a product is bounded too). Expressions are drawn only when written: what they
 * read counts as read. */
static char *member_update(const char *pp, const char *e, bool fresh) {
    switch (rnd(e ? 2 : fresh ? 5 : 4)) {
    case 0: return fmt("%s->v = 0.5 * %s->v + 0.25 * tanh(%s->w + %s);", pp, pp, pp, e ? e : expr(1));
    case 1: return fmt("%s->w += 0.5 * tanh(%s * %s->v);", pp, e ? e : expr(1), pp);
    case 2: return fmt("%s->v *= 0.5 + 0.25 * tanh(%s->w);", pp, pp);
    case 3: return fmt("%s->w = %s->v / (2.0 + %s->w * %s->w);", pp, pp, pp, pp);
    default: return fmt("%s->v *= %s->w;", pp, pp);
    }
}

/* The sink takes what the element pp points to holds. */
static char *member_read(const char *pp) {
    return chance(50) ? fmt("%s += tanh(%s->v * %s->w);", sink, pp, pp)
                      : fmt("%s += 0.25 * tanh(%s->%s);", sink, pp, chance(50) ? "v" : "w");
}

/* A helper walking q elements of a struct pt array in place:
 *     static void hw(struct pt *p, int q, double s) { for (struct pt *e = p + q; p < e; p++) ... }
 *     static double hw(struct pt *p, int q) { double r = 0.0; for (pp = p; pp < p + q; pp++) ... } */
static void write_walk_helper(void) {
    const char *p = fresh_name("p"), *q = fresh_name("q"), *pp = fresh_name("pp");
    walk_helper = fresh_name("hw");
    walk_helper_returns = chance(50);
    struct_used = true;
    begin_function();
    indent = 0;
    if (walk_helper_returns) {
        const char *r = fresh_name("r");
        line("static double %s(struct pt *%s, int %s) {", walk_helper, p, q);
        line("    double %s = 0.0;", r);
        line("    for (struct pt *%s = %s; %s < %s + %s; %s++) {", pp, p, pp, p, q, pp);
        line("        %s += %s->v * %s->w;", r, pp, pp);
        line("        %s", member_update(pp, fmt("%s", constant()), false));
        line("    }");
        line("    return %s;", r);
    } else {
        const char *s = fresh_name("s");
        line("static void %s(struct pt *%s, int %s, double %s) {", walk_helper, p, q, s);
        if (chance(50)) { /* the parameter itself walks to an end pointer */
            const char *end = fresh_name("end");
            line("    for (struct pt *%s = %s + %s; %s < %s; %s++)", end, p, q, p, end, p);
            line("        %s", member_update(p, s, false));
        } else {
            const char *i = fresh_name("i");
            line("    for (int %s = 0; %s < %s; %s++) {", i, i, q, i);
            line("        struct pt *%s = %s;", pp, chance(50) ? fmt("&%s[%s]", p, i) : fmt("%s + %s", p, i));
            line("        %s", member_update(pp, s, false));
            line("    }");
        }
    }
    line("}");
}

/* struct pt parts[K] = {{e, e, 0}, ...}: an array of 2 to 5 elements a walk starts on. */
static Var *decl_parts(void) {
    unsigned len = 2 + rnd(4);
    char *init = NULL;
    for (unsigned i = 0; i < len; i++) {
        char *e1 = expr(1), *e2 = expr(1), *item = fmt("{%s, %s, %u}", e1, e2, i);
        init = init ? fmt("%s, %s", init, item) : item;
    }
    struct_used = true;
    Var *a = add_var(fresh_name("parts"), V_STRUCTS, fmt("%u", len));
    line("struct pt %s[%u] = {%s};", a->name, len, init);
    return a;
}

/* for (pp = a; pp < a + len; pp++), for (pp = a; pp != end; ++pp), or while (pp < a + len). */
static void walk_by_increment(Var *a, bool fresh) {
    const char *pp = fresh_name("pp"), *type = a->readonly ? "const struct pt" : "struct pt";
    char *body = a->readonly ? member_read(pp) : member_update(pp, NULL, fresh);
    char *read = !a->readonly && chance(50) ? member_read(pp) : NULL;
    switch (rnd(3)) {
    case 0: line("for (%s *%s = %s; %s < %s + %s; %s++) {", type, pp, a->name, pp, a->name, a->len, pp); break;
    case 1: {
        const char *end = fresh_name("end");
        line("%s *%s = %s + %s;", type, end, a->name, a->len);
        line("for (%s *%s = %s; %s != %s; ++%s) {", type, pp, a->name, pp, end, pp);
        break;
    }
    default:
        line("%s *%s = %s;", type, pp, a->name);
        line("while (%s < %s + %s) {", pp, a->name, a->len);
        read = read ? fmt("%s\n%*s%s++;", read, (indent + 1) * 4, "", pp) : fmt("%s++;", pp);
    }
    line("    %s", body);
    if (read)
        line("    %s", read);
    line("}");
}

/* pp = &a[k] (or a + k) in an index loop, the pointer declared in the loop or before it. */
static void walk_by_index(Var *a, bool fresh) {
    const char *pp = fresh_name("pp"), *i = fresh_name("i");
    bool outside = chance(50);
    unsigned shift = rnd(3);
    char *at = shift ? fmt("(%s + %u) %% %s", i, shift, a->len) : fmt("%s", i);
    char *where = chance(50) ? fmt("&%s[%s]", a->name, at) : fmt("%s + %s", a->name, shift ? fmt("(%s)", at) : at);
    if (outside)
        line("struct pt *%s = %s;", pp, a->name);
    line("for (int %s = 0; %s < %s; %s++) {", i, i, a->len, i);
    line(outside ? "    %s = %s;" : "    struct pt *%s = %s;", pp, where);
    line("    %s", member_update(pp, NULL, fresh));
    if (chance(40))
        line("    %s", member_read(pp));
    line("}");
}

/* A pointer to the element with the largest (smallest) member, then read and updated. */
static void walk_choose(Var *a) {
    const char *best = fresh_name("best"), *member = chance(50) ? "v" : "w", *op = chance(50) ? ">" : "<";
    line("struct pt *%s = %s;", best, a->name);
    if (chance(50)) {
        const char *pp = fresh_name("pp");
        line("for (struct pt *%s = %s + 1; %s < %s + %s; %s++)", pp, a->name, pp, a->name, a->len, pp);
        line("    if (%s->%s %s %s->%s)", pp, member, op, best, member);
        line("        %s = %s;", best, pp);
    } else {
        const char *i = fresh_name("i");
        line("for (int %s = 1; %s < %s; %s++)", i, i, a->len, i);
        line("    if (%s[%s].%s %s %s->%s)", a->name, i, member, op, best, member);
        line("        %s = &%s[%s];", best, a->name, i);
    }
    line("%s", member_update(best, NULL, false));
    line("%s", member_read(best));
}

/* The walk helper on the array (a tail of it when it has three elements or more). */
static void walk_call(Var *a, bool fresh) {
    bool tail = fresh && strcmp(a->len, "2") != 0 && chance(40);
    char *base = tail ? fmt("%s + 1", a->name) : fmt("%s", a->name);
    char *count = tail ? fmt("%s - 1", a->len) : fmt("%s", a->len);
    walk_helper_calls++;
    if (walk_helper_returns)
        line("%s += tanh(%s(%s, %s));", sink, walk_helper, base, count);
    else
        line("%s(%s, %s, %s);", walk_helper, base, count, expr(1));
}

/* A walk over a new array of struct pt or one in scope (a const one is only read); with call,
 * the walk helper's call. */
static void stmt_structwalk(bool call) {
    Var *a = call || chance(60) ? NULL : random_var_of(V_STRUCTS, false, true);
    bool fresh = !a;
    if (fresh)
        a = decl_parts();
    unsigned r = call ? 4 : rnd(a->readonly ? 1 : walk_helper && writing_top ? 5 : 4);
    switch (r) {
    case 0: walk_by_increment(a, fresh); break;
    case 1: walk_by_index(a, fresh); break;
    case 2: walk_choose(a); break;
    case 3: walk_by_increment(a, fresh), walk_by_index(a, false); break;
    default: walk_call(a, fresh); break;
    }
    if (fresh && chance(60)) { /* else a later statement or the scope's end reads it */
        const char *pp = fresh_name("pp");
        a->read = true;
        line("for (const struct pt *%s = %s; %s < %s + %s; %s++)", pp, a->name, pp, a->name, a->len, pp);
        line("    %s", member_read(pp));
    }
}

/* ---- meshes (F_MESH): edge tables, CSR matrices, index tables given to a helper ------------ */

static const char *csr_helper;    /* f's helper applying a struct csr (NULL: none) */
static int csr_helper_calls;
static const char *gather_helper; /* f's helper taking an index table (NULL: none) */
static int gather_helper_form;    /* 0: scatters into a, 1: returns a sum, 2: also moves ix on */
static int gather_helper_calls;

/* A helper taking q entries of an index table and the array they index:
 *     static void hg(int q, const int *ix, double *a, double s)      a[ix[k]] += ...
 *     static double hg(int q, const int *ix, const double *a)        returns a sum over a[ix[k]]
 *     static void hg(int q, int *ix, int n, double *a)               a[ix[k]] = ...; ix[k] moved on */
static void write_gather_helper(void) {
    const char *q = fresh_name("q"), *ix = fresh_name("ix"), *a = fresh_name("a"), *k = fresh_name("k");
    gather_helper = fresh_name("hg");
    gather_helper_form = (int)rnd(3);
    begin_function();
    indent = 0;
    char *at = fmt("%s[%s[%s]]", a, ix, k), *next = fmt("%s[%s[(%s + 1) %% %s]]", a, ix, k, q);
    if (gather_helper_form == 0) {
        const char *sc = fresh_name("s");
        line("static void %s(int %s, const int *%s, double *%s, double %s) {", gather_helper, q, ix, a, sc);
        line("    for (int %s = 0; %s < %s; %s++)", k, k, q, k);
        line("        %s += 0.25 * tanh(%s * %s);", at, sc, next);
    } else if (gather_helper_form == 1) {
        const char *r = fresh_name("r");
        line("static double %s(int %s, const int *%s, const double *%s) {", gather_helper, q, ix, a);
        line("    double %s = 0.0;", r);
        line("    for (int %s = 0; %s < %s; %s++)", k, k, q, k);
        line("        %s += %s * %s[%s[%s - 1 - %s]];", r, at, a, ix, q, k);
        line("    return %s;", r);
    } else {
        const char *n = fresh_name("n");
        line("static void %s(int %s, int *%s, int %s, double *%s) {", gather_helper, q, ix, n, a);
        line("    for (int %s = 0; %s < %s; %s++) {", k, k, q, k);
        line("        %s = 0.5 * %s + 0.25 * tanh(%s * %s);", at, at, at, next);
        line("        %s[%s] = (%s[%s] + 1) %% %s;", ix, k, ix, k, n);
        line("    }");
    }
    line("}");
}

/* Helpers applying a CSR matrix kept in a struct with its index tables, whose int members go to
 * a helper taking `const int *` (the values may be active, the struct is then active):
 *     static double hr(const int *ia, const int *ja, const double *a, int i, const double *x)
 *     static void hc(const struct csr *A, const double *x, double *y, int len) */
static void write_csr_helper(void) {
    const char *ia = fresh_name("ia"), *ja = fresh_name("ja"), *a = fresh_name("a"), *i = fresh_name("i");
    const char *x = fresh_name("x"), *p = fresh_name("p"), *sum = fresh_name("s"), *row = fresh_name("hr");
    const char *A = fresh_name("A"), *y = fresh_name("y"), *len = fresh_name("len");
    csr_helper = fresh_name("hc");
    begin_function();
    indent = 0;
    line("static double %s(const int *%s, const int *%s, const double *%s, int %s, const double *%s) {", row, ia, ja,
         a, i, x);
    line("    double %s = 0.0;", sum);
    line("    for (int %s = %s[%s]; %s < %s[%s + 1]; %s++)", p, ia, i, p, ia, i, p);
    line("        %s += %s[%s] * %s[%s[%s]];", sum, a, p, x, ja, p);
    line("    return %s;", sum);
    line("}");
    line("");
    line("static void %s(const struct csr *%s, const double *%s, double *%s, int %s) {", csr_helper, A, x, y, len);
    line("    for (int %s = 0; %s < %s->n; %s++)", i, i, A, i);
    line("        %s[%s %% %s] = 0.5 * %s[%s %% %s] + 0.25 * tanh(%s(%s->ia, %s->ja, %s->a, %s, %s));", y, i, len, y, i,
         len, row, A, A, A, i, x);
    line("}");
}

/* The gather helper on an index table in scope and an array it indexes (a tail of the table
 * now and then); forced: on a new table when none fits. False: nothing fits. */
static bool stmt_gather_call(bool forced) {
    bool writes = gather_helper_form != 1, moves = gather_helper_form == 2;
    Var *ix = NULL, *a = NULL;
    for (int tries = 0; tries < 8 && !a; tries++) {
        ix = random_var(V_IARRAY, moves);
        a = ix ? random_var_of(V_ARRAY, writes, true) : NULL;
        a = a && strcmp(a->len, ix->upto) == 0 ? a : NULL;
    }
    if (!a && forced && (a = random_var_of(V_ARRAY, writes, true)))
        ix = decl_index_for(a, false);
    if (!a)
        return false;
    ix->read = a->read = true;
    bool tail = strcmp(ix->len, "2") != 0 && chance(30);
    char *q = tail ? fmt("%s - 1", ix->len) : fmt("%s", ix->len);
    char *table = tail ? fmt("%s + 1", ix->name) : fmt("%s", ix->name);
    gather_helper_calls++;
    if (gather_helper_form == 0)
        line("%s(%s, %s, %s, %s);", gather_helper, q, table, a->name, expr(1));
    else if (gather_helper_form == 1)
        line("%s += tanh(%s(%s, %s, %s));", sink, gather_helper, q, table, a->name);
    else
        line("%s(%s, %s, %s, %s);", gather_helper, q, table, a->len, a->name);
    return true;
}

/* Whether v may be given to a helper by address (random_var_of's by_address). */
static bool passable(const Var *v) {
    return !(v->global && !v->readonly) && !v->no_alias;
}

/* A writable array and one of its length to read (itself now and then). False: none. */
static bool array_pair(Var **src, Var **dst) {
    *dst = random_var(V_ARRAY, true);
    *src = NULL;
    for (int tries = 0; *dst && !*src && tries < 8; tries++) {
        Var *a = random_var(V_ARRAY, false);
        *src = a && strcmp(a->len, (*dst)->len) == 0 ? a : NULL;
    }
    return *src != NULL;
}

/* Edge-based assembly over int edges[E][2] (a literal, static const now and then, or filled by
 * a loop; edges repeat and may join a node to itself): the flux of each edge added to one end
 * and taken from the other, the table renumbered as it goes now and then. */
static bool stmt_edges(void) {
    Var *src, *dst;
    if (!array_pair(&src, &dst))
        return false;
    unsigned count = 2 + rnd(4), len = literal_len(dst->len);
    const char *edges = fresh_name("edges"), *e = fresh_name("e"), *d = fresh_name("d");
    bool table = false;
    line("{");
    indent++;
    if (len) {
        char *list = NULL;
        for (unsigned i = 0; i < count; i++) {
            char *pair = fmt("{%u, %u}", rnd(len), rnd(len));
            list = list ? fmt("%s, %s", list, pair) : pair;
        }
        table = chance(40);
        line("%sint %s[%u][2] = {%s};", table ? "static const " : "", edges, count, list);
    } else {
        line("int %s[%u][2];", edges, count);
        line("for (int %s = 0; %s < %u; %s++) {", e, e, count, e);
        line("    %s[%s][0] = %s %% (%s);", edges, e, e, dst->len);
        line("    %s[%s][1] = (%s + %u) %% (%s);", edges, e, e, rnd(3), dst->len);
        line("}");
    }
    char *at0 = fmt("%s[%s][0]", edges, e), *at1 = fmt("%s[%s][1]", edges, e);
    line("for (int %s = 0; %s < %u; %s++) {", e, e, count, e);
    if (chance(60)) {
        const char *i0 = fresh_name("i0"), *i1 = fresh_name("i1");
        line("    int %s = %s, %s = %s;", i0, at0, i1, at1);
        at0 = fmt("%s", i0), at1 = fmt("%s", i1);
    }
    src->read = dst->read = true;
    line("    double %s = %s[%s] - %s[%s];", d, src->name, at1, src->name, at0);
    char *flux = chance(50) ? fmt("0.25 * tanh(%s * %s)", expr(1), d) : fmt("0.125 * %s", d);
    line("    %s[%s] += %s;", dst->name, at0, flux);
    line("    %s[%s] -= %s;", dst->name, at1, flux);
    if (!table && chance(30))
        line("    %s[%s][1] = (%s[%s][1] + 1) %% (%s);", edges, e, edges, e, dst->len);
    line("}");
    indent--;
    line("}");
    return true;
}

/* y = A x or y += A^T x with A in CSR (static const row pointers, some rows empty; columns a
 * literal or filled by a loop; values constant or computed), y's old value kept in part; y = A x
 * also by the csr helper on a struct csr holding the tables (by_struct: that way, forced). */
static bool stmt_csr(bool by_struct) {
    Var *x = random_var_of(V_ARRAY, false, by_struct), *y = random_var_of(V_ARRAY, true, by_struct);
    for (int tries = 0; by_struct && x && !literal_len(x->len) && tries < 8; tries++)
        x = random_var_of(V_ARRAY, false, true); /* a literal column table: static const */
    if (!x || !y)
        return false;
    bool transposed = !by_struct && chance(40);
    const Var *cols_of = transposed ? y : x, *rows_of = transposed ? x : y;
    unsigned rows = 1 + rnd(4), nnz = 0, len = literal_len(cols_of->len);
    char *starts = fmt("0");
    for (unsigned r = 0; r < rows; r++) {
        nnz += rnd(3) + (r == rows - 1 && nnz == 0);
        starts = fmt("%s, %u", starts, nnz);
    }
    const char *rp = fresh_name("row_ptr"), *ci = fresh_name("col_idx"), *val = fresh_name("val");
    const char *i = fresh_name("i"), *p = fresh_name("p");
    /* adc: a local array in a struct's int member is refused in reverse mode (a literal table is
     * static const there; one filled by a loop is refused) */
    bool via_struct = by_struct || (!transposed && len && csr_helper && writing_top && passable(x) && passable(y) &&
                                    chance(50));
    line("{");
    indent++;
    line("static const int %s[%u] = {%s};", rp, rows + 1, starts);
    if (len) {
        char *list = index_list(nnz, len);
        line("%sint %s[%u] = {%s};", via_struct || chance(50) ? "static const " : "", ci, nnz, list);
    } else {
        line("int %s[%u];", ci, nnz);
        line("for (int %s = 0; %s < %u; %s++)", p, p, nnz, p);
        line("    %s[%s] = (%u * %s + %s) %% (%s);", ci, p, 1 + rnd(3), p, int_expr(1), cols_of->len);
    }
    char *vals = chance(50) ? fmt("%s", constant()) : expr(1);
    for (unsigned k = 1; k < nnz; k++)
        vals = fmt("%s, %s", vals, chance(50) ? constant() : expr(1));
    line("%s %s[%u] = {%s};", chance(30) ? "const double" : "double", val, nnz, vals);
    x->read = y->read = true;
    if (via_struct) {
        const char *A = fresh_name("A");
        csr_helper_calls++;
        line("struct csr %s = {%u, %s, %s, %s};", A, rows, rp, ci, val);
        line("%s(&%s, %s, %s, %s);", csr_helper, A, x->name, y->name, y->len);
        indent--;
        line("}");
        return true;
    }
    char *row = fmt("%s %% (%s)", i, rows_of->len);
    line("for (int %s = 0; %s < %u; %s++) {", i, i, rows, i);
    if (transposed) {
        line("    for (int %s = %s[%s]; %s < %s[%s + 1]; %s++)", p, rp, i, p, rp, i, p);
        line("        %s[%s[%s]] += 0.25 * tanh(%s[%s] * %s[%s]);", y->name, ci, p, val, p, x->name, row);
    } else {
        const char *sum = fresh_name("s");
        line("    double %s = 0.0;", sum);
        line("    for (int %s = %s[%s]; %s < %s[%s + 1]; %s++)", p, rp, i, p, rp, i, p);
        line("        %s += %s[%s] * %s[%s[%s]];", sum, val, p, x->name, ci, p);
        if (chance(30))
            line("    %s += tanh(%s);", sink, sum);
        else
            line("    %s[%s] = 0.5 * %s[%s] + 0.25 * tanh(%s);", y->name, row, y->name, row, sum);
    }
    line("}");
    indent--;
    line("}");
    return true;
}

/* One of the mesh statements. False: nothing in scope to draw it on. */
static bool stmt_mesh(void) {
    switch (rnd(gather_helper && writing_top ? 3 : 2)) {
    case 0: return stmt_edges();
    case 1: return stmt_csr(false);
    default: return stmt_gather_call(false);
    }
}

static void stmt_fnstruct(void);

static void stmt(Ctx c, int depth) {
    budget--;
    if (on(F_FNSTRUCT) && writing_top && chance(8)) {
        stmt_fnstruct();
        return;
    }
    if (on(F_STRUCTWALK) && !c.checkpoint && chance(8)) { /* adc: a checkpointed loop writes arrays only */
        stmt_structwalk(false);
        return;
    }
    if (on(F_GATHER) && chance(8) && stmt_gather())
        return;
    if (on(F_MESH) && !c.checkpoint && chance(6) && stmt_mesh())
        return;
    unsigned r = rnd(100);
    bool deep = depth >= 3;
    if (r < 22)
        stmt_decl();
    else if (r < 30 && on(F_LOOPS) && !deep)
        stmt_for(c, depth);
    else if (r < 35 && on(F_WHILE) && !deep)
        stmt_while(c, depth);
    else if (r < 44 && on(F_BRANCH) && !deep)
        stmt_if(c, depth);
    else if (r < 49 && on(F_JUMPS) && on(F_BRANCH))
        stmt_jump(c);
    else if (r < 56 && callable > 0)
        stmt_call();
    else if (r < 59 && on(F_CHECKPOINT) && !deep && !c.checkpoint && writing_top && indent == 1 &&
             !writable_globals() && !top_sys) /* adc: a checkpointed loop cannot restore globals,
                                                 nor a struct of pointers */
        stmt_checkpoint(c, depth);
    else if (r < 63)
        stmt_int_update();
    else if (r < 66 && on(F_STRUCTS) && random_var(V_STRUCT, true) && random_var(V_STRUCTS, false)) {
        Var *s = random_var(V_STRUCT, true), *a = random_var(V_STRUCTS, false);
        line("%s = %s;", s->name, array_elem(a));
    } else if (r < 69 && on(F_POINTERS) && !c.checkpoint) /* adc: a checkpointed loop writes arrays only */
        chance(70) ? stmt_pointer() : stmt_pointer_walk();
    else if (r < 71 && on(F_NONSMOOTH))
        stmt_split();
    else if (r < 73 && on(F_COMMA))
        stmt_comma();
    else if (r < 75 && on(F_PTABLES) && !deep)
        stmt_pointer_table();
    else if (r < 77 && on(F_STRUCTS) && on(F_HEAP) && !deep && !c.checkpoint) /* adc: nor in checkpointed loops */
        stmt_struct_swap();
    else if (r < 78 && on(F_INITLIT))
        stmt_literal();
    else if (r < 81 && on(F_SWITCH) && !deep)
        stmt_switch(c, depth);
    else if (r < 83 && on(F_GOTOLOOP) && (!on(F_GOTO) || chance(40)) && !deep && !c.checkpoint && !no_goto)
        stmt_goto_loop(c, depth);
    else if (r < 83 && on(F_GOTO) && !deep && !c.checkpoint && !no_goto)
        stmt_goto(c, depth);
    else if (r < 85 && (on(F_SWAP) || on(F_HEAPX)) && !deep && !c.checkpoint) /* adc: a checkpointed loop writes arrays only */
        stmt_swap(c, depth);
    else if (r < 87 && on(F_CONSTLOCALS) && !deep)
        stmt_chars(c, depth);
    else if (r < 90 && on(F_SIDEFX))
        stmt_sidefx(c, depth);
    else if (r < 93 && on(F_ROWS) && !c.checkpoint) /* adc: a checkpointed loop writes no row */
        stmt_rows();
    else if (r < 96 && on(F_HEAPX) && !deep && !c.checkpoint) /* adc: nor in checkpointed loops */
        stmt_heap_block(c, depth);
    else
        stmt_assign();
}

static void block(Ctx c, int depth, int count) {
    int scope = nvars, outer_first = scope_first, outer_indent = scope_indent;
    bool outer_braced = scope_braced, exit_at_end = c.exit_at_end;
    scope_first = scope;
    scope_braced = indent > scope_indent;
    scope_indent = indent;
    c.exit_at_end = false;
    for (int i = 0; i < count && budget > 0; i++)
        stmt(c, depth);
    if (count > 0 && budget <= 0 && nvars == scope)
        stmt_assign();
    if (exit_at_end)
        line("if (%s) %s;", cond(1), c.returns && chance(30) ? fmt("return %s", expr(1)) : "break");
    for (int i = scope; scope_braced && i < nvars; i++) /* their names are free again (F_SHADOW) */
        if (vars[i].kind == V_DOUBLE && nclosed < 64 && identifier(vars[i].name))
            closed[nclosed++] = vars[i].name;
    close_scope(scope);
    scope_first = outer_first;
    scope_indent = outer_indent;
    scope_braced = outer_braced;
}

/* ---- functions ------------------------------------------------------------------------------ */

/* At most 4 helpers and their recursive partners, the walk, gather and csr helpers and f: 12.
 * Seed 16411 overflowed the 8 there were, with the class mesh's two helpers (README 135). */
static Text texts[16];
static int ntexts;

static void begin_function(void) {
    if (ntexts == (int)(sizeof texts / sizeof texts[0])) {
        fprintf(stderr, "difftest_gen: more functions than texts[] holds\n");
        exit(2);
    }
    out = &texts[ntexts++];
    indent = 1;
    nvars = 0;
    first_local = sizeof vars / sizeof vars[0];
    nclosed = 0;
    scope_indent = 0;
    scope_braced = false;
    sys_ptr = NULL;
    model_ptr = model_val = stepper_ptr = NULL;
}

/* Puts the file-scope variables in scope (after the parameters: write_helper reads those as
 * vars[0] and vars[1]). */
static void add_globals(void) {
    for (int g = 0; g < nglobals; g++)
        vars[nvars++] = globals[g];
    first_local = nvars;
}

/* Writes the signature of a recursive helper double name(int d, double p, double q) and
 * declares p, q and d (vars[2], read-only). */
static void recur_signature(const char *name, const char *p, const char *q) {
    const char *d = fresh_name("d");
    line("static double %s(int %s, double %s, double %s) {", name, d, p, q);
    add_var(p, V_DOUBLE, NULL);
    add_var(q, V_DOUBLE, NULL);
    add_var(d, V_INT, NULL)->readonly = true;
}

/* H_MODEL's signature and its first statement, a loop calling the model's rhs; declares q, the
 * member rhs (read-only) and k (writable in a copy). */
static void model_signature(Helper *h, const char *q) {
    const char *m = fresh_name("m"), *i = fresh_name("i");
    const char *dot = h->by_value ? "." : "->";
    line(h->by_value ? "static double %s(model_t %s, double %s) {" : "static double %s(const model_t *%s, double %s) {",
         h->name, m, q);
    line("    for (int %s = 0; %s < 3; %s++)", i, i, i);
    line("        %s += 0.1 * tanh(%s%srhs(%s, %s%sk));", q, m, dot, q, m, dot);
    add_var(q, V_DOUBLE, NULL);
    Var *rhs = add_var(fmt("%s%srhs", m, dot), V_FN, fmt("%s%sk", m, dot));
    rhs->read = rhs->readonly = rhs->no_alias = true;
    Var *k = add_var(fmt("%s%sk", m, dot), V_DOUBLE, NULL);
    k->read = true;
    k->readonly = !h->by_value;
    model_ptr = h->by_value ? fmt("&%s", m) : m;
    model_val = h->by_value ? m : fmt("*%s", m);
    model_used = true;
}

/* The right-hand side H_STEP sets du[i] to: a function of u at i and its neighbour and of c. */
static char *step_rhs(const char *u, const char *i, const char *q, const char *c) {
    char *here = fmt("%s[%s]", u, i), *next = fmt("%s[(%s + 1) %% %s]", u, i, q);
    switch (rnd(4)) {
    case 0: return fmt("%s * %s / (2.0 + %s * %s)", c, here, next, next);
    case 1: return fmt("tanh(%s * %s + %s[%s - 1 - %s])", c, here, u, q, i);
    case 2: return fmt("sin(%s) * cos(%s * %s)", here, c, next);
    default: return fmt("-%s * %s + 0.5 * tanh(%s)", c, here, next);
    }
}

/* H_STEP's signature and its first statement, a loop setting every du[i]; declares q, du
 * (vars[1], the sink), u and c. */
static void step_signature(Helper *h, const char *q) {
    const char *u = fresh_name("u"), *du = fresh_name("du"), *c = fresh_name("c"), *i = fresh_name("i");
    line("void %s(int %s, const double *%s, double *%s, double %s) {", h->name, q, u, du, c);
    line("    for (int %s = 0; %s < %s; %s++)", i, i, q, i);
    line("        %s[%s] = %s;", du, i, step_rhs(u, i, q, c));
    add_var(q, V_INT, NULL)->readonly = true;
    add_var(du, V_ARRAY, q)->read = true;
    Var *in = add_var(u, V_ARRAY, q);
    in->readonly = in->read = true;
    add_var(c, V_DOUBLE, NULL)->read = true;
    stepper_used = true;
}

/* H_EULER's signature and its first statements, an Euler step through s->step on a work
 * array; declares q, u (vars[1], the sink), c and the work array. */
static void euler_signature(Helper *h, const char *q) {
    const char *st = fresh_name("s"), *u = fresh_name("u"), *c = fresh_name("c"), *du = fresh_name("du"),
               *i = fresh_name("i");
    line("static void %s(const stepper_t *%s, int %s, double *%s, double %s) {", h->name, st, q, u, c);
    line("    double %s[4] = {0.0, 0.0, 0.0, 0.0};", du);
    line("    %s->step(%s, %s, %s, %s);", st, q, u, du, chance(50) ? c : fmt("%s->c", st));
    line("    for (int %s = 0; %s < %s; %s++)", i, i, q, i);
    line("        %s[%s] += 0.1 * tanh(%s[%s]);", u, i, du, i);
    add_var(q, V_INT, NULL)->readonly = true;
    add_var(u, V_ARRAY, q)->read = true;
    add_var(c, V_DOUBLE, NULL);
    add_var(du, V_ARRAY, "4")->read = true;
    stepper_ptr = st;
}

/* H_PARAMS's signature and the cast back of its context, by C's conversion from void *, by a
 * cast, or assigned after its declaration; declares c->len (vars[0], its loop's bound), c->w,
 * p and c->k, all read-only. */
static void params_signature(Helper *h, const char *p) {
    const char *params = fresh_name("params"), *c = fresh_name("c");
    line("double %s(double %s, void *%s) {", h->name, p, params);
    switch (rnd(3)) {
    case 0: line("    const struct par *%s = %s;", c, params); break;
    case 1: line("    const struct par *%s = (const struct par *)%s;", c, params); break;
    default:
        line("    struct par *%s;", c);
        line("    %s = %s;", c, params);
    }
    add_var(fmt("%s->len", c), V_INT, NULL)->readonly = true;
    Var *w = add_var(fmt("%s->w", c), V_ARRAY, fmt("%s->len", c));
    w->readonly = w->no_alias = true;
    add_var(p, V_DOUBLE, NULL);
    add_var(fmt("%s->k", c), V_DOUBLE, NULL)->readonly = true;
    par_used = true;
}

/* Writes the signature of helper h and declares its parameters. */
static void helper_signature(Helper *h) {
    const char *p = fresh_name("p"), *q = fresh_name("q");
    switch (h->kind) {
    case H_SCALAR:
        if (h->annotated)
            line("ADC_DIFF(wrt(%s, %s), modes(tangent, adjoint))\ndouble %s(double %s, double %s) {",
                 p, q, h->name, p, q);
        else
            line("%sdouble %s(double %s, double %s) {", h->exported ? "" : "static ", h->name, p, q);
        add_var(p, V_DOUBLE, NULL);
        add_var(q, V_DOUBLE, NULL);
        break;
    case H_FLOAT:
        line("static float %s(float %s, double %s) {", h->name, p, q);
        add_var(p, V_FLOAT, NULL);
        add_var(q, V_DOUBLE, NULL);
        float_used = true;
        break;
    case H_APPLY: {
        const char *fn = fresh_name("fn");
        line("static double %s(double (*%s)(double, double), double %s, double %s) {", h->name, fn, p, q);
        add_var(p, V_DOUBLE, NULL);
        add_var(q, V_DOUBLE, NULL);
        if (writable_globals()) { /* the target may write them: one call a statement (adc) */
            const char *t = fresh_name("t");
            line("    double %s = %s(%s, %s);", t, fn, p, q);
            line("    %s = %s + 0.5 * %s(%s, %s);", q, t, fn, q, p);
        } else
            line("    %s = %s(%s, %s) + 0.5 * %s(%s, %s);", q, fn, p, q, fn, q, p);
        break;
    }
    case H_MATRIX:
        line("static double %s(const double %s[2][3], double %s) {", h->name, p, q);
        add_var(p, V_ARRAY2, "2")->len2 = "3";
        vars[nvars - 1].readonly = true;
        add_var(q, V_DOUBLE, NULL);
        break;
    case H_REDUCE:
    case H_INPLACE: {
        const char *s = fresh_name("s");
        bool vla_param = on(F_VLA) && chance(50);
        const char *array = vla_param ? fmt("%s[%s]", p, q) : fmt("*%s", p);
        vla_param_used |= vla_param;
        line(h->kind == H_REDUCE ? "static double %s(int %s, const double %s, double %s) {"
                                 : "static void %s(int %s, double %s, double %s) {",
             h->name, q, array, s);
        add_var(q, V_INT, NULL)->readonly = true;
        add_var(p, V_ARRAY, q)->readonly = h->kind == H_REDUCE;
        add_var(s, V_DOUBLE, NULL);
        break;
    }
    case H_FIXED:
        line("static void %s(double %s, double %s[%d]) {", h->name, q, p, h->fixed_len);
        add_var(q, V_DOUBLE, NULL);
        add_var(p, V_ARRAY, fmt("%d", h->fixed_len));
        break;
    case H_OUT:
        line("static void %s(double %s, double *%s) {", h->name, p, q);
        add_var(p, V_DOUBLE, NULL);
        add_var(q, V_DEREF, NULL);
        break;
    case H_SYS:
    case H_SYSR: { /* vars[0] the length of s->y, vars[1] s->y (as write_helper takes them) */
        const char *s = fresh_name("s");
        bool reads = h->kind == H_SYSR;
        line(reads ? "static double %s(const sys_t *%s, double %s) {" : "static void %s(sys_t *%s, double %s) {",
             h->name, s, q);
        add_var(fmt("%s->m", s), V_INT, NULL)->readonly = true;
        Var *y = add_var(fmt("%s->y", s), V_ARRAY, fmt("%s->m", s));
        y->readonly = reads;
        y->no_alias = true;
        Var *x = add_var(fmt("%s->x", s), V_ARRAY, fmt("%s->n", s));
        x->readonly = x->no_alias = true;
        add_var(fmt("%s->n", s), V_INT, NULL)->readonly = true;
        add_var(fmt("%s->c", s), V_DOUBLE, NULL)->readonly = reads;
        add_var(q, V_DOUBLE, NULL);
        sys_ptr = s;
        sys_ptr_const = reads;
        sys_used = true;
        break;
    }
    case H_ROWS: { /* vars[0] the row count, vars[1] the matrix */
        const char *r = fresh_name("r"), *s = fresh_name("s");
        line("static void %s(int %s, int %s, double **%s, double %s) {", h->name, q, r, p, s);
        add_var(q, V_INT, NULL)->readonly = true;
        add_var(p, V_ROWS, q)->len2 = r;
        add_var(r, V_INT, NULL)->readonly = true;
        add_var(s, V_DOUBLE, NULL);
        break;
    }
    case H_ALLOC: { /* vars[0] the length; a copying one: vars[1] the array, vars[2] the scale */
        const char *s = h->zeroed ? NULL : fresh_name("s");
        if (s)
            line("static double *%s(int %s, const double *%s, double %s) {", h->name, q, p, s);
        else
            line("static double *%s(int %s) {", h->name, q);
        add_var(q, V_INT, NULL)->readonly = true;
        if (s) {
            add_var(p, V_ARRAY, q)->readonly = true;
            add_var(s, V_DOUBLE, NULL);
        }
        break;
    }
    case H_MODEL:
        model_signature(h, q);
        break;
    case H_STEP:
        step_signature(h, q);
        break;
    case H_PARAMS:
        params_signature(h, p);
        break;
    case H_EULER:
        euler_signature(h, q);
        break;
    case H_STRUCTS:
        line("static double %s(const struct pt *%s, int %s) {", h->name, p, q);
        add_var(q, V_INT, NULL)->readonly = true;
        add_var(p, V_STRUCTS, q)->readonly = true;
        struct_used = true;
        break;
    case H_RECUR:
        if (h->partner)
            line("static double %s(int, double, double);", h->partner);
        recur_signature(h->name, p, q);
        break;
    case H_PAIR: { /* vars[0] the length, vars[1] out, vars[2] in, vars[3] s */
        const char *in = fresh_name("in"), *s = fresh_name("s");
        line("static void %s(int %s, double *%s, const double *%s, double %s) {", h->name, q, p, in, s);
        add_var(q, V_INT, NULL)->readonly = true;
        add_var(p, V_ARRAY, q);
        add_var(in, V_ARRAY, q)->readonly = true;
        add_var(s, V_DOUBLE, NULL);
        break;
    }
    case H_RECURA: { /* vars[0] the length, vars[1] the array, vars[2] the depth */
        const char *d = fresh_name("d"), *s = fresh_name("s");
        line("static double %s(int %s, double %s, int %s, double *%s) {", h->name, d, s, q, p);
        add_var(q, V_INT, NULL)->readonly = true;
        add_var(p, V_ARRAY, q);
        add_var(d, V_INT, NULL)->readonly = true;
        add_var(s, V_DOUBLE, NULL);
        break;
    }
    }
}

/* The base case of a recursive helper, its first statement: if (d <= 0) return e; */
static void recur_base(Var *d) {
    d->read = true;
    line("if (%s <= 0)", d->name);
    line("    return %s;", expr(2));
}

/* H_RECURA's update of its array at the depth: p[d % q] += 0.5 * tanh(e). */
static void recur_update(void) {
    char *e = expr(1);
    line("%s[%s %% %s] += 0.5 * tanh(%s);", vars[1].name, vars[2].name, vars[0].name, e);
}

/* A recursive helper's calls of callee (itself or its partner) one level down, and with two
 * calls also at d / 2 (not d - 2: the base case may read d, and d must not go below 0, seed
 * 4100042 indexed coef0[(d * 2) % 4] with d = -1), each squashed by tanh into the sink:
 * callee(d - 1, tanh(e), q or tanh(e)), or for H_RECURA callee(d - 1, tanh(e), q, p) after or
 * before its update of p. With writable globals each call is a statement of its own
 * (double t = callee(...);). */
static void recur_calls(HelperKind kind, const char *callee, int calls) {
    bool update_first = kind == H_RECURA && chance(50);
    if (update_first)
        recur_update();
    for (int down = 1; down <= calls; down++) {
        char *first = fmt("tanh(%s)", call_arg(1)), *second;
        if (kind == H_RECURA) {
            vars[0].read = vars[1].read = true;
            second = fmt("%s, %s", vars[0].name, vars[1].name);
        } else if (chance(50)) {
            vars[1].read = true;
            second = fmt("%s", vars[1].name);
        } else
            second = fmt("tanh(%s)", call_arg(1));
        char *call = fmt(down == 1 ? "%s(%s - 1, %s, %s)" : "%s(%s / 2, %s, %s)", callee, vars[2].name, first, second);
        if (writable_globals()) {
            const char *t = fresh_name("t");
            line("double %s = %s;", t, call);
            call = fmt("%s", t);
        }
        line("%s += 0.5 * tanh(%s);", sink, call);
    }
    if (kind == H_RECURA && !update_first)
        recur_update();
}

/* The partner of a mutually recursive helper hp: its own base case and a call of hp one level
 * down (hp declares it ahead and calls it). */
static void write_partner(const Helper *hp) {
    begin_function();
    indent = 0;
    recur_signature(hp->partner, fresh_name("p"), fresh_name("q"));
    add_globals();
    indent = 1;
    recur_base(&vars[2]);
    sink = fresh_name("r");
    line("double %s = %s;", sink, expr(1));
    add_var(sink, V_DOUBLE, NULL)->read = true;
    recur_calls(H_RECUR, hp->name, 1);
    char *ret = expr(1);
    close_scope(0);
    line("return %s + %s;", sink, ret);
    indent = 0;
    line("}");
}

/* H_PAIR's loop: out at i (or i % q, q - 1 - i) set, increased or scaled by a function of in
 * at i and at other indices whose partials read its own result (/, exp, tanh, sqrt), sometimes
 * then divided by a term of in (its new value read back). Read through out, in sees the old
 * values or the new ones depending on the overlap: the pattern of entry 79. */
static void pair_loop(void) {
    const char *q = vars[0].name, *out = vars[1].name, *in = vars[2].name, *s = vars[3].name;
    const char *i = fresh_name("i");
    const char *const at[] = {i, fmt("(%s + 1) %% %s", i, q), fmt("%s - 1 - %s", q, i)};
    const char *w = pick((const char *const[]){i, fmt("%s %% %s", i, q), at[2]}, 3);
    char *u = fmt("%s[%s]", in, pick(at, 3)), *v = fmt("%s[%s]", in, pick(at, 3));
    char *e;
    switch (rnd(5)) {
    case 0: e = fmt("%s * %s / (2.0 + %s * %s)", s, u, v, v); break;
    case 1: e = fmt("exp(0.5 * tanh(%s) - 0.25 * %s * %s)", u, v, v); break;
    case 2: e = fmt("tanh(%s * %s + %s)", s, u, v); break;
    case 3: e = fmt("sqrt(1.0 + %s * %s + 0.5 * %s * %s)", u, u, v, v); break;
    default: e = fmt("sin(%s) * cos(%s * %s)", u, s, v); break;
    }
    unsigned op = rnd(4);
    vars[0].read = vars[1].read = vars[2].read = true;
    vars[3].read |= reads_root(e, s);
    line("for (int %s = 0; %s < %s; %s++) {", i, i, q, i);
    if (op == 3)
        line("    %s[%s] *= 0.5 + 0.25 * tanh(%s);", out, w, e);
    else
        line("    %s[%s] %s %s;", out, w, op == 2 ? "+=" : "=", e);
    if (chance(50)) {
        char *t = fmt("%s[%s]", in, pick(at, 3));
        line("    %s[%s] = %s[%s] / (1.0 + %s * %s);", out, w, out, w, t, t);
    }
    line("}");
}

/* The kind of helper h in class fnstruct: a target of a double (*)(double, double) (exported
 * H_SCALAR), of stepper_t's step or of a GSL pointer, or with such a target before it, a helper
 * taking a model_t or a stepper_t. */
static HelperKind fnstruct_kind(int h) {
    bool scalar_target = false, step_target = false;
    for (int t = 0; t < h; t++) {
        scalar_target |= helpers[t].exported && helpers[t].kind == H_SCALAR;
        step_target |= helpers[t].kind == H_STEP;
    }
    HelperKind kinds[5] = {H_SCALAR, H_STEP, H_PARAMS};
    int n = 3;
    if (scalar_target)
        kinds[n++] = H_MODEL;
    if (step_target)
        kinds[n++] = H_EULER;
    return kinds[rnd((unsigned)n)];
}

/* Writes helper number h (it may call helpers[0..h)): a few statements, and for the
 * array helpers a loop over the array; a recursive one starts with its base case and ends
 * with its calls one level down (its body is written as a loop's: it repeats). */
static void write_helper(int h) {
    static const HelperKind kinds[] = {H_SCALAR, H_SCALAR, H_REDUCE, H_INPLACE, H_OUT, H_STRUCTS};
    Helper *hp = &helpers[h];
    hp->kind = kinds[rnd(on(F_STRUCTS) ? 6 : 5)];
    if (on(F_FNSTRUCT) && chance(35))
        hp->kind = fnstruct_kind(h);
    else if (on(F_FIXEDOUT) && chance(30)) {
        hp->kind = H_FIXED;
        hp->fixed_len = 2 + (int)rnd(2);
    } else if (on(F_ALIAS) && chance(40))
        hp->kind = H_PAIR;
    else if (on(F_RECUR) && chance(20))
        hp->kind = chance(50) ? H_RECUR : H_RECURA;
    else if (on(F_ARRAYS2D) && chance(12))
        hp->kind = H_MATRIX;
    else if (on(F_FLOAT) && chance(12))
        hp->kind = H_FLOAT;
    else if (on(F_SYSSTRUCT) && chance(20))
        hp->kind = chance(50) ? H_SYS : H_SYSR;
    else if (on(F_ROWS) && chance(20))
        hp->kind = H_ROWS;
    else if (on(F_HEAPX) && chance(25)) {
        hp->kind = H_ALLOC;
        hp->zeroed = chance(30);
    } else if (on(F_FNPTR) && chance(25))
        for (int t = 0; t < h; t++)
            if (helpers[t].exported && helpers[t].kind == H_SCALAR) { /* adc: the target of a
                                                                          pointer is not static */
                hp->kind = H_APPLY;
                hp->target = helpers[t].name;
            }
    hp->annotated = hp->kind == H_SCALAR && on(F_ANNOTATED) && chance(40);
    hp->exported = hp->annotated || hp->kind == H_STEP || hp->kind == H_PARAMS ||
                   (hp->kind == H_SCALAR && on(F_FNSTRUCT) && chance(50));
    hp->by_value = hp->kind == H_MODEL && chance(40);
    hp->name = hp->exported ? plain_name("dh") : fresh_name("h");
    hp->partner = hp->kind == H_RECUR && chance(40) ? fresh_name("h") : NULL;
    bool recursive = hp->kind == H_RECUR || hp->kind == H_RECURA;
    begin_function();
    indent = 0;
    helper_signature(hp);
    add_globals();
    indent = 1;
    callable = h;
    if (hp->kind == H_PAIR && writable_globals()) { /* it may be given one: it writes none by
                                                        name, nor points into one (adc refuses
                                                        both), nor calls a helper that does */
        for (int v = 0; v < nvars; v++)
            if (vars[v].global && !vars[v].readonly)
                vars[v].readonly = vars[v].no_alias = true;
        callable = 0;
    }
    budget = 2 + (int)rnd(5);
    Ctx c = {0, false, hp->kind != H_INPLACE && hp->kind != H_OUT && hp->kind != H_SYS && hp->kind != H_PAIR &&
                           hp->kind != H_ROWS && hp->kind != H_ALLOC && hp->kind != H_STEP && hp->kind != H_EULER &&
                           hp->kind != H_FIXED, NULL, NULL, false, false};
    Var *first = &vars[0], *second = &vars[1];
    if (recursive)
        recur_base(&vars[2]);
    const char *block_made = hp->kind == H_ALLOC ? helper_block(hp) : NULL;
    if (c.returns || hp->kind == H_FIXED) { /* H_FIXED's sink feeds its last writes */
        sink = fresh_name("r");
        line("%s %s = %s;", hp->kind == H_FLOAT ? "float" : "double", sink, expr(1));
        add_var(sink, hp->kind == H_FLOAT ? V_FLOAT : V_DOUBLE, NULL)->read = true;
    } else {
        sink = hp->kind == H_OUT     ? fmt("*%s", second->name)
               : hp->kind == H_ROWS  ? fmt("%s[0][0]", second->name)
               : hp->kind == H_ALLOC ? fmt("%s[0]", block_made)
                                     : fmt("%s[0]", second->name);
        line("%s %s= %s;", sink, hp->kind == H_OUT ? "" : "+", expr(1));
    }
    if (hp->kind == H_PAIR) {
        for (int t = h - 1; t >= 0; t--)
            if (helpers[t].kind == H_PAIR && chance(60)) { /* passes its arrays on */
                helpers[t].calls++;
                line("%s(%s, %s, %s, %s);", helpers[t].name, vars[0].name, vars[1].name, vars[2].name, vars[3].name);
                break;
            }
        pair_loop();
    }
    if (hp->kind == H_REDUCE || hp->kind == H_INPLACE || hp->kind == H_STRUCTS ||
        hp->kind == H_SYS || hp->kind == H_SYSR || hp->kind == H_RECURA || hp->kind == H_ROWS ||
        hp->kind == H_ALLOC || hp->kind == H_STEP || hp->kind == H_PARAMS || hp->kind == H_EULER) {
        Ctx loop = c;
        loop.loops = 1;
        int scope = nvars;
        const char *k = loop_index(first->name)->name;
        first->read = true;
        line("for (int %s = 0; %s < %s; %s++) {", k, k, first->name, k);
        indent++;
        block(loop, 2, 1 + (int)rnd(3));
        indent--;
        line("}");
        nvars = scope;
    }
    if (recursive) {
        loop_body(c, 1, budget);
        recur_calls(hp->kind, hp->partner ? hp->partner : hp->name, !hp->partner && chance(30) ? 2 : 1);
    } else
        block(c, 1, budget);
    char *ret = c.returns ? expr(1) : NULL;
    close_scope(0);
    if (hp->kind == H_FIXED)
        fixed_last_writes(hp->fixed_len, second->name, first->name);
    if (ret)
        line("return %s + %s;", sink, ret);
    else if (block_made)
        line("return %s;", block_made);
    indent = 0;
    line("}");
    if (hp->partner)
        write_partner(hp);
}

/* Calls helper h on the parameters of f (an unused static function is an error). */
static void call_once(Helper *h, const char *names[5]) {
    switch (h->kind) {
    case H_SCALAR: line("%s += %s(%s, %s);", sink, h->name, call_arg(1), call_arg(1)); break;
    case H_REDUCE: line("%s += %s(%s, %s, %s);", sink, h->name, names[1], names[2], call_arg(1)); break;
    case H_INPLACE: line("%s(%s, %s, %s);", h->name, names[3], names[4], call_arg(1)); break;
    case H_OUT: line("%s(%s, &%s);", h->name, call_arg(1), sink); break;
    case H_FIXED: call_fixed(h); break;
    case H_STRUCTS: line("%s += %s(%s, 2);", sink, h->name, random_var(V_STRUCTS, false)->name); break;
    case H_MATRIX: line("%s += %s(%s, %s);", sink, h->name, matrix_arg()->name, call_arg(1)); break;
    case H_FLOAT: line("%s += %s(%s, %s);", sink, h->name, call_arg(1), call_arg(1)); break;
    case H_APPLY: line("%s += %s(%s, %s, %s);", sink, h->name, h->target, call_arg(1), call_arg(1)); break;
    case H_SYS: line("%s(%s, %s);", h->name, sys_ptr, call_arg(1)); break;
    case H_SYSR: line("%s += %s(%s, %s);", sink, h->name, sys_ptr, call_arg(1)); break;
    case H_RECUR: line("%s += %s(%s, %s, %s);", sink, h->name, depth_arg(), call_arg(1), call_arg(1)); break;
    case H_RECURA:
        line("%s += tanh(%s(%s, %s, %s, %s));", sink, h->name, depth_arg(), call_arg(1), names[3], names[4]);
        break;
    case H_PAIR: line("%s(%s, %s, %s, %s);", h->name, names[3], names[4], names[4], call_arg(1)); break;
    case H_ROWS: call_rows_helper(h, random_var(V_ROWS, true), call_arg(1)); break;
    case H_ALLOC: {
        const char *b = fresh_name("blk");
        call_alloc_helper(h, b, names[1], var_named(names[2]));
        line("%s += %s[%s - 1];", sink, b, names[1]);
        line("free(%s);", b);
        break;
    }
    case H_MODEL: line("%s += %s(%s, %s);", sink, h->name, h->by_value ? model_val : model_ptr, call_arg(1)); break;
    case H_STEP: case H_PARAMS: break; /* not static: called through f's pointers */
    case H_EULER: call_euler(h); break;
    }
}

/* f's local struct of pointers to its state arrays X and Y (and an active member c), given to
 * the helpers that take one; f also indexes its members. Its members are set once, outside
 * loops: by a list, by designators or one by one. */
static void decl_sys(const char *names[5]) {
    const char *s = fresh_name("sys");
    char *c = expr(2);
    unsigned form = on(F_INITLIT) ? rnd(3) : rnd(2) * 2;
    switch (form) {
    case 0: line("sys_t %s = {%s, %s, %s, %s, %s};", s, names[1], names[2], names[3], names[4], c); break;
    case 1:
        line("sys_t %s = {.y = %s, .m = %s, .x = %s, .n = %s, .c = %s};", s, names[4], names[3],
             names[2], names[1], c);
        break;
    default:
        line("sys_t %s;", s);
        line("%s.n = %s, %s.x = %s;", s, names[1], s, names[2]);
        line("%s.m = %s;", s, names[3]);
        line("%s.y = %s;", s, names[4]);
        line("%s.c = %s;", s, c);
    }
    Var *x = add_var(fmt("%s.x", s), V_ARRAY, names[1]), *y = add_var(fmt("%s.y", s), V_ARRAY, names[3]);
    x->readonly = x->no_alias = y->no_alias = true;
    add_var(fmt("%s.c", s), V_DOUBLE, NULL);
    sys_ptr = fmt("&%s", s);
    sys_ptr_const = false;
    sys_used = top_sys = true;
}

/* ---- class fnstruct: f's function pointers ---- */

/* The exported helpers of kind k, the targets of a pointer of their type; their count. */
static int targets_of(HelperKind k, const char *names[4]) {
    int n = 0;
    for (int h = 0; h < nhelpers; h++)
        if (helpers[h].exported && helpers[h].kind == k)
            names[n++] = helpers[h].name;
    return n;
}

/* The condition a pointer is chosen by: int data (n % 2 == 0), floating data (x[k] > 0.5), or
 * any. */
static char *choice_cond(void) {
    Var *i = random_var(V_INT, false);
    if (i && chance(40)) {
        i->read = true;
        return fmt("%s %% 2 == %u", i->name, rnd(2));
    }
    char *e = chance(50) ? leaf_read() : NULL;
    return e ? fmt("%s > %s", e, constant()) : cond(1);
}

/* One of the n targets t, or c ? t0 : t1 between two of them. */
static char *target_expr(const char *t[4], int n) {
    if (n < 2 || chance(40))
        return fmt("%s", t[rnd((unsigned)n)]);
    unsigned first = rnd((unsigned)n), second = (first + 1 + rnd((unsigned)n - 1)) % (unsigned)n;
    return fmt("%s ? %s : %s", choice_cond(), t[first], t[second]);
}

/* lv = a target (or c ? t0 : t1), or if (c) lv = t0; else lv = t1; */
static void choose_target(const char *lv, const char *t[4], int n) {
    if (n < 2 || chance(50)) {
        line("%s = %s;", lv, target_expr(t, n));
        return;
    }
    unsigned first = rnd((unsigned)n), second = (first + 1 + rnd((unsigned)n - 1)) % (unsigned)n;
    line("if (%s)", choice_cond());
    line("    %s = %s;", lv, t[first]);
    line("else");
    line("    %s = %s;", lv, t[second]);
}

/* sink += call, or with writable globals (which the targets may write) double t = call; first. */
static void sink_call(const char *call) {
    if (writable_globals()) {
        const char *t = fresh_name("t");
        line("double %s = %s;", t, call);
        add_var(t, V_DOUBLE, NULL)->read = true;
        call = t;
    }
    line("%s += %s;", sink, bounded(fmt("0.5 * tanh(%s)", call), sink));
}

/* model_t mdl filled (by a list, designators, or member by member), used in a loop over X,
 * sometimes also through a model_t *; its members in scope (rhs as a pointer to call). */
static void decl_model(const char *t[4], int n) {
    const char *m = fresh_name("mdl"), *i = fresh_name("i");
    char *k = expr(2);
    switch (rnd(3)) {
    case 0: line("model_t %s = {%s, %s};", m, target_expr(t, n), k); break;
    case 1: line("model_t %s = {.k = %s, .rhs = %s};", m, k, target_expr(t, n)); break;
    default:
        line("model_t %s;", m);
        line("%s.k = %s;", m, k);
        choose_target(fmt("%s.rhs", m), t, n);
    }
    line("for (int %s = 0; %s < %s; %s++)", i, i, fn_names[1], i);
    line("    %s += 0.1 * tanh(%s.rhs(%s[%s], %s.k));", sink, m, fn_names[2], i, m);
    Var *rhs = add_var(fmt("%s.rhs", m), V_FN, fmt("%s.k", m));
    rhs->read = rhs->no_alias = true;
    add_var(fmt("%s.k", m), V_DOUBLE, NULL)->read = true;
    model_ptr = fmt("&%s", m);
    model_val = m;
    model_used = true;
    if (chance(30)) {
        const char *pm = fresh_name("pm");
        line("model_t *%s = &%s;", pm, m);
        sink_call(fmt("%s->rhs(%s, %s->k)", pm, call_arg(1), pm));
        Var *via = add_var(fmt("%s->rhs", pm), V_FN, fmt("%s->k", pm));
        via->read = via->readonly = via->no_alias = true;
        model_ptr = pm;
        model_val = fmt("*%s", pm);
    }
}

/* double (*fn)(double, double) set to a target where declared or after, and called once. */
static void decl_fn_var(const char *t[4], int n) {
    const char *fn = fresh_name("fn");
    if (chance(50))
        line("double (*%s)(double, double) = %s;", fn, target_expr(t, n));
    else {
        line("double (*%s)(double, double);", fn);
        choose_target(fn, t, n);
    }
    sink_call(fmt("%s(%s, %s)", fn, call_arg(1), call_arg(1)));
    Var *v = add_var(fn, V_FN, NULL);
    v->read = v->no_alias = true;
}

/* GSL's idiom: struct par pr = {k, X or Y, its length}; double (*g)(double, void *) set to an
 * integrand, called directly and by a midpoint rule (written here, printed before f). */
static void decl_params(const char *t[4], int n) {
    const char *pr = fresh_name("pr"), *g = fresh_name("g");
    bool on_x = chance(50);
    const char *arr = fn_names[on_x ? 2 : 4], *len = fn_names[on_x ? 1 : 3];
    char *k = expr(2);
    if (chance(50))
        line("struct par %s = {%s, %s, %s};", pr, k, arr, len);
    else
        line("struct par %s = {.w = %s, .len = %s, .k = %s};", pr, arr, len, k);
    if (chance(50))
        line("double (*%s)(double, void *) = %s;", g, target_expr(t, n));
    else {
        line("double (*%s)(double, void *);", g);
        choose_target(g, t, n);
    }
    const char *ctx = fmt("&%s", pr);
    quad_name = fresh_name("quad");
    sink_call(fmt("%s(%s, %s, %s, %s)", quad_name, chance(50) ? g : t[rnd((unsigned)n)], ctx, call_arg(1), call_arg(1)));
    sink_call(fmt("%s(%s, %s)", g, call_arg(1), ctx));
    add_var(fmt("%s.k", pr), V_DOUBLE, NULL)->read = true;
    Var *v = add_var(g, V_FNCTX, ctx);
    v->read = v->no_alias = true;
    par_used = top_sys = true;
}

/* The midpoint rule f's GSL integrands are given to (fresh names). */
static void print_quad(void) {
    const char *g = fresh_name("g"), *params = fresh_name("params"), *lo = fresh_name("lo"),
               *hi = fresh_name("hi"), *h = fresh_name("h"), *s = fresh_name("s"), *i = fresh_name("i");
    printf("static double %s(double (*%s)(double, void *), void *%s, double %s, double %s) {\n", quad_name, g,
           params, lo, hi);
    printf("    double %s = (%s - %s) / 4.0, %s = 0.0;\n", h, hi, lo, s);
    printf("    for (int %s = 0; %s < 4; %s++)\n", i, i, i);
    printf("        %s += %s(%s + (%s + 0.5) * %s, %s);\n", s, g, lo, i, h, params);
    printf("    return %s * %s;\n}\n\n", s, h);
}

/* An explicit Euler step of Y (or of Y from X) through stepper_t's member (through_pointer:
 * through the stepper_t *): step(q, u, work, c) then y[i % m] += 0.1 * tanh(work[i]). */
static void stmt_step(bool through_pointer) {
    bool from_y = chance(70);
    const char *len = fn_names[from_y ? 3 : 1], *i = fresh_name("i");
    const char *q = fmt("(%s < 4 ? %s : 4)", len, len);
    const char *via = through_pointer ? fmt("%s->", stepper_via) : fmt("%s.", stepper);
    char *c = chance(50) ? fmt("%sc", via) : call_arg(1);
    line("%sstep(%s, %s, %s, %s);", via, q, fn_names[from_y ? 4 : 2], work, c);
    line("for (int %s = 0; %s < %s; %s++)", i, i, q, i);
    line("    %s[%s %% %s] += 0.1 * tanh(%s[%s]);", fn_names[4], i, fn_names[3], work, i);
}

/* stepper_t stp = {step, c} (or member by member), its work array, sometimes a stepper_t *,
 * and a few Euler steps. */
static void decl_stepper(const char *t[4], int n) {
    stepper = fresh_name("stp");
    work = fresh_name("wk");
    stepper_via = NULL;
    char *c = expr(2);
    if (chance(50))
        line("stepper_t %s = {%s, %s};", stepper, target_expr(t, n), c);
    else {
        line("stepper_t %s;", stepper);
        line("%s.c = %s;", stepper, c);
        choose_target(fmt("%s.step", stepper), t, n);
    }
    line("double %s[4] = {0.0, 0.0, 0.0, 0.0};", work);
    stepper_ptr = fmt("&%s", stepper);
    if (chance(40)) {
        stepper_via = fresh_name("ps");
        line("stepper_t *%s = &%s;", stepper_via, stepper);
        stepper_ptr = stepper_via;
    }
    const char *s = fresh_name("s");
    line("for (int %s = 0; %s < %u; %s++) {", s, s, 1 + rnd(3), s);
    indent++;
    stmt_step(stepper_via != NULL);
    indent--;
    line("}");
    add_var(fmt("%s.c", stepper), V_DOUBLE, NULL)->read = true;
    add_var(work, V_ARRAY, "4")->read = true;
}

/* f's function pointers: a model_t, a pointer variable, GSL's context and integrand, a
 * stepper_t, each where a helper is its target (the model where a helper takes one). */
static void write_fnstruct(void) {
    const char *scalars[4], *steps[4], *integrands[4];
    int nscalars = targets_of(H_SCALAR, scalars), nsteps = targets_of(H_STEP, steps),
        nintegrands = targets_of(H_PARAMS, integrands);
    bool model_helper = false;
    for (int h = 0; h < nhelpers; h++)
        model_helper |= helpers[h].kind == H_MODEL;
    stepper = NULL;
    if (nscalars && (model_helper || chance(70)))
        decl_model(scalars, nscalars);
    if (nscalars && chance(60))
        decl_fn_var(scalars, nscalars);
    if (nintegrands)
        decl_params(integrands, nintegrands);
    if (nsteps)
        decl_stepper(steps, nsteps);
}

/* A statement of class fnstruct in f: an Euler step, or a pointer chosen anew (in a loop: the
 * call after it must see the new target). */
static void stmt_fnstruct(void) {
    if (stepper && chance(35)) {
        stmt_step(stepper_via && chance(50));
        return;
    }
    const char *t[4];
    bool scalar = chance(50);
    Var *fn = random_var(scalar ? V_FN : V_FNCTX, true);
    int n = targets_of(scalar ? H_SCALAR : H_PARAMS, t);
    if (fn && n)
        choose_target(fn->name, t, n);
    else
        stmt_assign();
}

/* Work arrays of f on the heap: a copy of X (memcpy), a calloc'd one filled from Y, a
 * memset one; freed before f returns. */
static void write_heap_arrays(const char *names[5]) {
    for (int h = 0, count = 1 + (int)rnd(2); h < count; h++) {
        const char *p = fresh_name("heap");
        heap_arrays[nheap++] = p;
        heap_used = true;
        switch (rnd(3)) {
        case 0:
            line("double *%s = malloc((size_t)%s * sizeof(double));", p, names[1]);
            line("memcpy(%s, %s, (size_t)%s * sizeof(double));", p, names[2], names[1]);
            add_var(p, V_ARRAY, names[1]);
            break;
        case 1: {
            const char *i = fresh_name("i");
            line("double *%s = calloc((unsigned)%s, sizeof *%s);", p, names[3], p);
            line("for (int %s = 0; %s < %s; %s++)", i, i, names[3], i);
            line("    %s[%s] += %s[%s] * %s;", p, i, names[4], i, expr(1));
            add_var(p, V_ARRAY, names[3]);
            break;
        }
        default:
            line("double *%s = malloc(3 * sizeof *%s);", p, p);
            line("memset(%s, 0, 3 * sizeof(double));", p);
            line("%s[1] = %s;", p, expr(2));
            add_var(p, V_ARRAY, "3");
            break;
        }
    }
}

/* Row matrices of f, allocated as in Burkardt's codes: double **a = malloc(rows * sizeof *a),
 * each row by a counting loop (malloc or calloc), filled from X, Y and a computed value (in the
 * loop that allocates the rows or after it); freed row by row and whole before f returns. */
static void write_row_matrices(const char *names[5]) {
    for (int k = 0, count = 1 + chance(30); k < count; k++) {
        const char *dims[] = {names[1], names[3], fmt("%u", 2 + rnd(3))};
        const char *a = fresh_name("rows"), *i = fresh_name("i"), *j = fresh_name("j");
        const char *nr = dims[rnd(3)], *nc = dims[rnd(3)];
        bool fused = chance(50);
        heap_used = true;
        line("double **%s = malloc((size_t)%s * sizeof *%s);", a, nr, a);
        line("for (int %s = 0; %s < %s; %s++)%s", i, i, nr, i, fused ? " {" : "");
        if (chance(50))
            line("    %s[%s] = malloc((size_t)%s * sizeof **%s);", a, i, nc, a);
        else
            line("    %s[%s] = calloc((unsigned)%s, sizeof(double));", a, i, nc);
        if (!fused)
            line("for (int %s = 0; %s < %s; %s++)", i, i, nr, i);
        line("    for (int %s = 0; %s < %s; %s++)", j, j, nc, j);
        line("        %s[%s][%s] = %s * %s[(%s + %s) %% %s] + %s[(%s + 2 * %s) %% %s];", a, i, j, expr(1),
             names[2], i, j, names[1], names[4], i, j, names[3]);
        if (fused)
            line("}");
        Var *v = add_var(a, V_ROWS, nr);
        v->len2 = nc;
        v->allocated = true;
        row_mats[nrow_mats] = a;
        row_counts[nrow_mats++] = nr;
    }
}

/* The byte count of variable-length array v of `length` doubles: spelled out, or its sizeof. */
static const char *vla_bytes(const char *v, const char *length) {
    switch (rnd(3)) {
    case 0: return fmt("(size_t)(%s) * sizeof(double)", length);
    case 1: return fmt("sizeof %s", v);
    default: return fmt("sizeof(%s)", v);
    }
}

/* Variable-length work arrays of f: double v[N] cleared by memset (gcc -O2 cannot tell that a
 * loop to N alone sets v[N - 1]: -Wmaybe-uninitialized, seed 3500118) and filled from X by a
 * loop to N or to its element count `sizeof v / sizeof v[0]`, and sometimes double w[M + 1]
 * cleared, then one element set. */
static void write_vla_arrays(const char *names[5]) {
    const char *v = fresh_name("vla"), *i = fresh_name("i");
    line("double %s[%s];", v, names[1]);
    line("memset(%s, 0, %s);", v, vla_bytes(v, names[1]));
    libc_used = true;
    const char *count = chance(30) ? fmt("(int)(sizeof %s / sizeof %s[0])", v, v) : names[1];
    line("for (int %s = 0; %s < %s; %s++)", i, i, count, i);
    line("    %s[%s] = %s[%s] * %s;", v, i, names[2], i, expr(1));
    add_var(v, V_ARRAY, names[1]);
    if (chance(50)) {
        const char *w = fresh_name("vla");
        line("double %s[%s + 1];", w, names[3]);
        line("memset(%s, 0, %s);", w, vla_bytes(w, fmt("%s + 1", names[3])));
        line("%s[%s] = %s;", w, names[3], expr(2));
        add_var(w, V_ARRAY, fmt("(%s + 1)", names[3]));
    }
}

/* A grid of f, as C99 solvers keep fields: double g[N][M + 1], cleared by memset, filled from X
 * and Y by a loop nest; statements then read and write its elements and rows. */
static void write_grid(const char *names[5]) {
    const char *g = fresh_name("grid"), *i = fresh_name("i"), *j = fresh_name("j");
    line("double %s[%s][%s + 1];", g, names[1], names[3]);
    line("memset(%s, 0, sizeof %s);", g, g);
    libc_used = true;
    line("for (int %s = 0; %s < %s; %s++)", i, i, names[1], i);
    line("    for (int %s = 0; %s < %s + 1; %s++)", j, j, names[3], j);
    line("        %s[%s][%s] = %s[%s] * %s + 0.25 * %s[%s %% %s];", g, i, j, names[2], i, expr(1), names[4], j,
         names[3]);
    Var *v = add_var(g, V_ARRAY2, names[1]);
    v->len2 = fmt("(%s + 1)", names[3]);
    v->grid = true;
}

/* Writes the annotated function f(A, N, X, M, Y) (its annotation is printed later). */
static void write_top(const char *names[5]) {
    begin_function();
    writing_top = true;
    callable = writable_globals() ? 0 : nhelpers; /* helpers may read the globals: none is called
                                                     before f sets them */
    budget = 10 + (int)rnd(31);
    for (int i = 0; i < 5; i++)
        names[i] = fresh_name((const char *[]){"a", "n", "x", "m", "y"}[i]);
    top_n = names[1];
    add_var(names[0], V_DOUBLE, NULL)->readonly = !on(F_PARAMWRITE);
    add_var(names[1], V_INT, NULL)->readonly = true;
    add_var(names[2], V_ARRAY, names[1])->readonly = true;
    add_var(names[3], V_INT, NULL)->readonly = true;
    add_var(names[4], V_ARRAY, names[3]);
    sink = fresh_name("acc");
    /* the Jacobian has a column per entry value of Y when f reads them: it does, first */
    line("double %s = %s%s;", sink, jacobian ? fmt("0.25 * %s[0] + ", names[4]) : "", expr(2));
    add_var(sink, V_DOUBLE, NULL)->read = true;
    for (int g = 0; g < nglobals; g++) /* f sets the globals on entry: each call starts alike */
        if (globals[g].kind == V_DOUBLE)
            line("%s = %s;", globals[g].name, expr(2));
        else if (!globals[g].readonly)
            line("%s[0] = %s, %s[1] = %s, %s[2] = %s;", globals[g].name, expr(1), globals[g].name,
                 expr(1), globals[g].name, expr(1));
    add_globals();
    callable = nhelpers;
    if (on(F_HEAP) && chance(30))
        write_heap_arrays(names);
    bool rows_helper = false;
    for (int h = 0; h < nhelpers; h++)
        rows_helper |= helpers[h].kind == H_ROWS;
    if (rows_helper || (on(F_ROWS) && chance(30)))
        write_row_matrices(names);
    if (on(F_VLA) && chance(30))
        write_vla_arrays(names);
    if (on(F_GRID) && chance(40))
        write_grid(names);
    bool sys_helper = false;
    for (int h = 0; h < nhelpers; h++)
        sys_helper |= helpers[h].kind == H_SYS || helpers[h].kind == H_SYSR;
    if (sys_helper || (on(F_SYSSTRUCT) && chance(25)))
        decl_sys(names);
    fn_names = names;
    if (on(F_FNSTRUCT))
        write_fnstruct();
    for (int h = 0; h < nhelpers; h++)
        if (helpers[h].kind == H_STRUCTS && !random_var(V_STRUCTS, false))
            stmt_decl_structs(); /* read by a call, or at the end (the calls may take literals: entry 78) */
    for (int h = 0; h < nhelpers; h++)
        if (helpers[h].kind == H_MATRIX && !matrix_arg()) {
            line("double %s[2][3] = {{%s, %s, 0.5}, {%s, 1.0, %s}};", fresh_name("mat"), expr(1),
                 expr(1), expr(1), expr(1));
            add_var(used_names[nused - 1], V_ARRAY2, "2")->len2 = "3";
        }
    Ctx c = {0, false, nheap == 0 && nrow_mats == 0, NULL, NULL, false, false}; /* no early return past a free */
    while (budget > 0)
        stmt(c, 1);
    for (int h = 0; h < nhelpers; h++)
        if (helpers[h].calls == 0)
            call_once(&helpers[h], names);
    if (walk_helper && walk_helper_calls == 0)
        stmt_structwalk(true);
    if (gather_helper && gather_helper_calls == 0)
        stmt_gather_call(true);
    if (csr_helper && csr_helper_calls == 0)
        stmt_csr(true);
    char *ret = expr(2);
    close_scope(0);
    if (nheap || nrow_mats) {
        const char *result = fresh_name("res");
        line("double %s = %s + %s;", result, sink, ret);
        for (int h = 0; h < nheap; h++)
            line("free(%s);", heap_arrays[h]);
        for (int h = 0; h < nrow_mats; h++) {
            const char *i = fresh_name("i");
            line("for (int %s = 0; %s < %s; %s++)", i, i, row_counts[h], i);
            line("    free(%s[%s]);", row_mats[h], i);
            line("free(%s);", row_mats[h]);
        }
        line("return %s;", result);
    } else
        line("return %s + %s;", sink, ret);
    indent = 0;
    line("}");
    writing_top = false;
}

/* Globals (a double, a double[3]) and a static const table, each drawn by its class. */
static void declare_globals(void) {
    if (on(F_GLOBALS) && chance(35)) {
        globals[nglobals++] = (Var){.name = plain_name("gv"), .kind = V_DOUBLE, .global = true};
        if (chance(50))
            globals[nglobals++] = (Var){.name = plain_name("gv"), .kind = V_ARRAY, .len = "3", .global = true};
    }
    if (on(F_TABLES) && chance(40))
        globals[nglobals++] = (Var){.name = plain_name("coef"), .kind = V_ARRAY, .len = "4", .readonly = true, .global = true};
}

/* Prints the file-scope declarations: macros, globals, tables. */
static void print_file_scope(void) {
    if (heap_used || grid_used || libc_used)
        printf("#include <stdlib.h>\n#include <string.h>\n");
    printf("#include <adc.h>\n\n");
    if (vla_param_used) /* bounds in paths that never run (q = m % n then n < 4 after m % n >= 4) */
        printf("#if defined(__GNUC__) && !defined(__clang__)\n"
               "#pragma GCC diagnostic ignored \"-Wstringop-overflow\" /* gcc: \"bound ... is negative\" */\n"
               "#endif\n\n");
    if (swap_macro_used)
        printf("#define SWAP(a, b) do { double *tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)\n\n");
    if (on(F_MACROS))
        printf("#define HALF 0.5\n#define SQ(u) ((u) * (u))\n#define MIX(u, v) (HALF * (u) + 0.25 * (v))\n\n");
    for (int g = 0; g < nglobals; g++) {
        Var *v = &globals[g];
        if (v->readonly)
            printf("static const double %s[4] = {0.5, -1.25, 0.75, 2.0};\n", v->name);
        else
            printf(v->kind == V_ARRAY ? "double %s[3];\n" : "double %s;\n", v->name);
    }
    if (nglobals)
        printf("\n");
}

/* ---- statics: f2c's static locals (`static doublereal dtemp;`) ------------------------------ */

/* Once every function is written, some scalar locals declared at the top level of a function
 * body become static, as f2c declares every local: `double d0 = e;` turns into `d0 = e;` at the
 * same place and `static double d0;` at the top of the body, `for (int k = 0; ...` into
 * `for (k = 0; ...`. adc takes such a static for an automatic local when every call assigns it
 * before it reads it (a top-level assignment where its declaration was: nothing read it
 * before), its address is never taken and its function never runs inside a call of itself
 * (static_locals.c); so only those locals, and only in such functions. Done last, after every
 * other draw: the programs of the other classes are unchanged. */

enum { OCC_ANY, OCC_NOT_CALLED, OCC_ADDRESS };

/* Whether s names w as a whole word: anywhere, where it is not called (no '(' follows), or
 * where & takes its address. */
static bool occurs(const char *s, const char *w, int how) {
    size_t n = strlen(w);
    for (const char *at = strstr(s, w); at; at = strstr(at + 1, w)) {
        if ((at > s && (isalnum((unsigned char)at[-1]) || at[-1] == '_')) || isalnum((unsigned char)at[n]) ||
            at[n] == '_')
            continue;
        if (how == OCC_ANY || (how == OCC_NOT_CALLED && at[n] != '(') ||
            (how == OCC_ADDRESS && at > s && at[-1] == '&' && (at - 1 == s || at[-2] != '&')))
            return true;
    }
    return false;
}

typedef struct Fn {
    const char *name;
    size_t body;          /* where the first line of its body starts in its text */
    bool through_pointer; /* may call through a function pointer: any function whose address is taken */
} Fn;

/* The function texts[t] holds: a helper's text starts with its signature (after ADC_DIFF, a
 * prototype), the last text is f's body. */
static Fn fn_of(int t) {
    const char *s = texts[t].s;
    Fn fn = {.name = "f", .through_pointer = strstr(s, "(*") || strstr(s, "model_t") || strstr(s, "stepper_t")};
    if (t == ntexts - 1)
        return fn;
    for (const char *l = s; *l; l = strchr(l, '\n') + 1) {
        const char *end = strchr(l, '\n');
        if (*l != ' ' && end - l >= 2 && end[-1] == '{') {
            const char *paren = strchr(l, '('), *name = paren;
            while (name > l && (isalnum((unsigned char)name[-1]) || name[-1] == '_'))
                name--;
            fn.name = fmt("%.*s", (int)(paren - name), name);
            fn.body = (size_t)(end + 1 - s);
            return fn;
        }
    }
    return fn;
}

static Fn fns[sizeof texts / sizeof texts[0]];

/* Whether function a may call function b: names it in its body, or calls through a pointer
 * and b's address is taken. */
static bool may_call(int a, int b) {
    if (occurs(texts[a].s + fns[a].body, fns[b].name, OCC_ANY))
        return true;
    if (!fns[a].through_pointer)
        return false;
    for (int t = 0; t < ntexts; t++)
        if (occurs(texts[t].s, fns[b].name, OCC_NOT_CALLED))
            return true;
    return false;
}

/* Whether a call of function from may reach function target (seen: functions already entered). */
static bool reaches(int from, int target, bool *seen) {
    for (int b = 0; b < ntexts; b++) {
        if (!may_call(from, b))
            continue;
        if (b == target)
            return true;
        if (!seen[b]) {
            seen[b] = true;
            if (reaches(b, target, seen))
                return true;
        }
    }
    return false;
}

/* Whether adc may take a static local of function t for an automatic one: t does not reach
 * itself by calls, and no function takes its address. */
static bool statics_allowed(int t) {
    bool seen[sizeof texts / sizeof texts[0]] = {false};
    for (int u = 0; u < ntexts; u++)
        if (occurs(texts[u].s, fns[t].name, OCC_NOT_CALLED))
            return false;
    return !reaches(t, t, seen);
}

/* The scalar local line l (a line of the top level of a body) declares: `T name = e;` with one
 * declarator, or `for (T name = e; ...` with one index; its type in *type, NULL if none. */
static const char *declared_scalar(const char *l, const char **type) {
    static const char *const types[] = {"unsigned long", "long long", "double", "float", "int", "long", "unsigned"};
    bool loop = strncmp(l, "for (", 5) == 0;
    l += loop ? 5 : 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t n = strlen(types[i]), len = word_len(l + n + 1);
        if (strncmp(l, types[i], n) != 0 || l[n] != ' ' || !len || isdigit((unsigned char)l[n + 1]) ||
            strncmp(l + n + 1 + len, " = ", 3) != 0)
            continue;
        const char *end = l + strcspn(l, loop ? ";" : "\n"); /* one declarator: no comma outside parentheses */
        int depth = 0;
        for (const char *c = l; c < end; c++) {
            depth += (*c == '(' || *c == '[' || *c == '{') - (*c == ')' || *c == ']' || *c == '}');
            if (*c == ',' && depth == 0)
                return NULL;
        }
        *type = types[i];
        return fmt("%.*s", (int)len, l + n + 1);
    }
    return NULL;
}

/* Where name is among the n statics declared so far, or -1. */
static int static_named(const char *const *declared, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(declared[i], name) == 0)
            return i;
    return -1;
}

static void append(Text *t, const char *s, size_t len) {
    if (len > SIZE_MAX / 4 - t->len) /* no program is that long (and gcc -O3 sees no overflow) */
        exit(2);
    if (t->len + len + 1 > t->cap) {
        t->cap = (t->len + len + 1) * 2;
        t->s = realloc(t->s, t->cap);
        if (!t->s)
            exit(2);
    }
    memcpy(t->s + t->len, s, len);
    t->len += len;
    t->s[t->len] = '\0';
}

/* Text t with some of its top-level scalar locals made static. A name declared again (the
 * index of a later loop) is the same static, as f2c's i__ is, when its type is the same. */
static Text with_statics(int t) {
    const char *s = texts[t].s, *types[64], *declared[64];
    int n = 0;
    Text body = {0}, top = {0};
    append(&body, "", 0);
    for (const char *l = s + fns[t].body; *l; l = strchr(l, '\n') + 1) {
        const char *end = strchr(l, '\n') + 1, *type = NULL;
        const char *name = strncmp(l, "    ", 4) == 0 && l[4] != ' ' ? declared_scalar(l + 4, &type) : NULL;
        int earlier = name ? static_named(declared, n, name) : -1;
        bool again = earlier >= 0 && strcmp(types[earlier], type) == 0;
        if (!again && !(name && earlier < 0 && n < 64 && !occurs(s, name, OCC_ADDRESS) && chance(60))) {
            append(&body, l, (size_t)(end - l));
            continue;
        }
        if (!again) {
            types[n] = type;
            declared[n++] = name;
        }
        const char *at = l + 4 + (strncmp(l + 4, "for (", 5) == 0 ? 5 : 0); /* the type goes */
        append(&body, l, (size_t)(at - l));
        append(&body, at + strlen(type) + 1, (size_t)(end - at) - strlen(type) - 1);
    }
    append(&top, s, fns[t].body);
    for (int i = 0; i < n; i++) { /* one declaration per type, or one per variable */
        if (!types[i])
            continue;
        char *list = fmt("%s", declared[i]);
        for (int j = i + 1; j < n && chance(70); j++)
            if (types[j] && strcmp(types[j], types[i]) == 0) {
                list = fmt("%s, %s", list, declared[j]);
                types[j] = NULL;
            }
        char *decl = fmt("    static %s %s;\n", types[i], list);
        append(&top, decl, strlen(decl));
    }
    append(&top, body.s, body.len);
    free(body.s);
    return top;
}

/* Makes static locals in some of the functions that may have them. */
static void make_statics(void) {
    for (int t = 0; t < ntexts; t++)
        fns[t] = fn_of(t);
    for (int t = 0; t < ntexts; t++)
        if (statics_allowed(t) && chance(75)) {
            Text made = with_statics(t);
            free(texts[t].s);
            texts[t] = made;
        }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: difftest_gen SEED [FEATURES]   (FEATURES: all,-float,... or none,loops,...)\n");
        return 2;
    }
    unsigned long seed = strtoul(argv[1], NULL, 10);
    rng_state = seed * 0x2545F4914F6CDD1Dull + 1;
    features = parse_features(argc == 3 ? argv[2] : "all");
    declare_globals();
    /* adc: the Jacobian wrappers do not seed active globals' shadows (refused) */
    jacobian = on(F_JACOBIAN) && seed % 2 == 0 && !writable_globals();
    bool hessian = on(F_HESSIAN) && seed % 4 < 2, hvp = on(F_HVP);
    nhelpers = on(F_HELPERS) ? (int)rnd(4) : 0;
    if (on(F_FNSTRUCT) && on(F_HELPERS) && nhelpers < 2) /* targets, and helpers taking a model */
        nhelpers = 2 + (int)rnd(3);
    for (int h = 0; h < nhelpers; h++)
        write_helper(h);
    if (on(F_STRUCTWALK) && on(F_HELPERS) && chance(60))
        write_walk_helper();
    if (on(F_MESH) && on(F_HELPERS) && chance(50))
        write_gather_helper();
    if (on(F_MESH) && on(F_HELPERS) && chance(50))
        write_csr_helper();
    const char *names[5];
    write_top(names);
    int nx = 1 + (int)rnd(5), ny = 1 + (int)rnd(4), width = struct_used || !on(F_VECTOR) ? 0 : 2 + (int)rnd(2);
    if (on(F_STATICS))
        make_statics();

    printf("/* difftest program %lu (features %s): generated by tests/difftest/gen.c */\n", seed,
           argc == 3 ? argv[2] : "all");
    printf("#include <math.h>\n");
    print_file_scope();
    if (struct_used)
        printf("struct pt {\n    double v;\n    double w;\n    int tag;\n};\n\n");
    if (grid_used)
        printf("struct grid {\n    int n;\n    double *u, *unew;\n};\n\n");
    if (sys_used)
        printf("typedef struct {\n    int n;\n    const double *x;\n    int m;\n    double *y;\n    double c;\n} sys_t;\n\n");
    if (model_used)
        printf("typedef struct {\n    double (*rhs)(double, double);\n    double k;\n} model_t;\n\n");
    if (stepper_used)
        printf("typedef struct {\n    void (*step)(int n, const double *u, double *du, double c);\n    double c;\n} stepper_t;\n\n");
    if (csr_helper)
        printf("struct csr {\n    int n;\n    const int *ia, *ja;\n    const double *a;\n};\n\n");
    if (par_used)
        printf("struct par {\n    double k;\n    const double *w;\n    int len;\n};\n\n");
    for (int t = 0; t < ntexts - 1; t++)
        printf("%s\n", texts[t].s);
    if (quad_name)
        print_quad();
    const char *vector = width ? fmt(", vector(%d)", width) : "";
    /* hvp and hessian tape f's checkpointed loops in full, in its first-order adjoint too
     * (adc warns): asked for with a checkpoint on even seeds, so that odd ones still check the
     * checkpointed first-order adjoint */
    if ((checkpoint_used && seed % 2) || heap_used) /* adc: no heap memory in hvp, hessian (refused) */
        hvp = hessian = false;
    printf("ADC_DIFF(wrt(%s, %s, %s), len(%s: %s, %s: %s), modes(tangent, %sadjoint, grad%s%s)%s)\n",
           names[0], names[2], names[4], names[2], names[1], names[4], names[3],
           width ? "tangent_vector, " : "", hvp ? ", hvp" : "", jacobian ? ", jacobian" : "", vector);
    printf("double f(double %s, int %s, const double *%s, int %s, double *%s) {\n%s",
           names[0], names[1], names[2], names[3], names[4], texts[ntexts - 1].s);
    /* f on the packed inputs (a, x, y on entry): one active array; by the vector route */
    if (hessian)
        printf("\nADC_DIFF(wrt(p), len(p: %d), modes(hessian)%s)\ndouble fh(const double *p) {\n"
               "    double y[%d];\n    for (int i = 0; i < %d; i++)\n        y[i] = p[%d + i];\n"
               "    return f(p[0], %d, p + 1, %d, y);\n}\n", 1 + nx + ny, vector, ny, ny,
               1 + nx, nx, ny);
    printf("\n#ifdef DIFFTEST_MAIN\n#define DT_SEED %luu\n#define DT_NX %d\n#define DT_NY %d\n"
           "#define DT_W %d\n#define DT_FLOAT %d\n#define DT_HVP %d\n#define DT_JAC %d\n#define DT_HESS %d\n"
           "#include \"harness.h\"\n#endif\n",
           seed, nx, ny, width, float_used, hvp, jacobian, hessian);
    for (int t = 0; t < ntexts; t++)
        free(texts[t].s);
    return 0;
}
