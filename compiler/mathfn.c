/* mathfn.c: the table of differentiable math.h functions and their partial derivatives. */
#include <string.h>
#include "mathfn.h"

static const MathFn table[] = {
    {"exp", 1, {"$r", NULL}, false},
    {"exp2", 1, {"$r * 0.69314718055994530942", NULL}, false},
    {"expm1", 1, {"($r + 1.0)", NULL}, false},
    {"log", 1, {"1.0 / $0", NULL}, false},
    {"log2", 1, {"1.0 / ($0 * 0.69314718055994530942)", NULL}, false},
    {"log10", 1, {"1.0 / ($0 * 2.30258509299404568402)", NULL}, false},
    {"log1p", 1, {"1.0 / (1.0 + $0)", NULL}, false},
    {"sqrt", 1, {"0.5 / $r", NULL}, false},
    {"cbrt", 1, {"1.0 / (3.0 * $r * $r)", NULL}, false},
    {"pow", 2, {"$1 * @pow($0, $1 - 1.0)", "$r * @log($0)"}, false},
    {"sin", 1, {"@cos($0)", NULL}, false},
    {"cos", 1, {"-@sin($0)", NULL}, false},
    {"tan", 1, {"(1.0 + $r * $r)", NULL}, false},
    {"asin", 1, {"1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false},
    {"acos", 1, {"-1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false},
    {"atan", 1, {"1.0 / (1.0 + $0 * $0)", NULL}, false},
    {"atan2", 2, {"$1 / ($0 * $0 + $1 * $1)", "-$0 / ($0 * $0 + $1 * $1)"}, false},
    {"sinh", 1, {"@cosh($0)", NULL}, false},
    {"cosh", 1, {"@sinh($0)", NULL}, false},
    {"tanh", 1, {"(1.0 - $r * $r)", NULL}, false},
    {"asinh", 1, {"1.0 / @sqrt($0 * $0 + 1.0)", NULL}, false},
    {"acosh", 1, {"1.0 / @sqrt($0 * $0 - 1.0)", NULL}, false},
    {"atanh", 1, {"1.0 / (1.0 - $0 * $0)", NULL}, false},
    {"erf", 1, {"1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false},
    {"erfc", 1, {"-1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false},
    {"hypot", 2, {"$0 / $r", "$1 / $r"}, false},
    {"fabs", 1, {"($0 < 0 ? -1.0 : 1.0)", NULL}, true},
    {"fmin", 2, {"($0 <= $1 ? 1.0 : 0.0)", "($0 <= $1 ? 0.0 : 1.0)"}, true},
    {"fmax", 2, {"($0 >= $1 ? 1.0 : 0.0)", "($0 >= $1 ? 0.0 : 1.0)"}, true},
    {"fmod", 2, {"1.0", "-@trunc($0 / $1)"}, true},
    {"floor", 1, {NULL, NULL}, true},
    {"ceil", 1, {NULL, NULL}, true},
    {"trunc", 1, {NULL, NULL}, true},
    {"round", 1, {NULL, NULL}, true},
    {"rint", 1, {NULL, NULL}, true},
    {"nearbyint", 1, {NULL, NULL}, true},
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
