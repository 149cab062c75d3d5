/* mathfn.c: the table of differentiable math.h functions and their partial derivatives, and
 * the names of the string.h functions adc knows. */
#include <string.h>
#include "mathfn.h"

static const MathFn table[] = {
    {"exp", 1, {"$r", NULL}, false, NULL},
    {"exp2", 1, {"$r * 0.69314718055994530942", NULL}, false, NULL},
    {"expm1", 1, {"($r + 1.0)", NULL}, false, NULL},
    {"log", 1, {"1.0 / $0", NULL}, false, NULL},
    {"log2", 1, {"1.0 / ($0 * 0.69314718055994530942)", NULL}, false, NULL},
    {"log10", 1, {"1.0 / ($0 * 2.30258509299404568402)", NULL}, false, NULL},
    {"log1p", 1, {"1.0 / (1.0 + $0)", NULL}, false, NULL},
    {"sqrt", 1, {"0.5 / $r", NULL}, false, NULL},
    {"cbrt", 1, {"1.0 / (3.0 * $r * $r)", NULL}, false, NULL},
    {"pow", 2, {"$1 * @pow($0, $1 - 1.0)", "$r * @log($0)"}, false, NULL},
    {"sin", 1, {"@cos($0)", NULL}, false, "cos"},
    {"cos", 1, {"-@sin($0)", NULL}, false, "-sin"},
    {"tan", 1, {"(1.0 + $r * $r)", NULL}, false, NULL},
    {"asin", 1, {"1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL},
    {"acos", 1, {"-1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL},
    {"atan", 1, {"1.0 / (1.0 + $0 * $0)", NULL}, false, NULL},
    {"atan2", 2, {"$1 / ($0 * $0 + $1 * $1)", "-$0 / ($0 * $0 + $1 * $1)"}, false, NULL},
    {"sinh", 1, {"@cosh($0)", NULL}, false, "cosh"},
    {"cosh", 1, {"@sinh($0)", NULL}, false, "sinh"},
    {"tanh", 1, {"(1.0 - $r * $r)", NULL}, false, NULL},
    {"asinh", 1, {"1.0 / @sqrt($0 * $0 + 1.0)", NULL}, false, NULL},
    {"acosh", 1, {"1.0 / @sqrt($0 * $0 - 1.0)", NULL}, false, NULL},
    {"atanh", 1, {"1.0 / (1.0 - $0 * $0)", NULL}, false, NULL},
    {"erf", 1, {"1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL},
    {"erfc", 1, {"-1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL},
    {"hypot", 2, {"$0 / $r", "$1 / $r"}, false, NULL},
    {"fabs", 1, {"($0 < 0 ? -1.0 : 1.0)", NULL}, true, NULL},
    {"fmin", 2, {"($0 <= $1 ? 1.0 : 0.0)", "($0 <= $1 ? 0.0 : 1.0)"}, true, NULL},
    {"fmax", 2, {"($0 >= $1 ? 1.0 : 0.0)", "($0 >= $1 ? 0.0 : 1.0)"}, true, NULL},
    {"fmod", 2, {"1.0", "-@trunc($0 / $1)"}, true, NULL},
    {"floor", 1, {NULL, NULL}, true, NULL},
    {"ceil", 1, {NULL, NULL}, true, NULL},
    {"trunc", 1, {NULL, NULL}, true, NULL},
    {"round", 1, {NULL, NULL}, true, NULL},
    {"rint", 1, {NULL, NULL}, true, NULL},
    {"nearbyint", 1, {NULL, NULL}, true, NULL},
};

const MathFn *mathfn_lookup(const char *name, bool *is_float) {
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const char *base = table[i].name;
        size_t n = strlen(base);
        if (strcmp(name, base) == 0) {
            *is_float = false;
            return &table[i];
        }
        if (len == n + 1 && strncmp(name, base, n) == 0 && name[n] == 'f') {
            *is_float = true;
            return &table[i];
        }
    }
    return NULL;
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
