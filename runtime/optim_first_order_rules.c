/* optim_first_order_rules.c: the update step of each first-order method, x <- x + update(g),
 * as documented in adc_optim.h. A GD step with a line search is not here: it is taken by the
 * driver in optim_first_order.c. */
#include <math.h>
#include "optim_internal.h"

static void adc_update_gd(adc_first_order_state *s) {
    adc_vec_axpy(s->n, -s->lr, s->g, s->x);
}

/* Heavy ball: acc1 is the velocity. */
static void adc_update_momentum(adc_first_order_state *s, double mu) {
    for (int i = 0; i < s->n; i++) {
        s->acc1[i] = mu * s->acc1[i] - s->lr * s->g[i];
        s->x[i] += s->acc1[i];
    }
}

/* Nesterov in the look-ahead form: x is where the gradient is taken; acc1 is the velocity. */
static void adc_update_nesterov(adc_first_order_state *s, double mu) {
    for (int i = 0; i < s->n; i++) {
        s->acc1[i] = mu * s->acc1[i] - s->lr * s->g[i];
        s->x[i] += mu * s->acc1[i] - s->lr * s->g[i];
    }
}

/* Adagrad (keep = add = 1: a running sum of g^2) and RMSprop (keep = rho, add = 1 - rho: a
 * moving average of g^2), both in acc1. */
static void adc_update_scaled(adc_first_order_state *s, double keep, double add, double eps) {
    for (int i = 0; i < s->n; i++) {
        s->acc1[i] = keep * s->acc1[i] + add * s->g[i] * s->g[i];
        s->x[i] -= s->lr * s->g[i] / (sqrt(s->acc1[i]) + eps);
    }
}

/* Adadelta: acc1 averages g^2, acc2 averages the squared updates. */
static void adc_update_adadelta(adc_first_order_state *s, double rho, double eps) {
    for (int i = 0; i < s->n; i++) {
        s->acc1[i] = rho * s->acc1[i] + (1 - rho) * s->g[i] * s->g[i];
        double u = sqrt(s->acc2[i] + eps) / sqrt(s->acc1[i] + eps) * s->g[i];
        s->acc2[i] = rho * s->acc2[i] + (1 - rho) * u * u;
        s->x[i] -= s->lr * u;
    }
}

/* Adam, and Nadam when nesterov is set: acc1 is the first moment, acc2 the second. */
static void adc_update_adam(adc_first_order_state *s, const adc_first_order_options *o,
                            int nesterov) {
    double b1 = o->beta1, b2 = o->beta2;
    double correct1 = 1 - pow(b1, s->t), correct1_next = 1 - pow(b1, s->t + 1);
    double correct2 = 1 - pow(b2, s->t);
    for (int i = 0; i < s->n; i++) {
        double g = s->g[i];
        s->acc1[i] = b1 * s->acc1[i] + (1 - b1) * g;
        s->acc2[i] = b2 * s->acc2[i] + (1 - b2) * g * g;
        double m = nesterov ? b1 * s->acc1[i] / correct1_next + (1 - b1) * g / correct1
                            : s->acc1[i] / correct1;
        s->x[i] -= s->lr * m / (sqrt(s->acc2[i] / correct2) + o->epsilon);
    }
}

/* AdamW: decay x by lr * weight_decay apart from the gradient, then an Adam step. */
static void adc_update_adamw(adc_first_order_state *s, const adc_first_order_options *o) {
    for (int i = 0; i < s->n; i++)
        s->x[i] -= s->lr * o->weight_decay * s->x[i];
    adc_update_adam(s, o, 0);
}

void adc_first_order_update(adc_first_order_state *s, const adc_first_order_options *o) {
    switch (o->method) {
    case ADC_GD: adc_update_gd(s); break;
    case ADC_MOMENTUM: adc_update_momentum(s, o->momentum); break;
    case ADC_NESTEROV: adc_update_nesterov(s, o->momentum); break;
    case ADC_ADAGRAD: adc_update_scaled(s, 1.0, 1.0, o->epsilon); break;
    case ADC_RMSPROP: adc_update_scaled(s, o->rho, 1 - o->rho, o->epsilon); break;
    case ADC_ADADELTA: adc_update_adadelta(s, o->rho, o->epsilon); break;
    case ADC_ADAM: adc_update_adam(s, o, 0); break;
    case ADC_ADAMW: adc_update_adamw(s, o); break;
    case ADC_NADAM: adc_update_adam(s, o, 1); break;
    }
}
