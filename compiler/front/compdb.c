/* compdb.c: compile_commands.json through libclang's compilation-database API. Of the
 * recorded command it keeps what changes how the file parses (-I, -D, -U, -std, -include,
 * -isystem, -f and -m flags) and drops the compiler, outputs and the input itself. */
#include <stdlib.h>
#include <string.h>
#include <clang-c/CXCompilationDatabase.h>
#include "clang_util.h"
#include "compdb.h"
#include "diag.h"

static bool keeps_value(const char *arg) {
    return strcmp(arg, "-I") == 0 || strcmp(arg, "-D") == 0 || strcmp(arg, "-U") == 0 ||
           strcmp(arg, "-include") == 0 || strcmp(arg, "-isystem") == 0;
}

static bool keeps(const char *arg) {
    return strncmp(arg, "-I", 2) == 0 || strncmp(arg, "-D", 2) == 0 || strncmp(arg, "-U", 2) == 0 ||
           strncmp(arg, "-std=", 5) == 0 || strncmp(arg, "-f", 2) == 0 || strncmp(arg, "-m", 2) == 0 ||
           strncmp(arg, "-isystem", 8) == 0;
}

static void append(const char ***args, int *nargs, const char *arg) {
    IR_APPEND(*args, *nargs, arg);
}

int compdb_flags(const char *build_dir, const char *file, const char ***args, int *nargs) {
    CXCompilationDatabase_Error err;
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(build_dir, &err);
    SrcLoc none = {NULL, 0, 0};
    if (err != CXCompilationDatabase_NoError) {
        error_at(none, "cannot read '%s/compile_commands.json'", build_dir);
        return -1;
    }
    char *path = realpath(file, NULL);
    CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, path ? path : file);
    free(path);
    int rc = 0;
    if (clang_CompileCommands_getSize(cmds) == 0) {
        error_at(none, "'%s' has no entry in '%s/compile_commands.json'", file, build_dir);
        rc = -1;
    } else {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, 0);
        const char *dir = cx_string(clang_CompileCommand_getDirectory(cmd));
        unsigned n = clang_CompileCommand_getNumArgs(cmd);
        for (unsigned i = 1; i < n; i++) {
            const char *arg = cx_string(clang_CompileCommand_getArg(cmd, i));
            if (keeps_value(arg) && i + 1 < n) {
                const char *value = cx_string(clang_CompileCommand_getArg(cmd, ++i));
                if (strcmp(arg, "-I") == 0 && value[0] != '/')
                    value = ir_format("%s/%s", dir, value);
                append(args, nargs, arg);
                append(args, nargs, value);
            } else if (strncmp(arg, "-I", 2) == 0 && arg[2] != '/') {
                append(args, nargs, ir_format("-I%s/%s", dir, arg + 2));
            } else if (keeps(arg)) {
                append(args, nargs, arg);
            }
        }
    }
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    return rc;
}
