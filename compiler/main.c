/* main.c: the adc command line: parses options, runs the front end and the chosen emitter,
 * and writes the output atomically (a temporary file renamed into place), so that a failed
 * run never leaves a partial or stale output behind. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "annot.h"
#include "buf.h"
#include "clang_util.h"
#include "compdb.h"
#include "diag.h"
#include "frontend.h"
#include "gen.h"
#include "ir_print.h"
#include "second.h"

#ifndef ADC_VERSION
#define ADC_VERSION "0.0.0"
#endif

typedef struct Options {
    const char **inputs;
    int ninputs;
    const char *output, *header, *depfile, *build_dir;
    const char *emit;
    bool make_deps, include_source;
    const char **clang_args;
    int nclang_args;
    Request *requests;
    int nrequests;
    int vector_width;
    bool fast_math;
} Options;

static const char usage_text[] =
    "usage: adc [options] FILE.c... [-- CLANG_ARGS...]\n"
    "\n"
    "Reads FILE.c (several files: the .c files of one program, each its own translation unit),\n"
    "finds the functions marked ADC_DIFF(...) (see adc.h) or named with --function, and writes\n"
    "one C file computing their derivatives and those of the functions they call.\n"
    "\n"
    "Output:\n"
    "  -o FILE            write the generated C to FILE (default: standard output)\n"
    "  --header FILE      also write prototypes of the generated functions to FILE\n"
    "  --emit=c|ir|dot    emit C (default), the IR as text, or the computational graph (DOT)\n"
    "  --include-source   the generated file #includes FILE.c and is compiled instead of it, so\n"
    "                     the derivatives reach its static variables\n"
    "  -MD -MF FILE       write a make dependency file listing the sources and their headers\n"
    "Requests (in addition to ADC_DIFF annotations):\n"
    "  --function NAME    differentiate NAME\n"
    "  --wrt A,B          with respect to these parameters of the last --function\n"
    "  --len X=N,Y=2*N    lengths of pointer parameters (or global pointers) of the last --function (as len(...))\n"
    "  --modes M,N        modes for the last --function: tangent, tangent_vector, adjoint, grad,\n"
    "                     hvp, hessian, jacobian\n"
    "  --vector N         also emit vector tangents with N directions (NAME_tangent_vector)\n"
    "  --fast-math        backward sweeps may reassociate their arithmetic (clang only; the\n"
    "                     primal stays exact): as options(fast_math) on every function\n"
    "Parsing:\n"
    "  -I DIR, -D NAME[=V], -U NAME, -std=STD   passed to clang\n"
    "  -p BUILD_DIR       read the flags of each FILE.c from BUILD_DIR/compile_commands.json\n"
    "  -- ARGS...         pass every following argument to clang\n"
    "Diagnostics:\n"
    "  -Werror            treat warnings as errors\n"
    "  -Wnonsmooth        warn where an active value goes through fabs, fmin, fmax, floor, ...\n"
    "                     (a conversion of an active value to an integer is always a warning)\n"
    "  -Wno-entry-value   do not warn where the code may read the value a global carrying\n"
    "                     derivatives holds on entry (its derivative on entry is taken as 0)\n"
    "  --help, --version\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage errors.\n";

static int usage_error(const char *fmt, const char *arg) {
    fputs("adc: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(see adc --help)\n", stderr);
    return 2;
}

static void add_clang_arg(Options *o, const char *arg) {
    IR_APPEND(o->clang_args, o->nclang_args, arg);
}

static Request *add_request(Options *o, const char *name) {
    IR_APPEND(o->requests, o->nrequests, (Request){.function = name});
    Request *r = &o->requests[o->nrequests - 1];
    return r;
}

static int parse_modes(Request *r, const char *list) {
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        unsigned mode = annot_mode(p, n);
        if (!mode)
            return usage_error("unknown mode in '%s'", list);
        r->modes |= mode;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* An option that takes a value, either attached (-Ifoo, --emit=c) or as the next word. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (arg[n] == '=' || (arg[n] && name[1] != '-'))
        return arg + n + (arg[n] == '=');
    return *i + 1 < argc ? argv[++*i] : NULL;
}

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int parse_request_option(Options *o, const char *arg, const char *value) {
    if (strcmp(arg, "--function") == 0) {
        add_request(o, value);
        return 0;
    }
    if (o->nrequests == 0)
        return usage_error("%s must follow a --function", arg);
    Request *r = &o->requests[o->nrequests - 1];
    if (strcmp(arg, "--wrt") == 0)
        r->wrt = value;
    else if (strcmp(arg, "--len") == 0)
        r->len = value;
    else
        return parse_modes(r, value);
    return 0;
}

static int parse_args(Options *o, int argc, char **argv) {
    static const char *const valued[] = {"-o", "--header", "-MF", "-p", "--emit", "--function",
                                         "--wrt", "--len", "--modes", "--vector", "-I", "-D", "-U"};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            while (++i < argc)
                add_clang_arg(o, argv[i]);
            break;
        }
        if (strcmp(arg, "-MD") == 0 || strcmp(arg, "-MMD") == 0) {
            o->make_deps = true;
            continue;
        }
        if (strcmp(arg, "--fast-math") == 0) {
            o->fast_math = true;
            continue;
        }
        if (strcmp(arg, "--include-source") == 0) {
            o->include_source = true;
            continue;
        }
        if (strcmp(arg, "-Werror") == 0) {
            diag_set_warnings_are_errors(true);
            continue;
        }
        if (strcmp(arg, "-Wnonsmooth") == 0) {
            diag_set_nonsmooth(true);
            continue;
        }
        if (strcmp(arg, "-Wno-entry-value") == 0) {
            diag_set_entry_value(false);
            continue;
        }
        if (starts_with(arg, "-std=")) {
            add_clang_arg(o, arg);
            continue;
        }
        const char *name = NULL;
        for (size_t k = 0; k < sizeof valued / sizeof valued[0] && !name; k++)
            if (strcmp(arg, valued[k]) == 0 ||
                (starts_with(arg, valued[k]) && (valued[k][1] != '-' ? strlen(valued[k]) == 2 : arg[strlen(valued[k])] == '=')))
                name = valued[k];
        if (!name) {
            if (arg[0] == '-' && arg[1])
                return usage_error("unknown option '%s'", arg);
            for (int k = 0; k < o->ninputs; k++)
                if (strcmp(o->inputs[k], arg) == 0)
                    return usage_error("input file '%s' is given twice", arg);
            IR_APPEND(o->inputs, o->ninputs, arg);
            continue;
        }
        const char *value = option_value(argc, argv, &i, name);
        if (!value || !*value)
            return usage_error("option '%s' needs a value", name);
        if (strcmp(name, "-o") == 0) o->output = value;
        else if (strcmp(name, "--header") == 0) o->header = value;
        else if (strcmp(name, "-MF") == 0) o->depfile = value;
        else if (strcmp(name, "-p") == 0) o->build_dir = value;
        else if (strcmp(name, "--emit") == 0) o->emit = value;
        else if (strcmp(name, "--vector") == 0) {
            char *end;
            long n = strtol(value, &end, 10);
            if (*end || n < 1 || n > 4096)
                return usage_error("--vector expects a direction count from 1 to 4096, got '%s'", value);
            o->vector_width = (int)n;
        } else if (name[1] == '-') {
            if (parse_request_option(o, name, value) != 0)
                return 2;
        } else
            add_clang_arg(o, ir_format("%s%s", name, value));
    }
    if (!o->ninputs)
        return usage_error("%s", "no input file");
    if (strcmp(o->emit, "c") != 0 && strcmp(o->emit, "ir") != 0 && strcmp(o->emit, "dot") != 0)
        return usage_error("--emit expects c, ir or dot, not '%s'", o->emit);
    if (o->include_source && o->ninputs > 1)
        return usage_error("%s", "--include-source takes one input file");
    if (o->make_deps && !o->depfile && !o->output)
        return usage_error("%s", "-MD needs -MF FILE or -o FILE");
    return 0;
}

/* Writes text to path through a temporary in the same directory and a rename. */
static int write_atomically(const char *path, const char *text, size_t len) {
    if (!path) {
        fwrite(text, 1, len, stdout);
        return fflush(stdout) == 0 ? 0 : -1;
    }
    char *tmp = ir_format("%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        error_at((SrcLoc){NULL, 0, 0}, "cannot create '%s': %s", tmp, strerror(errno));
        return -1;
    }
    mode_t mask = umask(0); /* mkstemp makes 0600: give the output a compiler's 0666 & ~umask */
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    FILE *f = fdopen(fd, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    ok = (f ? fclose(f) == 0 : (close(fd), false)) && ok;
    if (!ok || rename(tmp, path) != 0) {
        error_at((SrcLoc){NULL, 0, 0}, "cannot write '%s': %s", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

static const char *header_guard(const char *path) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    char *guard = ir_format("ADC_GENERATED_%s", base);
    for (char *p = guard; *p; p++)
        *p = (char)(((*p >= 'a' && *p <= 'z') ? *p - 32 : ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) ? *p : '_'));
    return guard;
}

static bool is_input(const Options *o, const char *file) {
    for (int i = 0; i < o->ninputs; i++)
        if (strcmp(o->inputs[i], file) == 0)
            return true;
    return false;
}

static void write_depfile(const Options *o, const char **deps, int ndeps, Buf *out) {
    buf_printf(out, "%s:", o->output ? o->output : "-");
    for (int i = 0; i < ndeps; i++)
        buf_printf(out, " \\\n  %s", deps[i]);
    buf_putc(out, '\n');
    for (int i = 0; i < ndeps; i++) /* phony targets: a deleted header does not break make */
        if (!is_input(o, deps[i]))
            buf_printf(out, "\n%s:\n", deps[i]);
}

/* The input as the generated file includes it (--include-source): wherever the output goes. */
static const char *absolute_path(const char *file) {
    char *path = realpath(file, NULL);
    const char *copy = ir_strdup(path ? path : file);
    free(path);
    return copy;
}

/* Each input with its clang arguments: the command line's, then (-p) its build flags. */
static Source *sources_of(const Options *o) {
    Source *sources = ir_alloc(sizeof(Source) * (size_t)o->ninputs);
    for (int i = 0; i < o->ninputs; i++) {
        const char **args = NULL;
        int nargs = 0;
        for (int k = 0; k < o->nclang_args; k++)
            IR_APPEND(args, nargs, o->clang_args[k]);
        if (o->build_dir && compdb_flags(o->build_dir, o->inputs[i], &args, &nargs) != 0)
            return NULL;
        sources[i] = (Source){.file = o->inputs[i], .clang_args = args, .nclang_args = nargs};
    }
    return sources;
}

/* The generated file as a source beside the first input (its quoted #include lines resolve
 * alike; another name, as --include-source makes it include that input), parsed with the
 * clang arguments of every input in turn (it holds all their #include lines). */
static Source readback_source(const FrontendOptions *first, const char *text) {
    int total = 0;
    for (int i = 0; i < first->nsources; i++)
        total += first->sources[i].nclang_args;
    const char **args = ir_alloc(sizeof(char *) * (size_t)(total + 1));
    int nargs = 0;
    for (int i = 0; i < first->nsources; i++)
        for (int k = 0; k < first->sources[i].nclang_args; k++)
            args[nargs++] = first->sources[i].clang_args[k];
    return (Source){.file = ir_format("%s.adc-readback.c", first->sources[0].file), .contents = ir_strdup(text), .clang_args = args,
                    .nclang_args = nargs};
}

/* The second stage of hvp and hessian (modes/second.h): out holds the generated first stage
 * (with f_adjoint); adc reads it back, appends the tangents of the adjoints and the wrappers.
 * first: how the source was read. Returns the number of errors. */
static int append_second_order(Program *prog, const FrontendOptions *first, Buf *out) {
    int nrequests = 0;
    Request *requests = ir_alloc(sizeof(Request) * (size_t)(prog->nfuncs + 1));
    int errors = second_order_requests(prog, requests, &nrequests);
    if (errors)
        return errors;
    FrontendOptions second = *first;
    Source generated = readback_source(first, buf_str(out));
    second.sources = &generated;
    second.nsources = 1;
    second.requests = requests;
    second.nrequests = nrequests;
    second.vector_width = 0;
    second.deps = NULL;
    Program stage = {.tangent_only = true};
    /* What is reported in the read-back is about adc's own code: said so, at the user's line. */
    diag_set_generated(generated.file, generated.contents, first->sources[0].file);
    errors = frontend_load(&stage, &second);
    diag_set_generated(NULL, NULL, NULL);
    if (errors) {
        error_at(prog->funcs[0]->loc, "adc could not read back its own adjoint code for hvp/hessian");
        return 1;
    }
    second_order_mark_stage(&stage);
    buf_puts(out, "/* Second order: tangents of the adjoints above (tangent-over-adjoint). */\n#include <stdlib.h>\n\n");
    diag_set_generated(generated.file, generated.contents, first->sources[0].file);
    errors = gen_functions(&stage, out);
    diag_set_generated(NULL, NULL, NULL);
    if (errors)
        return errors;
    return second_order_wrappers(out, prog, &stage);
}

static int run(Options *o) {
    Source *sources = sources_of(o);
    if (!sources)
        return 1;
    const char **deps = NULL;
    int ndeps = 0;
    FrontendOptions fo = {.sources = sources, .nsources = o->ninputs,
                          .requests = o->requests, .nrequests = o->nrequests, .vector_width = o->vector_width, .fast_math = o->fast_math,
                          .include_source = o->include_source ? absolute_path(o->inputs[0]) : NULL,
                          .deps = o->make_deps ? &deps : NULL, .ndeps = &ndeps};
    Program prog = {0};
    if (frontend_load(&prog, &fo) != 0)
        return 1;
    Buf out = {0}, header = {0}, depends = {0}, extra = {0};
    bool second = second_order_prepare(&prog);
    int errors;
    if (strcmp(o->emit, "c") == 0) {
        errors = gen_program(&prog, &out, ADC_VERSION);
        if (!errors && second)
            errors = append_second_order(&prog, &fo, &out);
    } else {
        errors = strcmp(o->emit, "ir") == 0 ? ir_print_program(&out, &prog) : dot_print_program(&out, &prog);
    }
    second_order_prototypes(&prog, &extra);
    if (!errors && o->header)
        errors = gen_header(&prog, &header, ADC_VERSION, header_guard(o->header), buf_str(&extra));
    if (!errors && o->make_deps)
        write_depfile(o, deps, ndeps, &depends);
    int rc = errors || error_count() ? 1 : 0;
    if (rc == 0 && o->header && write_atomically(o->header, buf_str(&header), header.len) != 0)
        rc = 1;
    if (rc == 0 && o->make_deps && write_atomically(o->depfile ? o->depfile : ir_format("%s.d", o->output),
                                                    buf_str(&depends), depends.len) != 0)
        rc = 1;
    if (rc == 0 && write_atomically(o->output, buf_str(&out), out.len) != 0)
        rc = 1;
    buf_free(&out);
    buf_free(&header);
    buf_free(&depends);
    buf_free(&extra);
    return rc;
}

typedef struct Job {
    Options *options;
    int rc;
} Job;

static void *run_job(void *arg) {
    Job *job = arg;
    job->rc = run(job->options);
    return NULL;
}

/* Deeply nested input (a sum of 10^5 terms) recurses deeply in libclang and in lowering:
 * everything runs on one thread with a large stack (reserved, touched only as used), and
 * libclang parses on that thread instead of its own 8 MB one. */
static int run_with_large_stack(Options *o) {
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    Job job = {o, 1};
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, (size_t)1 << 30) != 0 ||
        pthread_create(&thread, &attr, run_job, &job) != 0)
        return run(o);
    pthread_join(thread, NULL);
    pthread_attr_destroy(&attr);
    return job.rc;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(argv[i], "--version") == 0) {
            printf("adc %s (libclang %s)\n", ADC_VERSION, clang_version_text());
            return 0;
        }
    }
    Options o = {.emit = "c"};
    int rc = parse_args(&o, argc, argv);
    if (rc == 0)
        rc = run_with_large_stack(&o);
    ir_free_all();
    diag_free();
    return rc;
}
