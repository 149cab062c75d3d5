/* header_statics.h: mutable static variables of headers, usable only as scratch. */
#ifndef ADC_HEADER_STATICS_H
#define ADC_HEADER_STATICS_H

#include "ir.h"

/* Refuses each read of a header's mutable static (Var.header_copy) in fn that no assignment
 * earlier in its block or an enclosing one precedes. Returns the number of errors. */
int check_header_statics(const Func *fn);

#endif
