/* init_list.h: an initializer list filled as C fills it (brace elision, designators). */
#ifndef ADC_INIT_LIST_H
#define ADC_INIT_LIST_H

#include "ir.h"

/* One designator of an initializer: `.member` (member set) or `[index]`. */
typedef struct Designator {
    const char *member;
    long index;
} Designator;

/* One initializer of a braced list as written: its value, after the designators that name
 * the subobject it sets (`.a.y = v`: two; none for a positional one). */
typedef struct InitItem {
    Expr *value;
    const Designator *designators;
    int ndesignators;
    SrcLoc loc;
} InitItem;

/* The list that initializes an object of aggregate type t from items: a list of its own for
 * each aggregate member, every struct member named (0 where the items give none), an array's
 * elements up to its last one given. NULL after reporting an item the object has no place
 * for, or one that sets a subobject an earlier item set. */
Expr *init_list_fill(Type *t, const InitItem *items, int n, SrcLoc loc);

#endif
