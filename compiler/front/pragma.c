/* pragma.c: the pragmas written on the lines right before a for loop (#pragma GCC ivdep,
 * GCC unroll 4, clang loop ..., omp simd, omp parallel for with its clauses), read from the
 * source text (libclang keeps none of them without -fopenmp, and adc reads OpenMP code so),
 * classified for the modes (ir.h Pragma); a `#pragma omp parallel` region's `omp for` loops,
 * read as `parallel for` loops with the region's clauses; and the OpenMP directives adc
 * refuses: any other (critical, barrier, single, a region holding anything but `omp for`
 * loops, an atomic that is not an update `x += e`, ...), the clauses it cannot differentiate
 * exactly, and a parallel loop that is not `for (i = a; i < b; i += c)` with no early exit.
 * `#pragma omp atomic` marks the statement below it (ir.h Stmt.atomic). */
#include <ctype.h>
#include <string.h>
#include "diag.h"
#include "pragma.h"

/* The text of the line that begins at start, without its newline. */
static const char *line_text(const char *text, size_t start, size_t end) {
    size_t n = start;
    while (n < end && text[n] != '\n' && text[n] != '\r')
        n++;
    return ir_format("%.*s", (int)(n - start), text + start);
}

/* The whole line that begins at start, without its newline. */
static const char *line_at(const char *text, size_t start) {
    return line_text(text, start, start + strcspn(text + start, "\n"));
}

/* The start of the line that holds offset at. */
static size_t line_start(const char *text, size_t at) {
    while (at > 0 && text[at - 1] != '\n')
        at--;
    return at;
}

static const char *skip_space(const char *p) {
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* The text after "#pragma " of a pragma line, or NULL. */
static const char *pragma_body(const char *line) {
    const char *p = skip_space(line);
    if (*p != '#')
        return NULL;
    p = skip_space(p + 1);
    return strncmp(p, "pragma", 6) == 0 && isspace((unsigned char)p[6]) ? skip_space(p + 6) : NULL;
}

/* Whether the line holds nothing but a for statement's start. */
static bool starts_with_for(const char *line) {
    const char *p = skip_space(line);
    return strncmp(p, "for", 3) == 0 && !isalnum((unsigned char)p[3]) && p[3] != '_';
}

static bool blank(const char *line) {
    return *skip_space(line) == '\0';
}

/* Whether the words of text begin with the words of prefix (one or more spaces apart). */
static const char *words(const char *text, const char *prefix) {
    const char *p = text;
    while (*prefix) {
        p = skip_space(p);
        size_t n = strcspn(prefix, " ");
        if (strncmp(p, prefix, n) != 0 || isalnum((unsigned char)p[n]) || p[n] == '_')
            return NULL;
        p += n;
        prefix += n + (prefix[n] == ' ');
    }
    return skip_space(p);
}

/* The words of a preprocessor line after its '#', or NULL. */
static const char *directive(const char *line) {
    const char *p = skip_space(line);
    return *p == '#' ? skip_space(p + 1) : NULL;
}

/* Whether a line is `#ifdef _OPENMP` or `#if defined(_OPENMP)`. */
static bool openmp_ifdef(const char *line) {
    const char *p = directive(line), *rest = p ? words(p, "ifdef _OPENMP") : NULL;
    if (p && !rest)
        rest = words(p, "if defined(_OPENMP)");
    return rest && (*rest == '\0' || strncmp(rest, "//", 2) == 0 || strncmp(rest, "/*", 2) == 0);
}

/* Whether the line that starts at start is an `#endif` closing an `#ifdef _OPENMP` that holds
 * nothing but pragmas: codes guard their OpenMP pragmas so, and adc reads them as -fopenmp
 * does (an `#endif` of anything else, `#if 0` say, keeps hiding the pragmas above it). */
static bool openmp_endif(const char *text, size_t start) {
    const char *p = directive(line_at(text, start));
    if (!p || !words(p, "endif"))
        return false;
    while (start > 0) {
        size_t prev = line_start(text, start - 1);
        const char *ln = line_at(text, prev);
        if (openmp_ifdef(ln))
            return true;
        if (!blank(ln) && !pragma_body(ln))
            return false;
        start = prev;
    }
    return false;
}

/* Whether the line at start is one adc looks through between a pragma and what it governs. */
static bool openmp_guard(const char *text, size_t start) {
    return openmp_ifdef(line_at(text, start)) || openmp_endif(text, start);
}

/* ---- OpenMP clauses ---- */

typedef struct ClauseReader {
    const char *text;       /* the pragma line */
    SrcLoc at;              /* of the line's start */
    Pragma *pragma;
    const Stmt *loop;
    PragmaResolve resolve;
    void *ctx;
} ClauseReader;

static SrcLoc place(const ClauseReader *r, const char *p) {
    return (SrcLoc){r->at.file, r->at.line, r->at.col + (unsigned)(p - r->text)};
}

static void add_var(OmpClause *c, Var *v) {
    IR_APPEND(c->vars, c->nvars, v);
}

/* The variables of a list `a, b` (after `+ :` for a reduction). */
static int read_list(ClauseReader *r, OmpClause *c, const char *list, const char *end) {
    for (const char *p = list; p < end;) {
        p = skip_space(p);
        const char *name = p;
        while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
            p++;
        const char *after = skip_space(p);
        if (p == name || (after < end && *after != ',')) {
            error_at(place(r, name), "OpenMP clause '%s' names something adc cannot read as a variable: "
                     "only plain variable names are supported", c->name);
            return -1;
        }
        Var *v = NULL;
        if (r->resolve(r->ctx, ir_format("%.*s", (int)(p - name), name), r->loop, &v) != 0) {
            error_at(place(r, name), "'%.*s' names two variables this loop uses; rename one", (int)(p - name), name);
            return -1;
        }
        if (v) /* a variable the loop does not use does not matter to its derivatives */
            add_var(c, v);
        p = after + (after < end);
    }
    return 0;
}

static const char *const list_clauses[] = {"private", "firstprivate", "lastprivate", "shared", "reduction"};
static const char *const verbatim_clauses[] = {"schedule", "num_threads", "if", "proc_bind", "safelen", "simdlen",
                                               "collapse"};

static bool among(const char *name, const char *const *names, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

/* The operator of a reduction written op..colon: "+", "max" or "min", or NULL. */
static const char *reduction_op(const char *op, const char *colon) {
    static const char *const ops[] = {"+", "max", "min"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strncmp(op, ops[i], strlen(ops[i])) == 0 && skip_space(op + strlen(ops[i])) == colon)
            return ops[i];
    return NULL;
}

/* One clause at p (its name, its parenthesized arguments); returns what follows, or NULL. */
static const char *read_clause(ClauseReader *r, const char *p) {
    const char *name = p;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    OmpClause c = {.name = ir_format("%.*s", (int)(p - name), name), .at = place(r, name)};
    const char *args = skip_space(p), *close = args;
    if (*args == '(') {
        for (int depth = 0; *close; close++)
            if ((depth += (*close == '(') - (*close == ')')) == 0)
                break;
        if (!*close) {
            error_at(place(r, args), "unbalanced parentheses in this OpenMP clause");
            return NULL;
        }
    }
    c.text = ir_format("%.*s", (int)(close + (*close == ')') - name), name);
    /* default: a compile-time check; nowait (of an `omp for`): the loop ends with its region's
     * threads waiting instead, which a program without races cannot tell. Both dropped. */
    bool default_clause = strcmp(c.name, "default") == 0 || strcmp(c.name, "nowait") == 0;
    if (!among(c.name, list_clauses, 5) && !among(c.name, verbatim_clauses, 7) && !default_clause) {
        error_at(place(r, name), "the OpenMP clause '%s' is not supported by adc (it differentiates "
                 "private, firstprivate, lastprivate, shared, reduction(+: ...), schedule, collapse, "
                 "num_threads, if, default and nowait)", c.name);
        return NULL;
    }
    if (among(c.name, list_clauses, 5) && *args == '(') {
        const char *list = args + 1;
        if (strcmp(c.name, "reduction") == 0) {
            const char *colon = strchr(list, ':');
            if (!colon || colon > close || !(c.op = reduction_op(skip_space(list), colon))) {
                error_at(place(r, name), "only reduction(+: ...) is supported by adc (and max or min of "
                         "values without derivatives)");
                return NULL;
            }
            list = colon + 1;
        }
        if (read_list(r, &c, list, close) != 0)
            return NULL;
    }
    if (!default_clause) {
        Pragma *pr = r->pragma;
        IR_APPEND(pr->clauses, pr->nclauses, c);
    }
    return close + (*close == ')');
}

/* The loop directives adc differentiates, longest first (`for`: inside a parallel region). */
static const char *const directives[] = {"parallel for simd", "parallel for", "for simd", "for", "simd"};

/* p past a comment that starts there: a line comment, or block comments and the spaces after. */
static const char *past_comment(const char *p) {
    if (strncmp(p, "//", 2) == 0)
        return p + strlen(p);
    const char *close = strncmp(p, "/*", 2) == 0 ? strstr(p + 2, "*/") : NULL;
    return close ? past_comment(skip_space(close + 2)) : p;
}

/* The clauses from p to the end of the line (or a comment) into r->pragma. */
static int read_clauses(ClauseReader *r, const char *p) {
    while (*(p = past_comment(skip_space(p)))) {
        if (*p == ',') {
            p++;
            continue;
        }
        if (!(p = read_clause(r, p)))
            return -1;
    }
    return 0;
}

static int read_openmp(ClauseReader *r, const char *omp) {
    const char *p = NULL;
    for (size_t i = 0; i < sizeof directives / sizeof directives[0] && !p; i++)
        if ((p = words(omp + 3, directives[i])))
            r->pragma->directive = directives[i];
    if (!p) {
        error_at(place(r, omp), "the OpenMP directive '#pragma %s' is not supported by adc before a "
                 "loop (only 'omp parallel for', 'omp for' in a parallel region, and 'omp simd')", omp);
        return -1;
    }
    r->pragma->kind = PRAGMA_OPENMP;
    r->pragma->parallel = strncmp(r->pragma->directive, "parallel", 8) == 0;
    return read_clauses(r, p);
}

/* ---- parallel regions ---- */

/* The offset of the innermost `{` still open at offset end of text (comments, string and
 * character literals and preprocessor lines skipped), or -1. */
static long open_brace(const char *text, size_t end) {
    long stack[64];
    int depth = 0, lost = 0; /* lost: braces open deeper than the stack holds */
    bool line_start = true;
    for (size_t p = 0; p < end; p++) {
        char ch = text[p];
        if (line_start && *skip_space(text + p) == '#') { /* a preprocessor line */
            while (p < end && text[p] != '\n')
                p += text[p] == '\\' ? 2 : 1;
            continue;
        }
        line_start = ch == '\n' || (line_start && (ch == ' ' || ch == '\t'));
        if (ch == '/' && text[p + 1] == '/')
            while (p < end && text[p + 1] != '\n')
                p++;
        else if (ch == '/' && text[p + 1] == '*') {
            for (p += 2; p < end && !(text[p] == '*' && text[p + 1] == '/'); p++)
                ;
            p++;
        }
        else if (ch == '"' || ch == '\'')
            for (p++; p < end && text[p] != ch; p++)
                p += text[p] == '\\';
        else if (ch == '{' && depth < 64)
            stack[depth++] = (long)p;
        else if (ch == '{')
            lost++;
        else if (ch == '}' && lost)
            lost--;
        else if (ch == '}' && depth)
            depth--;
    }
    return depth && !lost ? stack[depth - 1] : -1;
}

/* The start of the line before the one that starts at start, blank lines and OpenMP guards
 * skipped (*found: there is one). */
static size_t line_above(const char *text, size_t start, bool *found) {
    *found = false;
    while (start > 0) {
        size_t prev = line_start(text, start - 1);
        bool blank_line = blank(line_at(text, prev)) || openmp_guard(text, prev);
        start = prev;
        if (!blank_line) {
            *found = true;
            break;
        }
    }
    return start;
}

/* Whether a pragma body is `omp parallel` with clauses only (a region, not a loop or sections). */
static bool region_directive(const char *body) {
    const char *p = words(body, "omp parallel");
    static const char *const constructs[] = {"for", "sections", "loop", "master", "masked", "workshare"};
    for (size_t i = 0; p && i < sizeof constructs / sizeof constructs[0]; i++)
        if (words(p, constructs[i]))
            return false;
    return p != NULL;
}

/* The `#pragma omp parallel` line right above the `{` (alone at the start of its line) that
 * encloses offset at of text: its start, or -1. */
static long region_line(const char *text, size_t at) {
    long brace = open_brace(text, at);
    if (brace < 0)
        return -1;
    size_t start = line_start(text, (size_t)brace);
    bool found;
    if (*skip_space(text + start) != '{' || skip_space(text + start) != text + brace)
        return -1;
    size_t above = line_above(text, start, &found);
    const char *body = found ? pragma_body(line_text(text, above, (size_t)brace)) : NULL;
    return body && region_directive(body) ? (long)above : -1;
}

static unsigned line_number(const char *text, size_t offset) {
    unsigned line = 1;
    for (size_t p = 0; p < offset; p++)
        line += text[p] == '\n';
    return line;
}

/* Reads into r->pragma, an `omp for` inside a parallel region, the clauses of the region's
 * `#pragma omp parallel` (those the loop uses and does not list itself), and makes it a
 * `parallel for`: the region holds nothing but such loops (pragma_check_openmp), so it runs
 * each loop as a parallel loop of its own would. */
static int read_region(ClauseReader *r, const char *text, size_t begin) {
    long start = region_line(text, begin);
    if (start < 0) {
        error_at(place(r, pragma_body(r->text)), "'#pragma omp %s' is supported by adc only directly inside the block of a "
                 "'#pragma omp parallel' region (the '{' on the line below it)", r->pragma->directive);
        return -1;
    }
    const char *ln = line_text(text, (size_t)start, begin), *body = pragma_body(ln);
    Pragma region = {0};
    ClauseReader rr = {ln, {r->at.file, line_number(text, (size_t)start), 1}, &region, r->loop, r->resolve, r->ctx};
    if (read_clauses(&rr, words(body, "omp parallel")) != 0)
        return -1;
    Pragma *p = r->pragma;
    for (int k = 0; k < region.nclauses; k++) {
        OmpClause c = region.clauses[k];
        if (strcmp(c.name, "firstprivate") == 0 || strcmp(c.name, "lastprivate") == 0) {
            error_at(c.at, "'%s' on a parallel region is not supported by adc (a thread's copy carries over "
                     "from one loop to the next): write it on each '#pragma omp for'", c.name);
            return -1;
        }
        int kept = 0;
        for (int i = 0; i < c.nvars; i++) {
            const OmpClause *listed = NULL;
            for (int j = 0; j < p->nclauses; j++)
                for (int v = 0; v < p->clauses[j].nvars; v++)
                    listed = p->clauses[j].vars[v] == c.vars[i] ? &p->clauses[j] : listed;
            if (listed && strcmp(listed->name, c.name) != 0) { /* region: private(s), loop: reduction(+: s) */
                error_at(listed->at, "'%s' is %s in its parallel region and %s in this loop: adc reads the "
                         "loop as a parallel loop of its own, which would differ; list it once", c.vars[i]->name,
                         c.name, listed->name);
                return -1;
            }
            if (!listed)
                c.vars[kept++] = c.vars[i];
        }
        if (c.nvars && !kept)
            continue;
        c.nvars = kept;
        IR_APPEND(p->clauses, p->nclauses, c);
    }
    p->directive = ir_format("parallel %s", p->directive);
    p->parallel = p->in_region = true;
    return 0;
}

/* ---- a parallel loop's shape ---- */

static const Stmt *only(const Stmt *s) {
    while (s && s->kind == ST_BLOCK && s->nbody == 1)
        s = s->body[0];
    return s;
}

/* Whether s leaves the loop it is in other than by finishing a trip (break, return, goto). */
static bool exits(const Stmt *s, bool nested) {
    if (!s)
        return false;
    switch (s->kind) {
    case ST_BREAK: return !nested;
    case ST_RETURN: case ST_GOTO: return true;
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (exits(s->body[i], nested))
                return true;
        return false;
    case ST_IF: return exits(s->then, nested) || exits(s->els, nested);
    case ST_FOR: case ST_WHILE: case ST_DO: return exits(s->then, true);
    default: return false;
    }
}

/* The index of OpenMP's canonical loop: for (i = a; i < b; i += c) (<=, >, >=, -=) with an int
 * i the body does not change and no early exit; NULL if s is not one. */
static Var *canonical_index(const Stmt *s) {
    const Stmt *init = only(s->init), *step = only(s->step);
    Var *i = !init ? NULL : init->kind == ST_DECL ? init->var
           : init->kind == ST_ASSIGN && init->op == OP_NONE && init->lhs->kind == EX_VAR ? init->lhs->var : NULL;
    if (!i || i->type->kind != TY_INT || !s->cond || !step || step->kind != ST_ASSIGN)
        return NULL;
    Op op = s->cond->op;
    bool compares = op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
    bool steps = (step->op == OP_ADD || step->op == OP_SUB) && step->lhs->kind == EX_VAR && step->lhs->var == i;
    return compares && s->cond->lhs->kind == EX_VAR && s->cond->lhs->var == i && steps &&
           !expr_mentions(s->cond->rhs, i) && !stmt_assigns(s->then, i) && !exits(s->then, false) ? i : NULL;
}

/* The number of loops collapse(n) joins (1 without it; 0 if n is not a number 1..8). */
static int collapsed(const Pragma *p) {
    for (int k = 0; k < p->nclauses; k++)
        if (strcmp(p->clauses[k].name, "collapse") == 0) {
            const char *open = skip_space(p->clauses[k].text + strlen("collapse"));
            const char *n = skip_space(open + (*open == '('));
            return *open == '(' && n[0] >= '1' && n[0] <= '8' && *skip_space(n + 1) == ')' ? n[0] - '0' : 0;
        }
    return 1;
}

/* Whether s starts `depth` canonical loops, each the whole body of the one around it, whose
 * first index, bound and step do not change with the indices outer[0..nouter) (a rectangular
 * nest, as collapse joins them). */
static bool nest_canonical(const Stmt *s, int depth, Var **outer, int nouter) {
    Var *i = s && s->kind == ST_FOR ? canonical_index(s) : NULL;
    if (!i)
        return false;
    for (int k = 0; k < nouter; k++)
        if (stmt_mentions(s->init, outer[k]) || expr_mentions(s->cond->rhs, outer[k]) ||
            stmt_mentions(s->step, outer[k]))
            return false;
    outer[nouter] = i;
    return depth == 1 || nest_canonical(only(s->then), depth - 1, outer, nouter + 1);
}

/* ---- reading ---- */

static Pragma classify(const char *body) {
    Pragma p = {.kind = PRAGMA_HINT, .text = body};
    if (words(body, "GCC ivdep") || words(body, "ivdep") ||
        (words(body, "clang loop") && strstr(body, "assume_safety")))
        p.kind = PRAGMA_INDEPENDENT;
    else if (!words(body, "GCC unroll") && !words(body, "unroll") && !words(body, "nounroll") &&
             !words(body, "clang loop"))
        p.text = NULL; /* not about loops */
    return p;
}

/* Adds the variables s declares (in nested blocks and loop headers too) to p's own. */
static void declared_in(const Stmt *s, Pragma *p) {
    if (!s)
        return;
    if (s->kind == ST_DECL)
        IR_APPEND(p->own, p->nown, s->var);
    for (int i = 0; s->kind == ST_BLOCK && i < s->nbody; i++)
        declared_in(s->body[i], p);
    declared_in(s->init, p);
    declared_in(s->step, p);
    declared_in(s->then, p);
    declared_in(s->els, p);
}

int pragma_read_loop(const char *text, size_t begin, SrcLoc loop_at, Stmt *loop, PragmaResolve resolve,
                     void *ctx) {
    size_t start = line_start(text, begin);
    if (!starts_with_for(line_text(text, start, begin + 3)))
        return 0; /* the for comes from a macro, or shares its line */
    int errors = 0;
    unsigned line = loop_at.line;
    while (start > 0) {
        size_t prev = line_start(text, start - 1);
        const char *ln = line_at(text, prev), *body = pragma_body(ln);
        start = prev;
        line--;
        if (blank(ln) || openmp_guard(text, prev))
            continue;
        if (!body)
            break;
        ClauseReader r = {ln, {loop_at.file, line, 1}, NULL, loop, resolve, ctx};
        Pragma p = classify(body);
        r.pragma = &p;
        if (words(body, "omp")) {
            p.text = body;
            if (read_openmp(&r, body) != 0 ||
                (strncmp(p.directive, "for", 3) == 0 && read_region(&r, text, begin) != 0)) {
                errors++;
                continue;
            }
            Var *indices[8];
            int depth = collapsed(&p);
            if (p.parallel && depth == 1 && !nest_canonical(loop, 1, indices, 0)) {
                error_at(place(&r, body), "'#pragma omp %s' needs a loop `for (i = a; i < b; i += c)` whose body "
                         "does not change i and has no break, return or goto", p.directive);
                errors++;
                continue;
            }
            if (depth != 1 && !nest_canonical(loop, depth, indices, 0)) {
                error_at(place(&r, body), "collapse needs as many loops `for (i = a; i < b; i += c)` as it "
                         "joins (1 to 8), each the whole body of the one around it, whose bounds and steps do not "
                         "use the outer indices and with no break, return or goto");
                errors++;
                continue;
            }
        }
        if (!p.text)
            continue;
        if (p.parallel)
            declared_in(loop->then, &p);
        Pragma *grown = ir_alloc(sizeof(Pragma) * (size_t)(loop->npragmas + 1));
        grown[0] = p; /* read upwards: each goes before the ones below it */
        if (loop->npragmas)
            memcpy(grown + 1, loop->pragmas, sizeof(Pragma) * (size_t)loop->npragmas);
        loop->pragmas = grown;
        loop->npragmas++;
    }
    return errors;
}

/* The block of body that starts at line:col, or NULL. */
static const Stmt *block_at(const Stmt *s, unsigned line, unsigned col) {
    if (!s)
        return NULL;
    if (s->kind == ST_BLOCK && s->loc.line == line && s->loc.col == col)
        return s;
    const Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = block_at(s->body[i], line, col);
    const Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = block_at(parts[i], line, col);
    return found;
}

/* Whether the block at line:col holds nothing but loops under `omp for` (read by read_region). */
static bool region_of_loops(const Stmt *body, unsigned line, unsigned col) {
    const Stmt *block = block_at(body, line, col);
    if (!block)
        return false;
    for (int i = 0; i < block->nbody; i++) {
        const Stmt *s = block->body[i];
        bool worksharing = false;
        for (int k = 0; s->kind == ST_FOR && k < s->npragmas; k++)
            worksharing |= s->pragmas[k].in_region;
        if (!worksharing)
            return false;
    }
    return true;
}

/* The statements of body that start on line (loops and blocks too) into found[0..2); their
 * number, at most 2. */
static int stmts_on_line(Stmt *s, unsigned line, Stmt **found, int n) {
    if (!s || n == 2)
        return n;
    if (s->kind != ST_BLOCK && s->loc.line == line)
        found[n++] = s;
    for (int i = 0; i < s->nbody; i++)
        n = stmts_on_line(s->body[i], line, found, n);
    Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        n = stmts_on_line(parts[i], line, found, n);
    return n;
}

/* Whether e calls a function other than math.h's. */
static bool calls_beyond_math(const Expr *e) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && !e->math)
        return true;
    for (int i = 0; e->kind == EX_CALL && i < e->nargs; i++)
        if (calls_beyond_math(e->args[i]))
            return true;
    return calls_beyond_math(e->lhs) || calls_beyond_math(e->rhs) || calls_beyond_math(e->cond);
}

/* Marks the statement on line under `#pragma omp atomic` (at: the pragma): an update `x += e`
 * or `x -= e` with no call of the user's, whose adjoint reads x's adjoint and adds to those of
 * e (atomically where the backward trips share them). Returns the number of errors. */
static int mark_atomic(Stmt *fn_body, unsigned line, SrcLoc at, const char *body) {
    const char *rest = words(body, "omp atomic");
    rest = words(rest, "update") ? words(rest, "update") : rest;
    Stmt *found[2];
    int n = stmts_on_line(fn_body, line, found, 0);
    Stmt *s = found[0];
    if (*past_comment(rest) || n != 1 || s->kind != ST_ASSIGN || (s->op != OP_ADD && s->op != OP_SUB) || calls_beyond_math(s->rhs) ||
        calls_beyond_math(s->lhs)) {
        error_at(at, "'#pragma %s' is supported by adc only as 'omp atomic' (or 'omp atomic update') right above "
                 "a statement `x += e;` or `x -= e;` of its own line, calling no function but math.h's", body);
        return 1;
    }
    s->atomic = true;
    return 0;
}

/* Whether a pragma line ends with a backslash: it goes on on the next line. */
static bool continued(const char *body) {
    size_t n = strlen(body);
    while (n > 0 && isspace((unsigned char)body[n - 1]))
        n--;
    return n > 0 && body[n - 1] == '\\';
}

int pragma_check_openmp(const char *text, size_t begin, size_t end, SrcLoc at, Stmt *fn_body) {
    int errors = 0;
    unsigned line = at.line;
    for (size_t p = line_start(text, begin); p < end; line++) {
        const char *ln = line_text(text, p, end), *body = pragma_body(ln);
        p += strlen(ln);
        p += p < end && text[p] == '\r';
        p += p < end && text[p] == '\n';
        if (!body || !words(body, "omp"))
            continue;
        size_t next = p; /* the pragma belongs to a loop if the next line that is not one starts it */
        unsigned after_line = line;
        const char *after;
        bool guard;
        do {
            guard = openmp_guard(text, next);
            after = line_text(text, next, end);
            next += strlen(after) + 1;
            after_line++;
        } while (next < end && (blank(after) || pragma_body(after) || guard));
        if (starts_with_for(after))
            continue;
        SrcLoc place = {at.file, line, (unsigned)(body - ln) + 1};
        if (continued(body)) {
            error_at(place, "an OpenMP pragma continued on the next line with '\\' is not supported by adc: "
                     "write the directive and its clauses on one line");
            errors++;
            continue;
        }
        if (words(body, "omp atomic")) {
            errors += mark_atomic(fn_body, after_line, place, body);
            continue;
        }
        if (region_directive(body) && *skip_space(after) == '{') {
            if (region_of_loops(fn_body, after_line, (unsigned)(skip_space(after) - after) + 1))
                continue;
            error_at(place, "a '#pragma omp parallel' region is supported by adc only when its block holds "
                     "nothing but for loops, each under '#pragma omp for'");
            errors++;
            continue;
        }
        error_at(place, "the OpenMP directive '#pragma %s' is not supported by adc in a function it differentiates "
                 "(only 'omp parallel for' and 'omp simd' written right before a for loop, 'omp parallel' "
                 "regions of 'omp for' loops, and 'omp atomic' updates)%s", body,
                 words(body, "omp critical") ? ": write a sum as a reduction(+: ...), or each update `x += e;` "
                 "under '#pragma omp atomic'" : "");
        errors++;
    }
    return errors;
}
