/* adjoint_checkpoint.c: the sweeps of a loop marked ADC_CHECKPOINT(S). The forward sweep runs
 * the loop untaped, saving only its entry state; the backward sweep lets revolve (libadc)
 * schedule which steps to recompute from S snapshots of the state, and reverses each step in
 * turn from the state before it. */
#include <string.h>
#include "adjoint_internal.h"
#include "c_text.h"
#include "diag.h"

typedef struct Pieces {
    const Stmt *loop;
    const Var **seen;
    int nseen;
    void (*piece)(Adj *, const char *, const char *, void *);
    void *arg;
} Pieces;

/* One variable of the state: its address and size, once. */
static void state_var(Adj *a, Pieces *p, const Var *v) {
    if (!v || v == p->loop->var)
        return;
    for (int k = 0; k < p->nseen; k++)
        if (p->seen[k] == v)
            return;
    p->seen[p->nseen++] = v;
    if (type_field_pointing_to_floating(v->type)) { /* the snapshot would hold the pointers only */
        error_at(p->loop->loc, "ADC_CHECKPOINT: the loop writes '%s' or through it, a struct whose member '%s' "
                 "points to floating data, which adc does not snapshot; remove ADC_CHECKPOINT (the loop is then "
                 "taped in full)", v->name, type_field_pointing_to_floating(v->type)->name);
        a->errors++;
    } else if (v->kind == VAR_PARAM && type_is_rows(v->type)) {
        error_at(p->loop->loc, "ADC_CHECKPOINT: the loop writes through the rows of '%s' (a pointer to "
                 "rows), which adc does not snapshot; copy them into one array for the loop", v->name);
        a->errors++;
    } else if (v->kind == VAR_PARAM && v->type->kind == TY_PTR) {
        const char *len = a->fn->len[v->index];
        if (!len) {
            error_at(p->loop->loc, "ADC_CHECKPOINT: the loop writes through '%s'; give its length "
                     "with len(%s: ...) in ADC_DIFF", v->name, v->name);
            a->errors++;
            return;
        }
        p->piece(a, v->name, ir_format("%s * (size_t)(%s)", element_size_text(v->type, v->name), len), p->arg);
    } else if (v->kind == VAR_GLOBAL || v->type->kind == TY_PTR) {
        error_at(p->loop->loc, "ADC_CHECKPOINT: the loop writes through '%s', which is not a "
                 "parameter or local array", v->name);
        a->errors++;
    } else {
        p->piece(a, v->type->kind == TY_ARRAY ? v->name : ir_format("&%s", v->name),
                 sizeof_text(v->type, v->name), p->arg);
    }
}

/* The state of a checkpointed loop: every variable its body writes (memory through a pointer
 * parameter: len(...) elements), including what calls write through pointer arguments. */
static void state_pieces(Adj *a, Pieces *p, const Stmt *s) {
    if (!s)
        return;
    for (int i = 0; i < s->nbody; i++)
        state_pieces(a, p, s->body[i]);
    const Stmt *parts[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        state_pieces(a, p, parts[i]);
    if (s->kind == ST_ASSIGN)
        state_var(a, p, expr_root_var(s->lhs));
    const Expr *call = (s->kind == ST_ASSIGN || s->kind == ST_CALL) && s->rhs->kind == EX_CALL ? s->rhs : NULL;
    for (int i = 0; call && i < call->nargs; i++)
        if (type_target_writable(call->args[i]->type))
            state_var(a, p, expr_root_var(call->args[i]));
}

static void for_each_piece(Adj *a, const Stmt *loop, void (*piece)(Adj *, const char *, const char *, void *),
                           void *arg) {
    Pieces p = {loop, ir_alloc(sizeof(Var *) * (size_t)(a->fn->nvars + 1)), 0, piece, arg};
    state_pieces(a, &p, loop->then);
}

static void push_piece(Adj *a, const char *addr, const char *size, void *arg) {
    (void)arg;
    adj_line(a, "adc_tape_push_bytes(%s, %s, %s);", adj_named(a, "tape"), addr, size);
}

static void add_size(Adj *a, const char *addr, const char *size, void *arg) {
    (void)a;
    (void)addr;
    buf_printf(arg, " + %s", size);
}

/* memcpy between the state and a snapshot slot; arg is "save" or "load". */
static void copy_piece(Adj *a, const char *addr, const char *size, void *arg) {
    const char *slot = adj_named(a, "slot"), *at = adj_named(a, "at");
    if (strcmp(arg, "save") == 0)
        adj_line(a, "memcpy(%s + %s, %s, %s);", slot, at, addr, size);
    else
        adj_line(a, "memcpy(%s, %s + %s, %s);", addr, slot, at, size);
    adj_line(a, "%s += %s;", at, size);
}

/* `{ slot = snapshot k; copy every piece }` in one direction; nothing for a loop without state
 * (its slot and offset would be unused). */
static void snapshot(Adj *a, const Stmt *loop, const char *slot, const char *direction) {
    Buf sizes = {0};
    for_each_piece(a, loop, add_size, &sizes);
    bool stateless = sizes.len == 0;
    buf_free(&sizes);
    if (stateless)
        return;
    adj_line(a, "{");
    a->depth++;
    adj_line(a, "unsigned char *%s = adc_snapshots_slot(&%s, %s);", adj_named(a, "slot"), adj_named(a, "snapshots"), slot);
    adj_line(a, "size_t %s = 0;", adj_named(a, "at"));
    for_each_piece(a, loop, copy_piece, (void *)direction);
    a->depth--;
    adj_line(a, "}");
}

/* The forward sweep of a checkpointed loop runs it untaped; only its entry state, first index
 * and step count go on the tape. */
void forward_checkpointed(Adj *a, const Stmt *s) {
    const char *i = s->var->name, *first_index = adj_named(a, ir_format("first_%d", s->id)), *tape = adj_named(a, "tape");
    adj_line(a, "/* checkpointed loop (ADC_CHECKPOINT(%d)): the steps are not taped */", s->checkpoint);
    if (s->init)
        forward_stmt(a, s->init);
    adj_line(a, "long %s = %s;", first_index, i);
    for_each_piece(a, s, push_piece, NULL);
    a->taping = false;
    adj_line(a, "for (; %s; %s++) {", expr_text(s->cond), i);
    forward_body(a, s->then, NULL);
    adj_line(a, "}");
    a->taping = true;
    adj_line(a, "adc_push_int(%s, %s - %s);", tape, i, first_index);
    adj_line(a, "adc_push_int(%s, %s);", tape, first_index);
}

static void reverse_checkpointed_actions(Adj *a, const Stmt *s) {
    const char *i = s->var->name, *done = adj_named(a, "done"), *first = adj_named(a, "first");
    const char *schedule = adj_named(a, "schedule");
    adj_line(a, "for (int %s = 0; !%s;) {", done, done);
    a->depth++;
    adj_line(a, "switch (adc_revolve_next(&%s)) {", schedule);
    adj_line(a, "case ADC_RV_ADVANCE:");
    a->depth++;
    adj_line(a, "for (%s = %s + %s.old_capo; %s < %s + %s.capo; %s++) {", i, first, schedule, i, first, schedule, i);
    a->taping = false;
    forward_body(a, s->then, NULL);
    a->taping = true;
    adj_line(a, "}");
    adj_line(a, "break;");
    a->depth--;
    adj_line(a, "case ADC_RV_TAKESHOT:");
    snapshot(a, s, ir_format("%s.check", schedule), "save");
    adj_line(a, "    break;");
    adj_line(a, "case ADC_RV_RESTORE:");
    snapshot(a, s, ir_format("%s.check", schedule), "load");
    adj_line(a, "    break;");
    adj_line(a, "case ADC_RV_FIRSTURN:");
    adj_line(a, "case ADC_RV_YOUTURN:");
    a->depth++;
    adj_line(a, "%s = %s + %s.capo;", i, first, schedule);
    forward_stmt(a, s->then);
    reverse_stmt(a, s->then);
    adj_line(a, "break;");
    a->depth--;
    adj_line(a, "default:");
    adj_line(a, "    %s = 1;", done);
    adj_line(a, "}");
    a->depth--;
    adj_line(a, "}");
}

/* The backward sweep of a checkpointed loop: revolve recomputes the steps from snapshots
 * (slot S holds the entry state, restored at the end) and reverses each in turn. */
void reverse_checkpointed(Adj *a, const Stmt *s) {
    Buf size = {0};
    buf_puts(&size, "0");
    for_each_piece(a, s, add_size, &size);
    adj_line(a, "/* checkpointed loop (ADC_CHECKPOINT(%d)) */", s->checkpoint);
    adj_line(a, "{");
    a->depth++;
    const char *tape = adj_named(a, "tape"), *steps = adj_named(a, "steps"), *bytes = adj_named(a, "state_bytes");
    const char *schedule = adj_named(a, "schedule"), *snapshots = adj_named(a, "snapshots");
    adj_line(a, "long %s = adc_pop_int(%s);", adj_named(a, "first"), tape);
    adj_line(a, "long %s = adc_pop_int(%s);", steps, tape);
    adj_line(a, "size_t %s = %s;", bytes, buf_str(&size));
    adj_line(a, "adc_revolve %s;", schedule);
    adj_line(a, "adc_snapshots %s = {0};", snapshots);
    adj_line(a, "if (adc_revolve_init(&%s, %s, %d) != ADC_REVOLVE_OK ||", schedule, steps, s->checkpoint);
    adj_line(a, "    adc_snapshots_init(&%s, %d, %s) != ADC_REVOLVE_OK) {", snapshots, s->checkpoint + 1, bytes);
    adj_line(a, "    adc_tape_drop(%s, %s);", tape, bytes);
    adj_line(a, "    %s->failed = 1;", tape);
    adj_line(a, "} else {");
    a->depth++;
    adj_line(a, "/* slot %d: the state on entry to the loop */", s->checkpoint);
    adj_line(a, "adc_tape_pop_bytes(%s, adc_snapshots_slot(&%s, %d), %s);", tape, snapshots, s->checkpoint, bytes);
    snapshot(a, s, ir_format("%d", s->checkpoint), "load");
    reverse_checkpointed_actions(a, s);
    snapshot(a, s, ir_format("%d", s->checkpoint), "load");
    a->depth--;
    adj_line(a, "}");
    adj_line(a, "adc_revolve_free(&%s);", schedule);
    adj_line(a, "adc_snapshots_free(&%s);", snapshots);
    a->depth--;
    adj_line(a, "}");
    buf_free(&size);
    if (s->init)
        reverse_stmt(a, s->init);
}

