/* ir.c: allocation and construction of IR nodes. All IR memory comes from one arena that
 * lives as long as the translation and is released at once by ir_free_all. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ir.h"

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    max_align_t data[];
} Chunk;

static Chunk *chunks;

void *ir_alloc(size_t size) {
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!chunks || chunks->size - chunks->used < size) {
        size_t chunk_size = size > 65536 ? size : 65536;
        Chunk *c = malloc(sizeof(Chunk) + chunk_size);
        if (!c) {
            fputs("adc: error: out of memory\n", stderr);
            exit(1);
        }
        c->next = chunks;
        c->used = 0;
        c->size = chunk_size;
        chunks = c;
    }
    void *p = (char *)chunks->data + chunks->used;
    chunks->used += size;
    memset(p, 0, size);
    return p;
}

void ir_free_all(void) {
    while (chunks) {
        Chunk *next = chunks->next;
        free(chunks);
        chunks = next;
    }
}

char *ir_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(ir_alloc(n), s, n);
}

char *ir_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = ir_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void *ir_grow(void *items, int count, size_t size) {
    if ((count & (count - 1)) != 0) /* room up to the next power of two */
        return items;
    void *grown = ir_alloc(size * (size_t)(count ? 2 * count : 4));
    if (count)
        memcpy(grown, items, size * (size_t)count);
    return grown;
}

bool type_is_floating(const Type *t) {
    return t && (t->kind == TY_FLOAT || t->kind == TY_DOUBLE || t->kind == TY_LONG_DOUBLE);
}

bool type_is_wide_unsigned(const Type *t) {
    return t && t->kind == TY_INT && t->is_unsigned && t->int_rank >= 3;
}

/* The structs whose fields a type walk is inside of, innermost first: a struct that refers to
 * itself through a pointer (struct node { struct node *next; ... }) is walked once. */
typedef struct Visiting {
    const char *name;
    const struct Visiting *outer;
} Visiting;

/* Whether t, or a type it points to or is built of, satisfies leaf_test (a struct met again
 * inside itself adds nothing: its fields are being walked). */
static bool type_reaches(const Type *t, bool (*leaf_test)(const Type *), const Visiting *outer) {
    if (!t)
        return false;
    if (leaf_test(t))
        return true;
    if (t->kind == TY_PTR || t->kind == TY_ARRAY)
        return type_reaches(t->base, leaf_test, outer);
    if (t->kind != TY_STRUCT)
        return false;
    for (const Visiting *v = outer; v; v = v->outer)
        if (strcmp(v->name, t->name) == 0) /* const copies keep the name */
            return false;
    Visiting inside = {t->name, outer};
    for (int i = 0; i < t->nfields; i++)
        if (type_reaches(t->fields[i].type, leaf_test, &inside))
            return true;
    return false;
}

bool type_has_floating(const Type *t) {
    return type_reaches(t, type_is_floating, NULL);
}

static bool is_pointer_type(const Type *t) {
    return t->kind == TY_PTR;
}

bool type_holds_pointer(const Type *t) {
    return type_reaches(t, is_pointer_type, NULL);
}

static bool pointer_to_writable(const Type *t) {
    return t->kind == TY_PTR && t->base && !t->base->is_const;
}

bool type_element_const(const Type *t) {
    while ((t->kind == TY_PTR || t->kind == TY_ARRAY) && t->base)
        t = t->base;
    return t->is_const;
}

bool type_target_writable(const Type *t) {
    if ((t->kind != TY_PTR && t->kind != TY_ARRAY) || !t->base)
        return false;
    return !t->base->is_const || (t->base->kind == TY_STRUCT && type_reaches(t->base, pointer_to_writable, NULL));
}

static bool points_to_floating(const Type *t) {
    return t->kind == TY_PTR && type_has_floating(t->base);
}

const Field *type_field_pointing_to_floating(const Type *t) {
    t = type_scalar(t);
    Visiting inside = {t && t->kind == TY_STRUCT ? t->name : NULL, NULL};
    for (int i = 0; inside.name && i < t->nfields; i++)
        if (type_reaches(t->fields[i].type, points_to_floating, &inside))
            return &t->fields[i];
    return NULL;
}

bool type_is_rows(const Type *t) {
    return t->kind == TY_PTR && t->base->kind == TY_PTR && type_is_floating(t->base->base);
}

bool type_has_vla(const Type *t) {
    for (; t && (t->kind == TY_PTR || t->kind == TY_ARRAY); t = t->base)
        if (t->vla)
            return true;
    return false;
}

const Type *type_scalar(const Type *t) {
    while (t && (t->kind == TY_PTR || t->kind == TY_ARRAY))
        t = t->base;
    return t;
}

const Field *type_field(const Type *t, const char *name) {
    for (int i = 0; t && i < t->nfields; i++)
        if (strcmp(t->fields[i].name, name) == 0)
            return &t->fields[i];
    return NULL;
}

Type *type_new(TypeKind kind) {
    Type *t = ir_alloc(sizeof *t);
    t->kind = kind;
    t->array_len = -1;
    return t;
}

Type *type_int(void) {
    Type *t = type_new(TY_INT);
    t->name = "int";
    return t;
}

Type *type_pointer_to(Type *base) {
    Type *t = type_new(TY_PTR);
    t->base = base;
    return t;
}

Expr *expr_new(ExprKind kind, Type *type, SrcLoc loc) {
    Expr *e = ir_alloc(sizeof *e);
    e->kind = kind;
    e->type = type;
    e->loc = loc;
    return e;
}

Expr *expr_int(long long value, SrcLoc loc) {
    Expr *e = expr_new(EX_NUM, type_int(), loc);
    e->text = ir_format("%lld", value);
    return e;
}

Expr *expr_var(Var *var, SrcLoc loc) {
    Expr *e = expr_new(EX_VAR, var->type, loc);
    e->var = var;
    return e;
}

Expr *expr_binary(Op op, Expr *lhs, Expr *rhs, Type *type) {
    Expr *e = expr_new(EX_BINARY, type, lhs->loc);
    e->op = op;
    e->lhs = lhs;
    e->rhs = rhs;
    return e;
}

Expr *expr_with_operands(Expr *e, Expr *lhs, Expr *rhs) {
    if (lhs == e->lhs && rhs == e->rhs)
        return e;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    copy->lhs = lhs;
    copy->rhs = rhs;
    return copy;
}

Expr *expr_copy(const Expr *e) {
    if (!e)
        return NULL;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    copy->lhs = expr_copy(e->lhs);
    copy->rhs = expr_copy(e->rhs);
    copy->cond = expr_copy(e->cond);
    if (e->nargs) {
        copy->args = ir_alloc(sizeof(Expr *) * (size_t)e->nargs);
        for (int i = 0; i < e->nargs; i++)
            copy->args[i] = expr_copy(e->args[i]);
    }
    return copy;
}

Stmt *stmt_new(Func *fn, StmtKind kind, SrcLoc loc) {
    Stmt *s = ir_alloc(sizeof *s);
    s->kind = kind;
    s->loc = loc;
    s->id = ++fn->nstmts;
    return s;
}

Stmt *stmt_renewed(Func *fn, const Stmt *s) {
    Stmt *copy = stmt_new(fn, s->kind, s->loc);
    int id = copy->id;
    *copy = *s;
    copy->id = id;
    return copy;
}

void block_append(Stmt *block, Stmt *s) {
    IR_APPEND(block->body, block->nbody, s);
}

int block_rewrite(Func *fn, Stmt *block, StmtRewrite *rewrite) {
    Stmt **body = block->body;
    int n = block->nbody, errors = 0;
    block->body = NULL;
    block->nbody = 0;
    for (int i = 0; i < n; i++)
        errors += rewrite(fn, body[i], block);
    return errors;
}

int stmt_rewrite_inside(Func *fn, Stmt *s, Stmt *out, StmtRewrite *rewrite) {
    int errors = 0;
    Stmt **branches[] = {&s->then, &s->els};
    for (int k = 0; k < 2; k++) {
        Stmt *branch = *branches[k];
        if (branch && branch->kind != ST_BLOCK) { /* a branch of one statement: a block of its own */
            *branches[k] = stmt_new(fn, ST_BLOCK, branch->loc);
            (*branches[k])->scope = true;
            block_append(*branches[k], branch);
        }
        if (*branches[k])
            errors += block_rewrite(fn, *branches[k], rewrite);
    }
    if (s->kind == ST_BLOCK)
        errors += block_rewrite(fn, s, rewrite);
    block_append(out, s);
    return errors;
}

const Stmt *stmt_else_if(const Stmt *s) {
    const Stmt *e = s->kind == ST_IF ? s->els : NULL;
    return e && e->kind == ST_BLOCK && !e->scope && e->nbody == 1 && e->body[0]->kind == ST_IF ? e->body[0] : NULL;
}

/* ---- names: open addressing over the names of a function's variables ---- */

struct NameSlot {
    const char *name;
    int next_suffix;    /* a suffix memo (fresh_name): base_2 ... base_(next_suffix - 1) are taken */
    const char *chosen; /* Func.generated: the name func_new_name chose for this base */
};

static unsigned name_hash(const char *s) {
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of name, or the empty slot where it would go. */
static NameSlot *name_slot(const NameSet *set, const char *name) {
    unsigned mask = (unsigned)set->cap - 1;
    for (unsigned i = name_hash(name) & mask;; i = (i + 1) & mask)
        if (!set->slots[i].name || strcmp(set->slots[i].name, name) == 0)
            return &set->slots[i];
}

static NameSlot *name_add(NameSet *set, const char *name) {
    if (2 * (set->count + 1) > set->cap) {
        NameSet grown = {ir_alloc(sizeof(NameSlot) * (size_t)(set->cap ? 2 * set->cap : 64)), set->count,
                         set->cap ? 2 * set->cap : 64};
        for (int i = 0; i < set->cap; i++)
            if (set->slots[i].name)
                *name_slot(&grown, set->slots[i].name) = set->slots[i];
        *set = grown;
    }
    NameSlot *slot = name_slot(set, name);
    if (!slot->name) {
        slot->name = name;
        set->count++;
    }
    return slot;
}

static bool name_in(const NameSet *set, const char *name) {
    return set && set->cap && name_slot(set, name)->name;
}

const char *func_member_len(const Func *fn, int param, const char *member) {
    for (int i = 0; i < fn->nmember_lens; i++)
        if (fn->member_lens[i].param == param && strcmp(fn->member_lens[i].member, member) == 0)
            return fn->member_lens[i].len;
    return NULL;
}

bool func_param_zeroed_by_member(const Func *fn, int param) {
    const Type *t = type_scalar(fn->params[param]->type);
    return t && t->kind == TY_STRUCT && type_holds_pointer(t);
}

const char *func_member_zero_blocker(const Func *fn, int param) {
    const Var *p = fn->params[param];
    if (p->type->kind == TY_PTR && !fn->len[param]) /* one struct, or an array of them? */
        return ir_format("needs the length of '%s': add len(%s: 1) to ADC_DIFF (one struct)", p->name, p->name);
    if (p->type->kind == TY_ARRAY || (fn->len[param] && strcmp(fn->len[param], "1") != 0))
        return ir_format("cannot zero the gradient of '%s', an array of structs holding pointers", p->name);
    const Type *t = type_scalar(p->type);
    for (int i = 0; i < t->nfields; i++) {
        const Field *f = &t->fields[i];
        if (f->type->kind == TY_PTR && type_has_floating(f->type) && !func_member_len(fn, param, f->name))
            return ir_format("needs the length of what '%s.%s' points to: add len(%s.%s: ...) to ADC_DIFF",
                             p->name, f->name, p->name, f->name);
        if (f->type->kind != TY_PTR && type_holds_pointer(f->type))
            return ir_format("cannot zero the gradient of '%s', whose member '%s' holds pointers", p->name, f->name);
    }
    return NULL;
}

bool func_name_taken(const Func *fn, const char *name) {
    return name_in(&fn->names, name);
}

/* The suffixes of the names adc derives from a variable (x_d, x_b, x_grad, ...) or from the
 * function (f_d, f_b). */
static const char *const derived_suffixes[] = {"_d", "_dv", "_d_in", "_b", "_grad", "_v", "_hv"};

/* How many of derived_suffixes the modes fn gets derive names with: the first 3 (tangents)
 * in a program that only gets tangents. */
static size_t nderived_suffixes(const Func *fn) {
    return fn->prog && fn->prog->tangent_only ? 3 : sizeof derived_suffixes / sizeof derived_suffixes[0];
}

bool func_is_derived_name(const Func *fn, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < nderived_suffixes(fn); i++) {
        size_t k = strlen(derived_suffixes[i]);
        if (n <= k || strcmp(name + n - k, derived_suffixes[i]) != 0)
            continue;
        const char *stem = ir_format("%.*s", (int)(n - k), name);
        if (func_name_taken(fn, stem) || strcmp(stem, fn->name) == 0)
            return true;
    }
    return false;
}

bool func_name_free(const Func *fn, const char *name) {
    if (func_name_taken(fn, name) || name_in(fn->file_names, name) || func_is_derived_name(fn, name))
        return false;
    for (size_t i = 0; i < nderived_suffixes(fn); i++)
        if (func_name_taken(fn, ir_format("%s%s", name, derived_suffixes[i])))
            return false;
    return true;
}

const char *fresh_name(const char *base, NameTaken *taken, const void *ctx, NameSet *tried) {
    if (!taken(ctx, base))
        return base;
    NameSlot *memo = tried ? name_add(tried, base) : NULL;
    for (int k = memo && memo->next_suffix > 2 ? memo->next_suffix : 2;; k++) {
        const char *name = ir_format("%s_%d", base, k);
        if (!taken(ctx, name)) {
            if (memo)
                memo->next_suffix = k + 1;
            return name;
        }
    }
}

static bool func_name_used(const void *fn, const char *name) {
    return !func_name_free(fn, name);
}

const char *func_new_var_name(Func *fn, const char *base) {
    const char *name = fresh_name(base, func_name_used, fn, &fn->suffixes);
    name_add(&fn->names, name);
    return name;
}

const char *func_new_name(Func *fn, const char *base) {
    NameSlot *slot = name_add(&fn->generated, base);
    if (!slot->chosen)
        slot->chosen = func_new_var_name(fn, base);
    return slot->chosen;
}

bool prog_name_free(const Program *prog, const char *name) {
    if (name_in(&prog->file_names, name))
        return false;
    for (int i = 0; i < prog->nfuncs; i++)
        if (func_name_taken(prog->funcs[i], name))
            return false;
    return true;
}

void prog_add_prototype(Program *prog, const char *name) {
    name_add(&prog->prototypes, name);
}

bool prog_name_declares(const Program *prog, const char *name) {
    if (!name_in(&prog->prototypes, name))
        return false;
    for (int i = 0; i < prog->nfuncs; i++)
        if (func_name_taken(prog->funcs[i], name) || strcmp(prog->funcs[i]->name, name) == 0)
            return false;
    return true;
}

void prog_add_file_name(Program *prog, const char *name) {
    if (*name)
        name_add(&prog->file_names, name);
}

/* Whether the names set holds name or a name that begins with name_ (name_tangent). */
static bool name_or_derived_in(const void *names, const char *name) {
    const NameSet *set = names;
    size_t n = strlen(name);
    for (int i = 0; i < set->cap; i++)
        if (set->slots[i].name && strncmp(set->slots[i].name, name, n) == 0 &&
            (set->slots[i].name[n] == '\0' || set->slots[i].name[n] == '_'))
            return true;
    return false;
}

const char *prog_new_name(Program *prog, const char *base) {
    const char *name = fresh_name(base, name_or_derived_in, &prog->file_names, NULL);
    name_add(&prog->file_names, name);
    return name;
}

bool names_have(const NameSet *set, const char *name) {
    return name_in(set, name);
}

void names_add(NameSet *set, const char *name) {
    name_add(set, name);
}

bool global_can_be_active(const Type *t) {
    if (t->kind == TY_PTR)
        return type_is_floating(t->base);
    for (; t->kind == TY_ARRAY; t = t->base)
        if (t->array_len <= 0)
            return false;
    return type_is_floating(t);
}

bool global_is_pointer(const Var *v) {
    return v->kind == VAR_GLOBAL && !v->is_static_const && v->type->kind == TY_PTR && type_is_floating(v->type->base);
}

const char *global_len(const Func *fn, const Var *v) {
    for (int i = 0; i < fn->nglobal_lens; i++)
        if (strcmp(fn->global_lens[i].name, v->name) == 0)
            return fn->global_lens[i].len;
    return NULL;
}

void prog_add_active_global(Program *prog, Var *v) {
    IR_APPEND(prog->active_globals, prog->nactive_globals, v);
}

bool global_is_active(const Func *fn, const Var *v) {
    for (int i = 0; v->kind == VAR_GLOBAL && fn->prog && i < fn->prog->nactive_globals; i++)
        if (strcmp(fn->prog->active_globals[i]->name, v->name) == 0)
            return true;
    return false;
}

bool global_is_restored(const Func *fn, const Var *v) {
    return v->kind == VAR_GLOBAL && fn->prog && name_in(&fn->prog->restored_globals, v->name);
}

static bool func_var_named(const void *fn, const char *name) {
    return func_name_taken(fn, name);
}

const char *func_fresh_name(Func *fn, const char *base) {
    return fresh_name(base, func_var_named, fn, &fn->suffixes);
}

Var *func_add_var(Func *fn, const char *name, Type *type, VarKind kind, SrcLoc loc) {
    Var *v = ir_alloc(sizeof *v);
    v->name = v->source_name = name;
    v->type = type;
    v->kind = kind;
    v->loc = loc;
    v->index = fn->nvars;
    IR_APPEND(fn->vars, fn->nvars, v);
    name_add(&fn->names, name);
    return v;
}

Expr *func_local_holding(Func *fn, const char *base, Expr *value, bool once, Stmt **block) {
    Var *v = func_add_var(fn, func_new_var_name(fn, base), value->type, VAR_LOCAL, value->loc);
    Stmt *assign = stmt_new(fn, ST_ASSIGN, value->loc);
    assign->lhs = expr_var(v, value->loc);
    assign->rhs = value;
    assign->declares = true;
    assign->first_def = once;
    if (!*block)
        *block = stmt_new(fn, ST_BLOCK, value->loc);
    block_append(*block, assign);
    return expr_var(v, value->loc);
}

void prog_add_func(Program *prog, Func *fn) {
    IR_APPEND(prog->funcs, prog->nfuncs, fn);
}

bool var_is_entry(const Var *v) {
    return v->kind == VAR_LOCAL && v->pointer_root && v->pointer_root->entry == v;
}

/* The variable under lvalue or pointer expression e; with through_pointers false, NULL where
 * the way there reads a pointer from memory. */
static Var *variable_under(const Expr *e, bool through_pointers) {
    while (e) {
        switch (e->kind) {
        case EX_VAR: return e->var;
        case EX_INDEX: case EX_MEMBER: case EX_DEREF:
            if (!through_pointers && e->type->kind == TY_PTR)
                return NULL;
            e = e->lhs;
            break;
        case EX_ADDR: case EX_CAST:
            e = e->lhs;
            break;
        case EX_BINARY: /* pointer arithmetic: the pointer side */
            e = (e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY) ? e->lhs : e->rhs;
            break;
        default: return NULL;
        }
    }
    return NULL;
}

Var *expr_root_var(const Expr *e) {
    return variable_under(e, true);
}

Var *expr_memory_var(const Expr *e) {
    return variable_under(e, false);
}

const char *op_spelling(Op op) {
    static const char *const names[] = {
        [OP_NONE] = "", [OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_DIV] = "/",
        [OP_MOD] = "%", [OP_LT] = "<", [OP_LE] = "<=", [OP_GT] = ">", [OP_GE] = ">=",
        [OP_EQ] = "==", [OP_NE] = "!=", [OP_LAND] = "&&", [OP_LOR] = "||", [OP_NOT] = "!",
        [OP_BITAND] = "&", [OP_BITOR] = "|", [OP_BITXOR] = "^", [OP_SHL] = "<<",
        [OP_SHR] = ">>", [OP_BITNOT] = "~", [OP_NEG] = "-", [OP_PLUS] = "+",
    };
    return names[op];
}

bool expr_is_allocation(const Expr *e) {
    static const char *const names[] = {"malloc", "calloc", "realloc", "aligned_alloc", "adc_memalign", "adc_realloc_kept"};
    for (size_t i = 0; e->kind == EX_CALL && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(e->text, names[i]) == 0)
            return true;
    return false;
}

const Expr *expr_without_casts(const Expr *e) {
    while (e && e->kind == EX_CAST)
        e = e->lhs;
    return e;
}

const Expr *expr_allocation(const Expr *e) {
    e = expr_without_casts(e);
    return e && expr_is_allocation(e) ? e : NULL;
}

bool expr_is_realloc(const Expr *e) {
    const Expr *alloc = expr_allocation(e);
    return alloc && (strcmp(alloc->text, "realloc") == 0 || strcmp(alloc->text, "adc_realloc_kept") == 0);
}

const Expr *expr_heap_call(const Expr *e) {
    const Type *type = e ? e->type : NULL; /* adc_pop_ptr's, through its cast */
    e = expr_without_casts(e);
    if (!e || e->kind != EX_CALL)
        return NULL;
    bool returns_floating = e->callee && e->type->kind == TY_PTR && type_has_floating(e->type);
    bool popped = e->tape_op == TAPE_POP_PTR && type->kind == TY_PTR && type_has_floating(type);
    return expr_is_allocation(e) || returns_floating || popped ? e : NULL;
}

/* Whether a and b are the same type, up to const: a pointer arithmetic's operands are. */
static bool same_type(const Type *a, const Type *b) {
    for (; a && b; a = a->base, b = b->base)
        if (a->kind != b->kind || (a->kind == TY_ARRAY && a->array_len != b->array_len) ||
            ((a->kind == TY_STRUCT || a->kind == TY_INT) && a->name != b->name &&
             (!a->name || !b->name || strcmp(a->name, b->name) != 0)))
            return false;
    return !a && !b;
}

/* p, p + k, p - k or k + p, nested, of one pointer type (no casts inside), each k an integer
 * without calls: the block of p at offset k (Numerical Recipes' `v - nl + NR_END`). */
static Var *offset_block(const Expr *e, const Type *ptr) {
    if (e->kind == EX_VAR)
        return same_type(e->type, ptr) ? e->var : NULL;
    if (e->kind != EX_BINARY || (e->op != OP_ADD && e->op != OP_SUB))
        return NULL;
    bool left = e->lhs->type->kind == TY_PTR;
    const Expr *block = left ? e->lhs : e->rhs, *k = left ? e->rhs : e->lhs;
    if ((!left && e->op == OP_SUB) || k->type->kind != TY_INT || expr_has_call(k))
        return NULL;
    return offset_block(block, ptr);
}

Var *expr_block_at_offset(const Expr *e) {
    e = expr_without_casts(e);
    return e->type->kind == TY_PTR ? offset_block(e, e->type) : NULL;
}

Expr *expr_free_argument(const Expr *e) {
    return e && e->kind == EX_CALL && !e->callee && strcmp(e->text, "free") == 0 && e->nargs == 1 ? e->args[0] : NULL;
}

Var *expr_freed_var(const Expr *e) {
    const Expr *arg = expr_free_argument(e);
    return arg ? expr_block_at_offset(arg) : NULL;
}

bool var_holds_blocks(const Var *v) {
    return v->heap || (v->kind == VAR_PARAM && v->type->kind == TY_PTR && type_has_floating(v->type));
}

bool stmt_frees_later(const Stmt *s) {
    const Expr *e = s && s->kind == ST_CALL ? s->rhs : NULL;
    if (!expr_free_argument(e))
        return false;
    const Var *v = expr_freed_var(e);
    return !v || !var_holds_blocks(v);
}

bool expr_is_null(const Expr *e) {
    e = expr_without_casts(e);
    return e->kind == EX_NUM && strcmp(e->text, "0") == 0;
}

bool stmt_points_member(const Stmt *s) {
    const Expr *m = s && s->kind == ST_ASSIGN ? s->lhs : NULL;
    return m && m->kind == EX_MEMBER && !m->arrow && m->lhs->kind == EX_VAR && m->lhs->var->kind == VAR_LOCAL &&
           m->type->kind == TY_PTR && type_has_floating(m->type);
}

bool stmt_points_one_array(const Stmt *s) {
    const Var *v = stmt_points_member(s) ? s->lhs->lhs->var : NULL;
    for (int i = 0; v && i < v->n_one_array; i++)
        if (strcmp(v->one_array[i], s->lhs->text) == 0)
            return true;
    return false;
}

bool stmt_assigns_heap(const Stmt *s) {
    return s && s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR && s->lhs->var->heap &&
           expr_heap_call(s->rhs);
}

const Var *stmt_copies_heap(const Stmt *s) {
    bool decl = s && s->kind == ST_DECL && s->rhs && s->var->heap;
    if (!decl && (!s || s->kind != ST_ASSIGN || s->op != OP_NONE || s->lhs->kind != EX_VAR || !s->lhs->var->heap))
        return NULL;
    const Expr *from = expr_without_casts(s->rhs);
    return from->kind == EX_VAR && from->var->heap ? from->var : NULL;
}

static bool heap_rows(const Expr *e) {
    return e->kind == EX_VAR && e->var->heap && type_is_rows(e->var->type);
}

/* heap_rows, or a row-pointer parameter holding blocks (a helper freeing a table it is given). */
static bool block_rows(const Expr *e) {
    return e->kind == EX_VAR && var_holds_blocks(e->var) && type_is_rows(e->var->type);
}

bool stmt_allocates_row(const Stmt *s) {
    const Expr *alloc = s && s->kind == ST_ASSIGN && s->op == OP_NONE ? expr_allocation(s->rhs) : NULL;
    return alloc && strcmp(alloc->text, "realloc") != 0 && s->lhs->kind == EX_INDEX && heap_rows(s->lhs->lhs);
}

const Expr *expr_freed_row(const Expr *e) {
    const Expr *arg = expr_free_argument(e);
    arg = arg ? expr_without_casts(arg) : NULL;
    return arg && arg->kind == EX_INDEX && block_rows(arg->lhs) ? arg : NULL;
}

const Expr *expr_freed_member(const Expr *e) {
    const Expr *arg = expr_free_argument(e);
    arg = arg ? expr_without_casts(arg) : NULL;
    return arg && arg->kind == EX_MEMBER && arg->type->kind == TY_PTR && type_has_floating(arg->type) ? arg : NULL;
}

bool func_returns_heap(const Func *fn) {
    return fn->ret->kind == TY_PTR && type_has_floating(fn->ret);
}

bool type_is_void_pointer(const Type *t) {
    return t && t->kind == TY_PTR && t->base->kind == TY_VOID;
}

const char *call_spelling(const Expr *call) {
    if (call->callee && call->callee->primal)
        return ir_format("the call through '%s'", call->callee->params[0]->source_name);
    return ir_format("'%s'", call->callee ? call->callee->name : call->text);
}

bool expr_reads_void_pointer(const Expr *e) {
    return type_is_void_pointer(e->type) &&
           (e->kind == EX_VAR || e->kind == EX_MEMBER || e->kind == EX_INDEX || e->kind == EX_DEREF);
}

static FindVerdict is_var(const Expr *e, const void *v) {
    return e->kind == EX_VAR && e->var == v ? FIND_FOUND : FIND_INSIDE;
}

bool expr_mentions(const Expr *e, const Var *v) {
    return expr_find(e, is_var, v) != NULL;
}

static FindVerdict reads_memory_here(const Expr *e, const void *ctx) {
    (void)ctx;
    if (e->kind == EX_INDEX || e->kind == EX_DEREF || (e->kind == EX_MEMBER && e->arrow))
        return FIND_FOUND;
    return e->kind == EX_ADDR ? FIND_SKIP : FIND_INSIDE; /* &a[k] names memory without reading it */
}

bool expr_reads_memory(const Expr *e) {
    return expr_find(e, reads_memory_here, NULL) != NULL;
}

static FindVerdict is_call(const Expr *e, const void *ctx) {
    (void)ctx;
    return e->kind == EX_CALL ? FIND_FOUND : FIND_INSIDE;
}

bool expr_has_call(const Expr *e) {
    return expr_find(e, is_call, NULL) != NULL;
}

static FindVerdict is_function_call(const Expr *e, const void *ctx) {
    (void)ctx;
    return e->kind == EX_CALL && !e->math ? FIND_FOUND : FIND_INSIDE;
}

bool expr_calls_function(const Expr *e) {
    return expr_find(e, is_function_call, NULL) != NULL;
}

static FindVerdict takes_address_of(const Expr *e, const void *v) {
    return e->kind == EX_ADDR && expr_root_var(e->lhs) == v ? FIND_FOUND : FIND_INSIDE;
}

bool expr_takes_address(const Expr *e, const Var *v) {
    return expr_find(e, takes_address_of, v) != NULL;
}

bool stmt_takes_address(const Stmt *s, const Var *v) {
    return stmt_find_expr(s, takes_address_of, v) != NULL;
}

static bool mentions_here(const Stmt *s, const void *v) {
    return s->var == v || expr_mentions(s->lhs, v) || expr_mentions(s->rhs, v) || expr_mentions(s->cond, v);
}

bool stmt_mentions(const Stmt *s, const Var *v) {
    return stmt_find(s, mentions_here, v) != NULL;
}

/* The variable &e hands over whole to a callee (&v, &s.f, &s.a[i]), or NULL when e is an
 * element reached through a pointer or of an array variable (x[i], p->f). */
static Var *addressed_var(const Expr *e) {
    while ((e->kind == EX_MEMBER && !e->arrow) || (e->kind == EX_INDEX && e->lhs->kind == EX_MEMBER && !e->lhs->arrow))
        e = e->lhs;
    return e->kind == EX_VAR && e->var->type->kind != TY_ARRAY ? e->var : NULL;
}

void expr_passed_addresses(const Expr *e, bool in_call, void (*visit)(Var *, void *), void *arg) {
    if (!e)
        return;
    Var *v = in_call && e->kind == EX_ADDR ? addressed_var(e->lhs) : NULL;
    if (v)
        visit(v, arg);
    in_call |= e->kind == EX_CALL;
    for (int i = 0; i < e->nargs; i++)
        expr_passed_addresses(e->args[i], in_call, visit, arg);
    expr_passed_addresses(e->lhs, in_call, visit, arg);
    expr_passed_addresses(e->rhs, in_call, visit, arg);
    expr_passed_addresses(e->cond, in_call, visit, arg);
}

static void match_var(Var *v, void *arg) {
    Var **wanted = arg;
    if (*wanted == v)
        *wanted = NULL;
}

/* Whether a call in e receives v's address. */
static bool passes_address(const Expr *e, const Var *v) {
    Var *wanted = (Var *)v;
    expr_passed_addresses(e, false, match_var, &wanted);
    return !wanted;
}

static bool reads_here(const Stmt *s, const void *v) {
    bool target = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v;
    return (!target && expr_mentions(s->lhs, v)) || expr_mentions(s->rhs, v) || expr_mentions(s->cond, v);
}

bool stmt_reads(const Stmt *s, const Var *v) {
    return stmt_find(s, reads_here, v) != NULL;
}

static bool assigns_here(const Stmt *s, const void *v) {
    return (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v) || (s->kind == ST_DECL && s->var == v) ||
           passes_address(s->lhs, v) || passes_address(s->rhs, v) || passes_address(s->cond, v);
}

bool stmt_assigns(const Stmt *s, const Var *v) {
    return stmt_find(s, assigns_here, v) != NULL;
}

static bool assigns_itself_here(const Stmt *s, const void *v) {
    return s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v;
}

bool stmt_assigns_itself(const Stmt *s, const Var *v) {
    return stmt_find(s, assigns_itself_here, v) != NULL;
}

const Stmt *counting_step(const Stmt *s) {
    return s->step->kind == ST_BLOCK ? s->step->body[0] : s->step;
}

bool expr_int_literal(const Expr *e, long *value) {
    if (!e || e->kind != EX_NUM || !isdigit((unsigned char)e->text[0]))
        return false;
    char *end;
    *value = strtol(e->text, &end, 0);
    end += strspn(end, "uUlL");
    return *end == '\0';
}

const Stmt *counting_start(const Stmt *init, const Var *i) {
    const Stmt *s = stmt_unwrapped((Stmt *)init);
    bool assigns = s && s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR && s->lhs->var == i;
    return assigns || (s && s->kind == ST_DECL && s->var == i && s->rhs) ? s : NULL;
}

long counting_stride(const Stmt *step, const Var *i) {
    const Stmt *s = stmt_unwrapped((Stmt *)step);
    long c;
    if (!s || s->kind != ST_ASSIGN || (s->op != OP_ADD && s->op != OP_SUB) || s->lhs->kind != EX_VAR ||
        s->lhs->var != i || !expr_int_literal(s->rhs, &c))
        return 0;
    return s->op == OP_SUB ? -c : c;
}

Stmt *stmt_unwrapped(Stmt *s) {
    while (s && s->kind == ST_BLOCK && s->nbody == 1)
        s = s->body[0];
    return s;
}

const Stmt *stmt_find(const Stmt *s, bool (*match)(const Stmt *, const void *ctx), const void *ctx) {
    if (!s || match(s, ctx))
        return s;
    const Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = stmt_find(s->body[i], match, ctx);
    const Stmt *parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = stmt_find(parts[i], match, ctx);
    return found;
}

const Expr *expr_find(const Expr *e, FindVerdict (*match)(const Expr *, const void *ctx), const void *ctx) {
    FindVerdict verdict = e ? match(e, ctx) : FIND_SKIP;
    if (verdict != FIND_INSIDE)
        return verdict == FIND_FOUND ? e : NULL;
    const Expr *found = NULL;
    for (int i = 0; i < e->nargs && !found; i++)
        found = expr_find(e->args[i], match, ctx);
    const Expr *parts[] = {e->lhs, e->rhs, e->cond};
    for (int i = 0; i < 3 && !found; i++)
        found = expr_find(parts[i], match, ctx);
    return found;
}

typedef struct ExprSearch {
    FindVerdict (*match)(const Expr *, const void *ctx);
    const void *ctx;
    const Expr *found;
} ExprSearch;

static bool holds_expr(const Stmt *s, const void *search) {
    ExprSearch *x = (ExprSearch *)search;
    const Expr *parts[] = {s->lhs, s->rhs, s->cond};
    for (int i = 0; i < 3 && !x->found; i++)
        x->found = expr_find(parts[i], x->match, x->ctx);
    return x->found != NULL;
}

const Expr *stmt_find_expr(const Stmt *s, FindVerdict (*match)(const Expr *, const void *ctx), const void *ctx) {
    ExprSearch x = {match, ctx, NULL};
    stmt_find(s, holds_expr, &x);
    return x.found;
}

static bool checkpointed(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->checkpoint != 0;
}

bool stmt_has_checkpoint(const Stmt *s) {
    return stmt_find(s, checkpointed, NULL) != NULL;
}

bool stmt_has_openmp(const Stmt *s) {
    for (int i = 0; i < s->npragmas; i++)
        if (s->pragmas[i].kind == PRAGMA_OPENMP)
            return true;
    return false;
}

typedef struct Repoint {
    const Var *s; /* a struct pointer parameter, or a local struct (passed as &s) */
    int depth;
} Repoint;

/* `s->m = ...;` re-pointing a member of s to floating data. */
static bool repoints_here(const Stmt *st, const void *ctx) {
    const Repoint *r = ctx;
    const Expr *m = st->kind == ST_ASSIGN ? st->lhs : NULL;
    return m && m->kind == EX_MEMBER && m->arrow && m->lhs->kind == EX_VAR && m->lhs->var == r->s &&
           m->type->kind == TY_PTR && type_has_floating(m->type);
}

/* A call passing s (or &s) to a parameter its callee re-points the members of. */
static FindVerdict passes_to_repointer(const Expr *e, const void *ctx) {
    const Repoint *r = ctx;
    for (int i = 0; e->kind == EX_CALL && e->callee && i < e->nargs && i < e->callee->nparams && r->depth < 8; i++) {
        const Expr *a = expr_without_casts(e->args[i]);
        if (a->kind == EX_ADDR)
            a = a->lhs;
        Repoint inner = {e->callee->params[i], r->depth + 1};
        if (a->kind == EX_VAR && a->var == r->s && e->callee->body &&
            (stmt_find(e->callee->body, repoints_here, &inner) || stmt_find_expr(e->callee->body, passes_to_repointer, &inner)))
            return FIND_FOUND;
    }
    return FIND_INSIDE;
}

const Stmt *stmt_find_repointing(const Stmt *body, const Var *s) {
    Repoint r = {s, 0};
    return stmt_find(body, repoints_here, &r);
}

const Expr *stmt_call_repointing(const Stmt *body, const Var *s) {
    Repoint r = {s, 0};
    return stmt_find_expr(body, passes_to_repointer, &r);
}
