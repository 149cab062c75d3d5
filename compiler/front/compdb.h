/* compdb.h: reads the compile flags of a file from a build directory's
 * compile_commands.json (adc -p BUILD_DIR), so adc parses with the real build's flags. */
#ifndef ADC_COMPDB_H
#define ADC_COMPDB_H

/* Appends the clang-relevant flags for file to *args. Returns 0 or reports an error. */
int compdb_flags(const char *build_dir, const char *file, const char ***args, int *nargs);

#endif
