/* lower_switch.c: lowers a switch statement to ifs over a selector evaluated once. When no
 * case falls into the next one, the cases form an else-if chain (their closing breaks dropped):
 *     int sel = e;  if (sel == 1 || sel == 2) { A } else if (sel == 3) { B } else { C }
 * A case that falls through sets a flag that opens every later case, and the ifs run inside
 * a loop run once, so that any break leaves the switch:
 *     int sel = e;  int on = 0;
 *     do { if (on || sel == 1) { on = 1; A } if (on || sel == 3) { B break; } ... } while (0);
 * The chain goes inside that loop too when a break is left in the middle of a case. In the
 * loop, a continue meant for a loop around the switch sets a flag and breaks; the loop is
 * followed by `if (flag) continue;`. */
#include "lower_internal.h"

typedef struct Case {
    Expr *match;        /* sel == v1 || sel == v2 ..., or NULL for default (and its labels) */
    Stmt *body;
    bool is_default;
} Case;

typedef struct Switch {
    Lowering *lw;
    Var *sel;
    Case *cases;
    int ncases;
    Expr *all_values;   /* sel == v for every label, or'ed: default is its negation */
} Switch;

static Expr *or_else(Expr *a, Expr *b) {
    return a ? expr_binary(OP_LOR, a, b, type_int()) : b;
}

/* An int flag declared before the switch, set to 0. */
static Var *switch_flag(Switch *sw, const char *base, SrcLoc loc) {
    Stmt *decl = hoisted_decl(sw->lw, base, type_int(), loc);
    decl->rhs = expr_int(0, loc);
    return decl->var;
}

static Expr *selector_is(Switch *sw, long long value, SrcLoc loc) {
    return expr_binary(OP_EQ, expr_var(sw->sel, loc), expr_int(value, loc), type_int());
}

static Stmt *new_case(Switch *sw, SrcLoc loc) {
    IR_APPEND(sw->cases, sw->ncases, (Case){0});
    Case *k = &sw->cases[sw->ncases - 1];
    k->body = stmt_new(sw->lw->fn, ST_BLOCK, loc);
    k->body->scope = true;
    return k->body;
}

/* Adds the label c (case or default) to the current case, or opens a new one after
 * statements; returns the statement under the label(s). */
static CXCursor add_labels(Switch *sw, CXCursor c, bool *ok) {
    while (clang_getCursorKind(c) == CXCursor_CaseStmt || clang_getCursorKind(c) == CXCursor_DefaultStmt) {
        CXCursor *kids;
        int n = cursor_children(c, &kids);
        bool is_case = clang_getCursorKind(c) == CXCursor_CaseStmt;
        if (n != (is_case ? 2 : 1)) {
            *ok = unsupported(sw->lw, c, "a case range (case a ... b:)") != NULL;
            return c;
        }
        if (sw->ncases == 0 || sw->cases[sw->ncases - 1].body->nbody > 0)
            new_case(sw, cursor_loc(c));
        Case *k = &sw->cases[sw->ncases - 1];
        if (is_case) {
            CXEvalResult r = clang_Cursor_Evaluate(kids[0]);
            long long value = clang_EvalResult_getAsLongLong(r);
            clang_EvalResult_dispose(r);
            k->match = or_else(k->match, selector_is(sw, value, cursor_loc(c)));
            sw->all_values = or_else(sw->all_values, selector_is(sw, value, cursor_loc(c)));
        } else {
            k->is_default = true;
        }
        c = kids[n - 1];
    }
    return c;
}

static bool collect_cases(Switch *sw, CXCursor body) {
    CXCursor *kids;
    int n = clang_getCursorKind(body) == CXCursor_CompoundStmt ? cursor_children(body, &kids) : 0;
    if (clang_getCursorKind(body) != CXCursor_CompoundStmt)
        return unsupported(sw->lw, body, "a switch whose body is not a { } block") != NULL;
    for (int i = 0; i < n; i++) {
        bool ok = true;
        CXCursor c = add_labels(sw, kids[i], &ok);
        if (!ok)
            return false;
        if (sw->ncases == 0)
            return unsupported(sw->lw, c, "a statement before the first case label") != NULL;
        if (clang_getCursorKind(c) == CXCursor_DeclStmt)
            return unsupported(sw->lw, c, "a declaration directly under a case label (put the case's "
                               "statements in { })") != NULL;
        Stmt *s = lower_stmt(sw->lw, c);
        if (!s)
            return false;
        block_append(sw->cases[sw->ncases - 1].body, s);
    }
    return true;
}

static Stmt *last_stmt(const Stmt *block) {
    return block->nbody ? block->body[block->nbody - 1] : NULL;
}

/* Whether control can leave the end of a case's statements for the next case. */
static bool falls_through(const Stmt *body) {
    const Stmt *last = last_stmt(body);
    if (last && last->kind == ST_BLOCK)
        return falls_through(last);
    return !last || (last->kind != ST_BREAK && last->kind != ST_CONTINUE && last->kind != ST_RETURN);
}

/* Whether s holds a break of the switch (one not inside a loop). */
static bool has_break(const Stmt *s) {
    if (!s)
        return false;
    switch (s->kind) {
    case ST_BREAK: return true;
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (has_break(s->body[i]))
                return true;
        return false;
    case ST_IF: return has_break(s->then) || has_break(s->els);
    default: return false;
    }
}

/* Replaces each continue of the switch (not inside a loop) in s by `flag = 1; break;`. */
static bool redirect_continues(Switch *sw, Stmt *s, Var **flag) {
    bool found = false;
    for (int i = 0; s && s->kind == ST_BLOCK && i < s->nbody; i++) {
        Stmt *k = s->body[i];
        if (k->kind == ST_CONTINUE) {
            if (!*flag)
                *flag = switch_flag(sw, "continued", k->loc);
            Stmt *b = stmt_new(sw->lw->fn, ST_BLOCK, k->loc);
            block_append(b, assign_to(sw->lw, *flag, expr_int(1, k->loc)));
            block_append(b, stmt_new(sw->lw->fn, ST_BREAK, k->loc));
            s->body[i] = b;
            found = true;
        } else if (k->kind == ST_IF) {
            found |= redirect_continues(sw, k->then, flag);
            found |= redirect_continues(sw, k->els, flag);
        } else if (k->kind == ST_BLOCK) {
            found |= redirect_continues(sw, k, flag);
        }
    }
    return found;
}

/* Drops the break that ends a case (also at the end of a block ending the case). */
static void drop_final_break(Stmt *body) {
    Stmt *last = last_stmt(body);
    if (last && last->kind == ST_BLOCK)
        drop_final_break(last);
    else if (last && last->kind == ST_BREAK)
        body->nbody--;
}

/* The cases as an else-if chain, default last (the cases exclude each other). */
static Stmt *case_chain(Switch *sw, SrcLoc loc) {
    Stmt *chain = NULL;
    for (int i = 0; i < sw->ncases; i++)
        if (sw->cases[i].is_default)
            chain = sw->cases[i].body;
    for (int i = sw->ncases - 1; i >= 0; i--) {
        if (sw->cases[i].is_default)
            continue;
        Stmt *s = stmt_new(sw->lw->fn, ST_IF, loc);
        s->cond = sw->cases[i].match;
        s->then = sw->cases[i].body;
        s->els = chain ? block_of(sw->lw, chain, loc) : NULL;
        chain = s;
    }
    return chain ? chain : stmt_new(sw->lw->fn, ST_BLOCK, loc);
}

/* The cases as ifs in order, each opened by its labels or by the one before falling in. */
static Stmt *case_sequence(Switch *sw, SrcLoc loc) {
    Var *on = switch_flag(sw, "fell", loc);
    Stmt *seq = stmt_new(sw->lw->fn, ST_BLOCK, loc);
    for (int i = 0; i < sw->ncases; i++) {
        Case *k = &sw->cases[i];
        Expr *match = k->is_default ? expr_new(EX_UNARY, type_int(), loc) : k->match;
        if (k->is_default) {
            match->op = OP_NOT;
            match->lhs = sw->all_values ? sw->all_values : expr_int(0, loc);
            match = k->match ? or_else(k->match, match) : match;
        }
        Stmt *s = stmt_new(sw->lw->fn, ST_IF, loc);
        s->cond = or_else(expr_var(on, loc), match);
        s->then = k->body;
        if (i + 1 < sw->ncases && falls_through(k->body)) {
            Stmt *opened = stmt_new(sw->lw->fn, ST_BLOCK, loc);
            block_append(opened, assign_to(sw->lw, on, expr_int(1, loc)));
            for (int j = 0; j < k->body->nbody; j++)
                block_append(opened, k->body->body[j]);
            opened->scope = true;
            s->then = opened;
        }
        block_append(seq, s);
    }
    return seq;
}

Stmt *lower_switch(Lowering *lw, CXCursor c) {
    CXCursor *kids;
    SrcLoc loc = cursor_loc(c);
    if (cursor_children(c, &kids) != 2)
        return unsupported(lw, c, "this switch statement");
    Expr *selector = lower_expr(lw, kids[0]);
    if (!selector)
        return NULL;
    Switch sw = {.lw = lw};
    Stmt *decl = hoisted_decl(lw, "selector", selector->type, loc);
    decl->rhs = selector;
    sw.sel = decl->var;
    if (!collect_cases(&sw, kids[1]))
        return NULL;
    bool falls = false, breaks = false;
    for (int i = 0; i + 1 < sw.ncases; i++)
        falls |= falls_through(sw.cases[i].body);
    for (int i = 0; i < sw.ncases; i++) {
        if (!falls)
            drop_final_break(sw.cases[i].body);
        breaks |= has_break(sw.cases[i].body);
    }
    Stmt *body = falls ? case_sequence(&sw, loc) : case_chain(&sw, loc);
    if (!falls && !breaks)
        return body;
    Stmt *once = stmt_new(lw->fn, ST_DO, loc);
    once->then = block_of(lw, body, loc);
    once->cond = expr_int(0, loc);
    Var *continued = NULL;
    if (!redirect_continues(&sw, once->then, &continued))
        return once;
    Stmt *after = stmt_new(lw->fn, ST_BLOCK, loc);
    Stmt *resume = stmt_new(lw->fn, ST_IF, loc);
    resume->cond = expr_var(continued, loc);
    resume->then = block_of(lw, stmt_new(lw->fn, ST_CONTINUE, loc), loc);
    block_append(after, once);
    block_append(after, resume);
    return after;
}
