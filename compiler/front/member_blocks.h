/* member_blocks.h: local structs whose members point to floating data (an MD code's system). */
#ifndef ADC_MEMBER_BLOCKS_H
#define ADC_MEMBER_BLOCKS_H

#include "ir.h"

/* Checks each local struct of fn whose members point to floating data: every such member is
 * assigned once, outside loops, a new heap block or an array that stays in place; gives each
 * heap member a heap pointer of its own (s.x = malloc(n) is s_x = malloc(n); s.x = s_x;).
 * Returns the number of errors. */
int member_blocks(Func *fn);

#endif
