/* mathfn.c: the table of differentiable math.h functions and their partial derivatives, and
 * the names of the string.h functions adc knows. */
#include <string.h>
#include "mathfn.h"

/* A selecting partial names the derivative it multiplies as $d (fabs: "x > 0 ? $d : ..."), so
 * that an infinite derivative of the argument not selected is dropped, not multiplied by 0.
 * At their boundary points the partials are one-sided limits (sqrt, cbrt, log at 0, asin
 * and acos at +-1: infinite, marked unbounded), the zero subgradient at a kink of fabs and
 * hypot, the first argument at a tie of fmin and fmax; pow(x, y) has d/dx = 0 where y == 0
 * (pow(x, 0) is 1) and d/dy = 0 where x == 0 (pow(0, y) is 0 for y > 0). copysign at x == 0:
 * zero subgradient. nextafter(x, y) is x moved by one ulp: d/dx = 1, as finite differences
 * see it (floor, in contrast, is constant between integers, as are the rounding functions
 * that return integers, lround to llrint, and ilogb and logb). ldexp(x, n) and scalbn(x, n) are
 * x * 2^n: d/dx = 2^n. frexp(x, &e) returns m = x * 2^-e: d/dx = m / x = 2^-e exactly (0 at
 * x == 0, where m jumps); modf(x, &ip) returns x - trunc(x): d/dx = 1; remquo like remainder.
 * What those three store through the pointer (the integer e, trunc(x), the quotient's low bits)
 * has derivative 0, jumps aside. */
static const MathFn table[] = {
    {"exp", 1, {"$r", NULL}, false, NULL, false, false},
    {"exp2", 1, {"$r * 0.69314718055994530942", NULL}, false, NULL, false, false},
    {"expm1", 1, {"($r + 1.0)", NULL}, false, NULL, false, false},
    {"log", 1, {"1.0 / $0", NULL}, false, NULL, true, false},
    {"log2", 1, {"1.0 / ($0 * 0.69314718055994530942)", NULL}, false, NULL, true, false},
    {"log10", 1, {"1.0 / ($0 * 2.30258509299404568402)", NULL}, false, NULL, true, false},
    {"log1p", 1, {"1.0 / (1.0 + $0)", NULL}, false, NULL, true, false},
    {"sqrt", 1, {"0.5 / $r", NULL}, false, NULL, true, false},
    {"cbrt", 1, {"1.0 / (3.0 * $r * $r)", NULL}, false, NULL, true, false},
    {"pow", 2, {"($1 == 0.0 ? 0.0 : $1 * @pow($0, $1 - 1.0))", "($0 == 0.0 ? 0.0 : $r * @log($0))"}, false,
     NULL, true, false},
    {"sin", 1, {"@cos($0)", NULL}, false, "cos", false, false},
    {"cos", 1, {"-@sin($0)", NULL}, false, "-sin", false, false},
    {"tan", 1, {"(1.0 + $r * $r)", NULL}, false, NULL, false, false},
    {"asin", 1, {"1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL, true, false},
    {"acos", 1, {"-1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL, true, false},
    {"atan", 1, {"1.0 / (1.0 + $0 * $0)", NULL}, false, NULL, false, false},
    {"atan2", 2, {"$1 / ($0 * $0 + $1 * $1)", "-$0 / ($0 * $0 + $1 * $1)"}, false, NULL, true, false},
    {"sinh", 1, {"@cosh($0)", NULL}, false, "cosh", false, false},
    {"cosh", 1, {"@sinh($0)", NULL}, false, "sinh", false, false},
    {"tanh", 1, {"(1.0 - $r * $r)", NULL}, false, NULL, false, false},
    {"asinh", 1, {"1.0 / @sqrt($0 * $0 + 1.0)", NULL}, false, NULL, false, false},
    {"acosh", 1, {"1.0 / @sqrt($0 * $0 - 1.0)", NULL}, false, NULL, true, false},
    {"atanh", 1, {"1.0 / (1.0 - $0 * $0)", NULL}, false, NULL, true, false},
    {"erf", 1, {"1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL, false, false},
    {"erfc", 1, {"-1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL, false, false},
    {"lgamma", 1, {"adc_digamma($0)", NULL}, false, NULL, false, false},
    {"tgamma", 1, {"$r * adc_digamma($0)", NULL}, false, NULL, false, false},
    /* psi, in the partials of lgamma and tgamma: adc's own output differentiated again (hvp) */
    {"adc_digamma", 1, {"adc_trigamma($0)", NULL}, false, NULL, true, false},
    {"hypot", 2, {"($r == 0.0 ? 0.0 : $0 / $r)", "($r == 0.0 ? 0.0 : $1 / $r)"}, false, NULL, false, false},
    {"fabs", 1, {"($0 > 0 ? $d : $0 < 0 ? -$d : 0.0)", NULL}, true, NULL, false, false},
    {"fmin", 2, {"($0 <= $1 ? $d : 0.0)", "($0 <= $1 ? 0.0 : $d)"}, true, NULL, false, false},
    {"fmax", 2, {"($0 >= $1 ? $d : 0.0)", "($0 >= $1 ? 0.0 : $d)"}, true, NULL, false, false},
    {"fmod", 2, {"1.0", "-@trunc($0 / $1)"}, true, NULL, false, false},
    {"fdim", 2, {"($0 > $1 ? $d : 0.0)", "($0 > $1 ? -$d : 0.0)"}, true, NULL, false, false},
    {"remainder", 2, {"1.0", "-@nearbyint(($0 - $r) / $1)"}, true, NULL, false, false},
    {"copysign", 2, {"($0 == 0.0 ? 0.0 : @copysign(1.0, $0) == @copysign(1.0, $1) ? $d : -$d)", NULL}, true,
     NULL, false, false},
    {"fma", 3, {"$1", "$0", "1.0"}, false, NULL, false, false},
    {"ldexp", 2, {"@ldexp(1.0, $1)", NULL}, false, NULL, false, false},
    {"scalbn", 2, {"@scalbn(1.0, $1)", NULL}, false, NULL, false, false},
    {"scalbln", 2, {"@scalbln(1.0, $1)", NULL}, false, NULL, false, false},
    {"frexp", 2, {"($0 == 0.0 ? 0.0 : $r / $0)", NULL}, true, NULL, true, true},
    {"modf", 2, {"1.0", NULL}, true, NULL, false, true},
    {"remquo", 3, {"1.0", "-@nearbyint(($0 - $r) / $1)", NULL}, true, NULL, false, true},
    {"nextafter", 2, {"1.0", NULL}, false, NULL, false, false},
    {"floor", 1, {NULL, NULL}, true, NULL, false, false},
    {"ceil", 1, {NULL, NULL}, true, NULL, false, false},
    {"trunc", 1, {NULL, NULL}, true, NULL, false, false},
    {"round", 1, {NULL, NULL}, true, NULL, false, false},
    {"rint", 1, {NULL, NULL}, true, NULL, false, false},
    {"nearbyint", 1, {NULL, NULL}, true, NULL, false, false},
    {"lround", 1, {NULL, NULL}, true, NULL, false, false},
    {"llround", 1, {NULL, NULL}, true, NULL, false, false},
    {"lrint", 1, {NULL, NULL}, true, NULL, false, false},
    {"llrint", 1, {NULL, NULL}, true, NULL, false, false},
    {"ilogb", 1, {NULL, NULL}, true, NULL, false, false},
    {"logb", 1, {NULL, NULL}, true, NULL, false, false},
};

bool mathfn_flat(const MathFn *m) {
    for (int i = 0; i < m->nargs; i++)
        if (m->partial[i])
            return false;
    return true;
}

bool mathfn_arg_carries(const MathFn *m, int i) {
    return m->partial[i] || (m->stores && i == m->nargs - 1);
}

bool mathfn_costly(const MathFn *m) {
    static const char *const names[] = {"exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "cbrt", "pow",
                                        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
                                        "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "lgamma", "tgamma",
                                        "hypot"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(m->name, names[i]) == 0)
            return true;
    return false;
}

bool mathfn_reads_result(const MathFn *m) {
    for (int i = 0; i < m->nargs; i++)
        if (m->partial[i] && strstr(m->partial[i], "$r"))
            return true;
    return false;
}

const MathFn *mathfn_lookup(const char *name, char *suffix) {
    if (strncmp(name, "__builtin_", 10) == 0) /* what clang makes of some math.h calls */
        name += 10;
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const char *base = table[i].name;
        size_t n = strlen(base);
        if (strcmp(name, base) == 0) {
            *suffix = '\0';
            return &table[i];
        }
        if (len == n + 1 && strncmp(name, base, n) == 0 && (name[n] == 'f' || name[n] == 'l')) {
            *suffix = name[n];
            return &table[i];
        }
    }
    return NULL;
}

bool mathfn_prints(const char *name) {
    static const char *const names[] = {"printf", "fprintf", "puts", "fputs", "putchar", "fputc", "perror"};
    if (strncmp(name, "__builtin_", 10) == 0)
        name += 10;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

const char *mathfn_memory(const char *name) {
    static const char *const names[] = {"memcpy", "memmove", "memset"};
    if (strncmp(name, "__builtin_", 10) == 0)
        name += 10;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return names[i];
    return NULL;
}
