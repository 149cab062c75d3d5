/* init_list.c: an initializer list filled as C fills it (C11 6.7.9). libclang gives a list as
 * written, where C lets the braces of subobjects be left out (`double m[2][2] = {1, a, b, 4}`,
 * brace elision) and lets an initializer name the subobject it sets (`.x = a`, `[5] = b`,
 * `.pos[1] = c`, designators), the ones after it going on from there. The list is rebuilt
 * with a list of its own for each aggregate member, in order, every member it leaves out
 * written as 0, so that the transforms see one initializer per member: the zeros set the
 * derivatives of those members to 0 like any constant. An item that sets a subobject an
 * earlier one set (C keeps the last, and leaves unspecified whether the first is evaluated)
 * is refused. */
#include <string.h>
#include "diag.h"
#include "init_list.h"

/* A subobject being initialized: its initializer as written (value), or its members or
 * elements initialized one by one (parts), or neither (zero). */
typedef struct Slot {
    Type *type;
    Expr *value;
    struct Slot *parts;
    long nparts;            /* parts allocated (an array of unknown length grows) */
} Slot;

/* A position: the part `next` of an aggregate slot. */
typedef struct Level {
    Slot *slot;
    long next;
} Level;

typedef struct Filler {
    Level *levels;          /* [0]: the object; deeper: subobjects entered by brace elision or
                               a designator, left when all their parts are given */
    int depth;
} Filler;

static bool is_aggregate(const Type *t) {
    return t->kind == TY_ARRAY || t->kind == TY_STRUCT;
}

/* Parts of t: -1 for an array of unknown length. */
static long part_count(const Type *t) {
    return t->kind == TY_ARRAY ? t->array_len : t->nfields;
}

static Type *part_type(const Type *t, long k) {
    return t->kind == TY_ARRAY ? t->base : t->fields[k].type;
}

/* `0`, `{0, {0}, 0}`: what C gives members a list leaves out, written out so that the
 * generated lists name every member of a struct (-Wmissing-field-initializers). */
static Expr *zero_initializer(Type *t, SrcLoc loc) {
    if (!is_aggregate(t))
        return expr_int(0, loc);
    long count = t->kind == TY_ARRAY ? 1 : t->nfields;
    Expr *e = expr_new(EX_INITLIST, t, loc);
    e->args = ir_alloc(sizeof(Expr *) * (size_t)(count + 1));
    for (long k = 0; k < count; k++)
        e->args[e->nargs++] = zero_initializer(part_type(t, k), loc);
    return e;
}

/* Part k of aggregate slot s, allocated on first use (all of a known length at once). */
static Slot *slot_part(Slot *s, long k) {
    if (k >= s->nparts) {
        long count = part_count(s->type) >= 0 ? part_count(s->type) : 2 * k + 2;
        Slot *parts = ir_alloc(sizeof(Slot) * (size_t)count);
        if (s->nparts)
            memcpy(parts, s->parts, sizeof(Slot) * (size_t)s->nparts);
        for (long j = s->nparts; j < count; j++)
            parts[j].type = part_type(s->type, j);
        s->parts = parts;
        s->nparts = count;
    }
    return &s->parts[k];
}

static bool is_set(const Slot *s) {
    return s->value || s->nparts;
}

static bool refuse(SrcLoc loc, const char *what) {
    error_at(loc, "%s is not supported by adc", what);
    return false;
}

static void enter(Filler *f, Slot *s) {
    IR_APPEND(f->levels, f->depth, (Level){s, 0});
}

/* Enters part s to initialize its parts one by one. */
static bool enter_part(Filler *f, Slot *s, SrcLoc loc) {
    if (s->value)
        return refuse(loc, "an initializer of part of a member that an earlier initializer sets whole");
    if (!is_aggregate(s->type))
        return refuse(loc, "this designator");
    enter(f, s);
    return true;
}

/* Whether value initializes an object of type t by itself: a braced list, a scalar of a
 * scalar, a struct of t's type, a string of a char array; else it begins t's parts (brace
 * elision: a struct of another type is a member's). */
static bool initializes_whole(const Type *t, const Expr *value) {
    if (!is_aggregate(t) || value->kind == EX_INITLIST)
        return true;
    if (t->kind == TY_STRUCT)
        return value->type->kind == TY_STRUCT && strcmp(value->type->name, t->name) == 0;
    return value->type->kind == TY_ARRAY;
}

/* Sets the subobject at the current position to value, and moves past it. */
static bool place(Filler *f, Expr *value, SrcLoc loc) {
    for (;;) {
        Level *top = &f->levels[f->depth - 1];
        long count = part_count(top->slot->type);
        if (count >= 0 && top->next >= count) {
            if (f->depth == 1)
                return refuse(loc, "an initializer beyond the end of its object");
            f->depth--;
            f->levels[f->depth - 1].next++;
            continue;
        }
        Slot *part = slot_part(top->slot, top->next);
        if (!initializes_whole(part->type, value)) {
            if (!enter_part(f, part, loc))
                return false;
            continue;
        }
        if (is_set(part))
            return refuse(loc, "an initializer of a member that an earlier initializer sets");
        part->value = value;
        top->next++;
        return true;
    }
}

/* Position of designator d in aggregate t, or -1. */
static long designated_part(const Type *t, const Designator *d) {
    if (t->kind == TY_STRUCT && d->member) {
        for (int k = 0; k < t->nfields; k++)
            if (t->fields[k].name && strcmp(t->fields[k].name, d->member) == 0)
                return k;
        return -1;
    }
    bool in_range = d->index >= 0 && (t->array_len < 0 || d->index < t->array_len);
    return t->kind == TY_ARRAY && !d->member && in_range ? d->index : -1;
}

/* Moves the position to the subobject item's designators name, from the object's start. */
static bool designate(Filler *f, const InitItem *item) {
    f->depth = 1;
    for (int i = 0; i < item->ndesignators; i++) {
        Level *top = &f->levels[f->depth - 1];
        if (i > 0 && !enter_part(f, slot_part(top->slot, top->next), item->loc))
            return false;
        top = &f->levels[f->depth - 1];
        long k = designated_part(top->slot->type, &item->designators[i]);
        if (k < 0)
            return refuse(item->loc, "this designator (a member of an unnamed struct or union, or an index "
                          "out of range)");
        top->next = k;
    }
    return true;
}

static Expr *slot_expr(const Slot *s, SrcLoc loc) {
    if (s->value)
        return s->value;
    if (!s->nparts)
        return zero_initializer(s->type, loc);
    long count = s->type->kind == TY_STRUCT ? s->nparts : 0;
    for (long k = 0; k < s->nparts && s->type->kind == TY_ARRAY; k++)
        if (is_set(&s->parts[k]))
            count = k + 1;
    Expr *e = expr_new(EX_INITLIST, s->type, loc);
    e->args = ir_alloc(sizeof(Expr *) * (size_t)(count + 1));
    for (long k = 0; k < count; k++)
        e->args[e->nargs++] = slot_expr(&s->parts[k], loc);
    return e;
}

Expr *init_list_fill(Type *t, const InitItem *items, int n, SrcLoc loc) {
    Slot object = {.type = t};
    Filler f = {0};
    enter(&f, &object);
    for (int i = 0; i < n; i++)
        if ((items[i].ndesignators && !designate(&f, &items[i])) || !place(&f, items[i].value, items[i].loc))
            return NULL;
    return slot_expr(&object, loc);
}
