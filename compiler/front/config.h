/* config.h: the preprocessor configuration adc read the inputs under (config.c). */
#ifndef ADC_CONFIG_H
#define ADC_CONFIG_H

#include <clang-c/Index.h>
#include "ir.h"

/* Adds to prog->config each macro the conditional directives of file (parsed as tu) test,
 * with its state on entry to file under the clang arguments args, and the groups of those
 * directives to prog->config_groups; a macro another input saw otherwise becomes conflicting. */
void config_collect(Program *prog, CXIndex index, CXTranslationUnit tu, const char *file, const char *const *args,
                    int nargs);

/* Marks the macros that matter: tested by a group holding a #define or (part of) a function
 * adc lowered. Once every function is lowered. */
void config_select(Program *prog);

#endif
