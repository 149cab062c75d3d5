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
 * see it (floor, in contrast, is constant between integers). */
static const MathFn table[] = {
    {"exp", 1, {"$r", NULL}, false, NULL, false},
    {"exp2", 1, {"$r * 0.69314718055994530942", NULL}, false, NULL, false},
    {"expm1", 1, {"($r + 1.0)", NULL}, false, NULL, false},
    {"log", 1, {"1.0 / $0", NULL}, false, NULL, true},
    {"log2", 1, {"1.0 / ($0 * 0.69314718055994530942)", NULL}, false, NULL, true},
    {"log10", 1, {"1.0 / ($0 * 2.30258509299404568402)", NULL}, false, NULL, true},
    {"log1p", 1, {"1.0 / (1.0 + $0)", NULL}, false, NULL, true},
    {"sqrt", 1, {"0.5 / $r", NULL}, false, NULL, true},
    {"cbrt", 1, {"1.0 / (3.0 * $r * $r)", NULL}, false, NULL, true},
    {"pow", 2, {"($1 == 0.0 ? 0.0 : $1 * @pow($0, $1 - 1.0))", "($0 == 0.0 ? 0.0 : $r * @log($0))"}, false,
     NULL, true},
    {"sin", 1, {"@cos($0)", NULL}, false, "cos", false},
    {"cos", 1, {"-@sin($0)", NULL}, false, "-sin", false},
    {"tan", 1, {"(1.0 + $r * $r)", NULL}, false, NULL, false},
    {"asin", 1, {"1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL, true},
    {"acos", 1, {"-1.0 / @sqrt(1.0 - $0 * $0)", NULL}, false, NULL, true},
    {"atan", 1, {"1.0 / (1.0 + $0 * $0)", NULL}, false, NULL, false},
    {"atan2", 2, {"$1 / ($0 * $0 + $1 * $1)", "-$0 / ($0 * $0 + $1 * $1)"}, false, NULL, true},
    {"sinh", 1, {"@cosh($0)", NULL}, false, "cosh", false},
    {"cosh", 1, {"@sinh($0)", NULL}, false, "sinh", false},
    {"tanh", 1, {"(1.0 - $r * $r)", NULL}, false, NULL, false},
    {"asinh", 1, {"1.0 / @sqrt($0 * $0 + 1.0)", NULL}, false, NULL, false},
    {"acosh", 1, {"1.0 / @sqrt($0 * $0 - 1.0)", NULL}, false, NULL, true},
    {"atanh", 1, {"1.0 / (1.0 - $0 * $0)", NULL}, false, NULL, true},
    {"erf", 1, {"1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL, false},
    {"erfc", 1, {"-1.12837916709551257390 * @exp(-$0 * $0)", NULL}, false, NULL, false},
    {"lgamma", 1, {"adc_digamma($0)", NULL}, false, NULL, false},
    {"tgamma", 1, {"$r * adc_digamma($0)", NULL}, false, NULL, false},
    {"hypot", 2, {"($r == 0.0 ? 0.0 : $0 / $r)", "($r == 0.0 ? 0.0 : $1 / $r)"}, false, NULL, false},
    {"fabs", 1, {"($0 > 0 ? $d : $0 < 0 ? -$d : 0.0)", NULL}, true, NULL, false},
    {"fmin", 2, {"($0 <= $1 ? $d : 0.0)", "($0 <= $1 ? 0.0 : $d)"}, true, NULL, false},
    {"fmax", 2, {"($0 >= $1 ? $d : 0.0)", "($0 >= $1 ? 0.0 : $d)"}, true, NULL, false},
    {"fmod", 2, {"1.0", "-@trunc($0 / $1)"}, true, NULL, false},
    {"fdim", 2, {"($0 > $1 ? $d : 0.0)", "($0 > $1 ? -$d : 0.0)"}, true, NULL, false},
    {"remainder", 2, {"1.0", "-@nearbyint(($0 - $r) / $1)"}, true, NULL, false},
    {"copysign", 2, {"($0 == 0.0 ? 0.0 : @copysign(1.0, $0) == @copysign(1.0, $1) ? $d : -$d)", NULL}, true,
     NULL, false},
    {"fma", 3, {"$1", "$0", "1.0"}, false, NULL, false},
    {"ldexp", 2, {"@ldexp(1.0, $1)", NULL}, false, NULL, false},
    {"nextafter", 2, {"1.0", NULL}, false, NULL, false},
    {"floor", 1, {NULL, NULL}, true, NULL, false},
    {"ceil", 1, {NULL, NULL}, true, NULL, false},
    {"trunc", 1, {NULL, NULL}, true, NULL, false},
    {"round", 1, {NULL, NULL}, true, NULL, false},
    {"rint", 1, {NULL, NULL}, true, NULL, false},
    {"nearbyint", 1, {NULL, NULL}, true, NULL, false},
};

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

const char *mathfn_memory(const char *name) {
    static const char *const names[] = {"memcpy", "memmove", "memset"};
    if (strncmp(name, "__builtin_", 10) == 0)
        name += 10;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return names[i];
    return NULL;
}
