/* activations.c: a small library .c file that tests/e2e/cases/fnptr_included_c_include_source.c
 * #includes, as a user differentiating genann.c unchanged does (`#include "genann.c"`, then
 * adc --include-source): the activations are called through a member function pointer, and
 * their addresses are taken here, in the included file, not in the case. */
#include <math.h>

struct unit;

typedef double (*unit_act)(const struct unit *u, double a);

typedef struct unit {
    unit_act act;
    double w, b;
} unit;

double unit_sigmoid(const unit *u, double a) {
    (void)u;
    return 1.0 / (1.0 + exp(-a));
}

double unit_cube(const unit *u, double a) {
    (void)u;
    return a * a * a;
}

void unit_init(unit *u, int cubic) {
    u->act = cubic ? unit_cube : unit_sigmoid;
}

double unit_run(const unit *u, double x) {
    return u->act(u, u->w * x + u->b);
}
