/* goto.c: removes goto and labels from a lowered body, before any analysis sees it. A goto
 * that jumps forward to a label of a block around it (a cleanup or exit label, `goto next` at
 * the end of a loop body, a jump out of nested loops) becomes a flag:
 *     for (...) { ... if (bad) goto out; ... }  rest;  out: tail;
 * is rewritten as
 *     int to_out = 0;
 *     for (...) { ... if (bad) { to_out = 1; break; } ... }
 *     if (!to_out) { rest; }  to_out = 0;  tail;
 * The goto sets the flag and leaves the loops it is in (break, and `if (flag) break;` after
 * each inner loop), the statements it skips run under `if (!flag)`, and the label clears the
 * flag. Gotos backward to a label of a block around them (a loop written with goto, as f2c
 * writes them) first become a loop whose trips such a goto starts as a forward goto to the
 * end of its body would:
 *     again: body;  if (more) goto again;  tail;
 * is rewritten as
 *     again:  int again_again = 0;
 *     do { again_again = 0; body; if (more) { again_again = 1; } } while (again_again == 1);  tail;
 * A goto into a block is refused. */
#include <string.h>
#include "diag.h"
#include "goto.h"

typedef struct Jump {
    Func *fn;
    const char *label;
    Var *flag;
} Jump;

static bool is_loop(const Stmt *s) {
    return s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
}

static Expr *flag_is(const Jump *j, int value, SrcLoc loc) {
    return expr_binary(OP_EQ, expr_var(j->flag, loc), expr_int(value, loc), type_int());
}

static Stmt *set_flag(const Jump *j, int value, SrcLoc loc) {
    Stmt *s = stmt_new(j->fn, ST_ASSIGN, loc);
    s->lhs = expr_var(j->flag, loc);
    s->rhs = expr_int(value, loc);
    return s;
}

static Stmt *new_block(const Jump *j, SrcLoc loc) {
    Stmt *b = stmt_new(j->fn, ST_BLOCK, loc);
    b->scope = true;
    return b;
}

/* `if (flag == value) then` */
static Stmt *if_flag(const Jump *j, int value, Stmt *then, SrcLoc loc) {
    Stmt *s = stmt_new(j->fn, ST_IF, loc);
    s->cond = flag_is(j, value, loc);
    s->then = then;
    return s;
}

/* The jump to the label of mark, with a new flag named prefix_label. */
static Jump new_jump(Func *fn, const Stmt *mark, const char *prefix) {
    const char *name = func_new_name(fn, ir_format("%s_%s", prefix, mark->label));
    return (Jump){fn, mark->label, func_add_var(fn, name, type_int(), VAR_LOCAL, mark->loc)};
}

/* `int flag = 0;` */
static Stmt *flag_decl(const Jump *j, SrcLoc loc) {
    Stmt *decl = stmt_new(j->fn, ST_DECL, loc);
    decl->var = j->flag;
    decl->rhs = expr_int(0, loc);
    return decl;
}

/* Replaces b's statements from..to-1 with those of block with. */
static void splice(Func *fn, Stmt *b, int from, int to, const Stmt *with) {
    Stmt *rebuilt = stmt_new(fn, ST_BLOCK, b->loc);
    for (int k = 0; k < from; k++)
        block_append(rebuilt, b->body[k]);
    for (int k = 0; k < with->nbody; k++)
        block_append(rebuilt, with->body[k]);
    for (int k = to; k < b->nbody; k++)
        block_append(rebuilt, b->body[k]);
    b->body = rebuilt->body;
    b->nbody = rebuilt->nbody;
}

static bool rewrite(const Jump *j, Stmt *s, bool in_loop);

/* Rewrites the gotos in block statements from..n-1; after a statement that holds one, the
 * rest of the block must not run once the flag is set. */
static bool rewrite_block(const Jump *j, Stmt *b, int from, bool in_loop) {
    bool found = false;
    for (int k = from; k < b->nbody; k++) {
        Stmt *s = b->body[k];
        if (!rewrite(j, s, in_loop))
            continue;
        found = true;
        if (in_loop) { /* the goto left its own loop by break: leave this one too */
            if (is_loop(s)) {
                Stmt *leave = new_block(j, s->loc);
                block_append(leave, stmt_new(j->fn, ST_BREAK, s->loc));
                Stmt *check = if_flag(j, 1, leave, s->loc);
                Stmt *pair = stmt_new(j->fn, ST_BLOCK, s->loc);
                block_append(pair, s);
                block_append(pair, check);
                b->body[k] = pair;
            }
            continue;
        }
        if (k + 1 == b->nbody)
            break;
        Stmt *rest = new_block(j, b->body[k + 1]->loc);
        for (int r = k + 1; r < b->nbody; r++)
            block_append(rest, b->body[r]);
        b->nbody = k + 1;
        rewrite_block(j, rest, 0, false);
        block_append(b, if_flag(j, 0, rest, rest->loc));
        break;
    }
    return found;
}

/* Rewrites the gotos to j's label inside s; returns whether s held one. */
static bool rewrite(const Jump *j, Stmt *s, bool in_loop) {
    if (!s)
        return false;
    switch (s->kind) {
    case ST_GOTO:
        if (strcmp(s->label, j->label) != 0)
            return false;
        s->kind = ST_BLOCK;
        s->scope = true;
        block_append(s, set_flag(j, 1, s->loc));
        if (in_loop)
            block_append(s, stmt_new(j->fn, ST_BREAK, s->loc));
        return true;
    case ST_BLOCK:
        return rewrite_block(j, s, 0, in_loop);
    case ST_IF: {
        bool in_then = rewrite(j, s->then, in_loop);
        return rewrite(j, s->els, in_loop) || in_then;
    }
    case ST_FOR: case ST_WHILE: case ST_DO:
        return rewrite(j, s->then, true);
    default:
        return false;
    }
}

/* The gotos to label inside s. */
static int count_gotos(const Stmt *s, const char *label) {
    if (!s)
        return 0;
    int n = s->kind == ST_GOTO && strcmp(s->label, label) == 0;
    for (int i = 0; i < s->nbody; i++)
        n += count_gotos(s->body[i], label);
    const Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        n += count_gotos(parts[i], label);
    return n;
}

static int count_in(Stmt **stmts, int n, const char *label) {
    int count = 0;
    for (int k = 0; k < n; k++)
        count += count_gotos(stmts[k], label);
    return count;
}

/* A declaration among stmts[0..n) (or grouped in them: a multiple declaration, hoisted calls)
 * that after[0..nafter) reads: a guard around it would end its scope. */
static const Stmt *decl_read_after(Stmt **stmts, int n, Stmt **after, int nafter) {
    for (int k = 0; k < n; k++) {
        const Stmt *s = stmts[k];
        if (s->kind == ST_BLOCK && !s->scope) {
            const Stmt *d = decl_read_after(s->body, s->nbody, after, nafter);
            if (d)
                return d;
        }
        for (int r = 0; s->kind == ST_DECL && r < nafter; r++)
            if (stmt_mentions(after[r], s->var))
                return s;
    }
    return NULL;
}

/* Why the gotos to the label at b->body[at] cannot be rewritten, after saying so; or 0. */
static int check_jumps(const Func *fn, Stmt *b, int at, int *first) {
    const char *label = b->body[at]->label;
    int before = count_in(b->body, at, label);
    int all = count_gotos(fn->body, label);
    SrcLoc loc = b->body[at]->loc;
    if (before < all) {
        error_at(loc, "a goto into the block of label '%s' is not supported by adc; adc takes gotos "
                 "forward to a label of a block around them", label);
        return 1;
    }
    for (*first = 0; *first < at && !count_gotos(b->body[*first], label); ++*first)
        ;
    const Stmt *decl = before ? decl_read_after(b->body + *first, at - *first, b->body + at + 1,
                                                b->nbody - at - 1) : NULL;
    if (decl) {
        error_at(decl->loc, "a goto to label '%s' jumps over the declaration of '%s', which is used "
                 "after the label; declare '%s' before the goto", label, decl->var->name, decl->var->name);
        return 1;
    }
    return 0;
}

/* Replaces the label at b->body[at] and the gotos to it. */
static int eliminate_label(Func *fn, Stmt *b, int at) {
    Stmt *mark = b->body[at];
    int first;
    int errors = check_jumps(fn, b, at, &first);
    if (errors || first == at) { /* refused, or a label nobody jumps to */
        b->body[at] = stmt_new(fn, ST_BLOCK, mark->loc);
        return errors;
    }
    Jump j = new_jump(fn, mark, "to");
    j.flag->goto_flag = true;
    Stmt *prefix = stmt_new(fn, ST_BLOCK, b->loc);
    block_append(prefix, flag_decl(&j, mark->loc));
    for (int k = 0; k < at; k++)
        block_append(prefix, b->body[k]);
    rewrite_block(&j, prefix, first + 1, false);
    block_append(prefix, set_flag(&j, 0, mark->loc));
    splice(fn, b, 0, at + 1, prefix);
    return 0;
}

/* Runs pass on every block inside s and on s, innermost first. */
static int innermost_first(Func *fn, Stmt *s, int (*pass)(Func *fn, Stmt *block)) {
    if (!s)
        return 0;
    int errors = 0;
    for (int k = 0; k < s->nbody; k++)
        errors += innermost_first(fn, s->body[k], pass);
    Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        errors += innermost_first(fn, parts[i], pass);
    return errors + pass(fn, s);
}

/* Eliminates the labels of block b in textual order. */
static int eliminate_labels(Func *fn, Stmt *b) {
    int errors = 0;
    for (int k = 0; k < b->nbody; k++)
        if (b->body[k]->kind == ST_LABEL) {
            errors += eliminate_label(fn, b, k);
            k = -1; /* the block was rebuilt: look again from its start */
        }
    return errors;
}

/* A break or continue in s of a loop around s, or NULL. */
static const Stmt *loose_jump(const Stmt *s) {
    if (!s || is_loop(s))
        return NULL;
    if (s->kind == ST_BREAK || s->kind == ST_CONTINUE)
        return s;
    const Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = loose_jump(s->body[i]);
    if (!found && s->kind == ST_IF && !(found = loose_jump(s->then)))
        found = loose_jump(s->els);
    return found;
}

/* Why the statements b->body[at+1..last], the trip of a loop written with gotos back to the
 * label at b->body[at], cannot become the body of a loop, after saying so; or 0. */
static int check_trip(Stmt *b, int at, int last) {
    const char *label = b->body[at]->label;
    for (int k = at + 1; k <= last; k++) {
        const Stmt *jump = loose_jump(b->body[k]);
        if (jump) {
            error_at(jump->loc, "a %s inside a loop written with goto (back to label '%s') is not supported "
                     "by adc; write the goto loop as a loop", jump->kind == ST_BREAK ? "break" : "continue", label);
            return 1;
        }
    }
    const Stmt *decl = decl_read_after(b->body + at + 1, last - at, b->body + last + 1, b->nbody - last - 1);
    if (decl) {
        error_at(decl->loc, "'%s' is declared inside a loop written with goto (back to label '%s') and used "
                 "after it; declare '%s' before the label", decl->var->name, label, decl->var->name);
        return 1;
    }
    return 0;
}

/* Turns the gotos back to the label at b->body[at] into a loop (see the top of the file):
 * its body, the statements from the label to the last one holding such a goto, starts by
 * clearing a flag that each goto back sets before it skips to the body's end. */
static int loop_backward(Func *fn, Stmt *b, int at) {
    Stmt *mark = b->body[at];
    int last = b->nbody - 1;
    while (last > at && !count_gotos(b->body[last], mark->label))
        last--;
    if (last == at)
        return 0;
    if (check_trip(b, at, last))
        return 1;
    Jump j = new_jump(fn, mark, "again");
    Stmt *trip = new_block(&j, mark->loc);
    block_append(trip, set_flag(&j, 0, mark->loc));
    for (int k = at + 1; k <= last; k++)
        block_append(trip, b->body[k]);
    /* the forward gotos to its labels first: rewrite_block may move those labels into guards */
    int errors = innermost_first(fn, trip, eliminate_labels);
    if (errors)
        return errors;
    rewrite_block(&j, trip, 1, false);
    Stmt *loop = stmt_new(fn, ST_DO, mark->loc);
    loop->then = trip;
    loop->cond = flag_is(&j, 1, mark->loc);
    Stmt *made = stmt_new(fn, ST_BLOCK, b->loc);
    block_append(made, flag_decl(&j, mark->loc));
    block_append(made, loop);
    splice(fn, b, at + 1, last + 1, made);
    return 0;
}

/* Turns the gotos back to the labels of block b into loops, from its last label: a goto loop
 * inside another is a loop before the outer one takes it into its body. */
static int loops_from_labels(Func *fn, Stmt *b) {
    int errors = 0;
    for (int k = b->nbody - 1; k >= 0; k--)
        if (b->body[k]->kind == ST_LABEL)
            errors += loop_backward(fn, b, k);
    return errors;
}

/* Loops written with goto first, innermost blocks first; then the forward gotos. */
int goto_eliminate(Func *fn) {
    int errors = innermost_first(fn, fn->body, loops_from_labels);
    return errors ? errors : innermost_first(fn, fn->body, eliminate_labels);
}
