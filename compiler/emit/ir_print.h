/* ir_print.h: the IR as text (--emit=ir) and as a Graphviz computational graph (--emit=dot). */
#ifndef ADC_IR_PRINT_H
#define ADC_IR_PRINT_H

#include "buf.h"
#include "ir.h"

int ir_print_program(Buf *out, Program *prog);
int dot_print_program(Buf *out, Program *prog);

#endif
