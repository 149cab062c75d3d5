/* gen.h: generation of a whole output file: the instances (modes/instance.h) each mode
 * writes, and the file around them. */
#ifndef ADC_GEN_H
#define ADC_GEN_H

#include "buf.h"
#include "ir.h"

/* Writes the whole output file for prog into out. Returns 0 or the number of errors. */
int gen_program(Program *prog, Buf *out, const char *version);
/* The derivative functions alone, prototypes then definitions (no file around them). */
int gen_functions(Program *prog, Buf *out);
/* Prototypes only (for --header), followed by extra. */
int gen_header(Program *prog, Buf *out, const char *version, const char *guard, const char *extra);

#endif
