/* carry.c: adjoint elements carried from one backward trip to the next (see carry.h).
 *
 * In heat's in-place update `centre = u[i]; u[i] = centre + r * (left - 2.0 * centre + u[i + 1])`
 * backward trip i reads and resets u_b[i] and adds to u_b[i + 1], which trip i + 1 wrote: the
 * compiler keeps both stores in every trip, each trip waits for the last one's, and the loop
 * stays scalar. When nothing else in the trip may reach A_b, trip i can hold both elements in
 * locals, take the shared one from the previous trip, store it once when it is final, and hand
 * the other to the next trip: the same operations in the same order on the same values (the
 * gradient is the same to the bit), one load and one store a trip, and loops clang vectorizes. */
#include <ctype.h>
#include <string.h>
#include "buf.h"
#include "carry.h"
#include "loop_adjoint.h"

typedef struct Accesses {
    const Var *index, *array;
    const Expr *at[2];  /* A[i] and A[i + d] */
    int d, count;       /* count: accesses of array seen, of either form */
    bool other;         /* a conditional part, or a call of a user function */
} Accesses;

static bool is_one(const Expr *e) {
    return e->kind == EX_NUM && strcmp(e->text, "1") == 0;
}

/* The offset c of an index spelled i, i + 1 or i - 1; 0 with *ok false for anything else. */
static int index_offset(const Expr *e, const Var *index, bool *ok) {
    *ok = true;
    if (e->kind == EX_VAR && e->var == index)
        return 0;
    if (e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_SUB) && e->lhs->kind == EX_VAR &&
        e->lhs->var == index && is_one(e->rhs))
        return e->op == OP_ADD ? 1 : -1;
    *ok = false;
    return 0;
}

/* Records an access A[i + c] of the loop's array (the first active array element read or
 * written with the index; every access of that array has to be one of its two forms). */
static void note_access(const Expr *e, Accesses *acc) {
    bool ok;
    int c = index_offset(e->rhs, acc->index, &ok);
    const Var *a = e->lhs->var;
    if (!ok || (acc->array && a != acc->array))
        return;
    if (!acc->array) {
        if (!a->active || !type_is_floating(e->type))
            return;
        acc->array = a;
    }
    if (c != 0 && acc->d != 0 && c != acc->d)
        return;
    if (c != 0)
        acc->d = c;
    acc->at[c != 0] = e;
    acc->count++;
}

static FindVerdict scan_expr(const Expr *e, const void *ctx) {
    Accesses *acc = (Accesses *)ctx;
    if (e->kind == EX_COND || (e->kind == EX_BINARY && (e->op == OP_LAND || e->op == OP_LOR)) ||
        (e->kind == EX_CALL && !e->math)) {
        acc->other = true;
        return FIND_FOUND;
    }
    if (e->kind == EX_INDEX && e->lhs->kind == EX_VAR)
        note_access(e, acc);
    return FIND_INSIDE;
}

/* Straight-line statements only: a branch would leave an element untouched on some trips. */
static bool not_straight(const Stmt *s, const void *unused) {
    (void)unused;
    return !(s->kind == ST_BLOCK || s->kind == ST_DECL || s->kind == ST_ASSIGN || s->kind == ST_CALL);
}

/* Whether a variable other than the array may reach adjoint memory: an active array, pointer
 * or struct the body mentions. */
static bool other_adjoint_memory(const Func *fn, const Stmt *body, const Var *array) {
    for (int i = 0; i < fn->nvars; i++) {
        const Var *v = fn->vars[i];
        if (v != array && v->active && !type_is_floating(v->type) && stmt_mentions(body, v))
            return true;
    }
    return false;
}

bool loop_carried_element(const Func *fn, const Stmt *loop, int step, const Expr **shared,
                          const Expr **next) {
    const Stmt *body = loop->then;
    if (loop->kind != ST_FOR || !loop->var || (step != 1 && step != -1) || stmt_find(body, not_straight, NULL))
        return false;
    Accesses acc = {.index = loop->var};
    stmt_find_expr(body, scan_expr, &acc);
    const Var *a = acc.array;
    if (acc.other || !a || !acc.at[0] || !acc.at[1] || a->entry || a->which || a->aliased || a->member_of ||
        (a->type->kind != TY_PTR && a->type->kind != TY_ARRAY) || stmt_assigns(body, loop->var) ||
        stmt_assigns_itself(body, a) || stmt_takes_address(body, a) || other_adjoint_memory(fn, body, a))
        return false;
    int *mentions = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1));
    count_mentions(body, mentions);
    if (mentions[a->index] != acc.count)
        return false;
    /* Trip i follows trip i + step: with d == step they share A[i + d], else A[i] */
    bool ahead = acc.d == step;
    *shared = acc.at[ahead];
    *next = acc.at[!ahead];
    return true;
}

static bool name_char(char c) {
    return isalnum((unsigned char)c) || c == '_';
}

/* Whether an occurrence of a name or lvalue at p (of length n) in text stands alone. */
static bool whole(const char *text, const char *p, size_t n) {
    char before = p > text ? p[-1] : ' ', after = p[n];
    bool member = before == '.' || (before == '>' && p - text > 1 && p[-2] == '-');
    return !name_char(before) && !member && !(name_char(p[n - 1]) && name_char(after)) && after != '[';
}

const char *rename_lvalue(const char *text, const char *old, const char *name) {
    Buf b = {0};
    size_t n = strlen(old);
    const char *from = text;
    for (const char *p = strstr(text, old); p; p = strstr(p + n, old)) {
        if (!whole(text, p, n))
            continue;
        buf_printf(&b, "%.*s%s", (int)(p - from), from, name);
        from = p + n;
    }
    buf_puts(&b, from);
    const char *out = ir_strdup(buf_str(&b));
    buf_free(&b);
    return out;
}

bool mentions_name(const char *text, const char *name) {
    size_t n = strlen(name);
    for (const char *p = strstr(text, name); p; p = strstr(p + 1, name))
        if (!name_char(p > text ? p[-1] : ' ') && !name_char(p[n]))
            return true;
    return false;
}
