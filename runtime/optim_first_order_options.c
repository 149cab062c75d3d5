/* optim_first_order_options.c: names, per-method defaults and validation of the options of
 * the first-order methods (GD, momentum, Nesterov, Adagrad, RMSprop, Adadelta, Adam, AdamW,
 * Nadam). */
#include <math.h>
#include "optim_internal.h"

const char *adc_first_order_name(adc_first_order_method method) {
    switch (method) {
    case ADC_GD: return "gd";
    case ADC_MOMENTUM: return "momentum";
    case ADC_NESTEROV: return "nesterov";
    case ADC_ADAGRAD: return "adagrad";
    case ADC_RMSPROP: return "rmsprop";
    case ADC_ADADELTA: return "adadelta";
    case ADC_ADAM: return "adam";
    case ADC_ADAMW: return "adamw";
    case ADC_NADAM: return "nadam";
    }
    return "unknown";
}

static double adc_default_learning_rate(adc_first_order_method method) {
    switch (method) {
    case ADC_RMSPROP:
    case ADC_ADAM:
    case ADC_ADAMW:
    case ADC_NADAM: return 1e-3;
    case ADC_ADADELTA: return 1.0;
    default: return 1e-2;
    }
}

adc_first_order_options adc_first_order_defaults(adc_first_order_method method) {
    adc_first_order_options opts = {
        .common = adc_optim_defaults(),
        .method = method,
        .learning_rate = adc_default_learning_rate(method),
        .decay = 0.0,
        .momentum = 0.9,
        .beta1 = 0.9,
        .beta2 = 0.999,
        .rho = method == ADC_ADADELTA ? 0.95 : 0.9,
        .epsilon = method == ADC_ADADELTA ? 1e-6 : 1e-8,
        .weight_decay = method == ADC_ADAMW ? 1e-2 : 0.0,
        .linesearch = method == ADC_GD ? ADC_LS_ARMIJO : ADC_LS_NONE,
        .ls = adc_linesearch_defaults(),
    };
    return opts;
}

static int adc_in_unit_interval(double v) {
    return v >= 0 && v < 1;
}

int adc_first_order_options_ok(const adc_first_order_options *opts) {
    int method_ok = opts->method >= ADC_GD && opts->method <= ADC_NADAM;
    int linesearch_ok = opts->linesearch == ADC_LS_NONE ||
                        (opts->linesearch > ADC_LS_NONE && opts->linesearch <= ADC_LS_WOLFE &&
                         adc_ls_options_ok(&opts->ls));
    return method_ok && linesearch_ok && adc_optim_options_ok(&opts->common) &&
           opts->learning_rate > 0 && isfinite(opts->learning_rate) && opts->decay >= 0 &&
           isfinite(opts->decay) && adc_in_unit_interval(opts->momentum) &&
           adc_in_unit_interval(opts->beta1) && adc_in_unit_interval(opts->beta2) &&
           adc_in_unit_interval(opts->rho) && opts->epsilon > 0 && isfinite(opts->epsilon) &&
           opts->weight_decay >= 0 && isfinite(opts->weight_decay);
}
