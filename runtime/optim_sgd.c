/* optim_sgd.c: stochastic gradient with mini-batches: a gradient source for the first-order
 * driver that walks through the samples in a freshly shuffled order every epoch. */
#include <stdlib.h>
#include "optim_internal.h"

typedef struct adc_batches {
    adc_fg_batch_fn fg_batch;
    void *ctx;
    int n_samples;
    int batch_size;
    int *order;   /* the samples in this epoch's order */
    int next;     /* position in order of the next batch */
    adc_rng rng;
} adc_batches;

adc_sgd_options adc_sgd_defaults(adc_first_order_method method) {
    adc_sgd_options opts = {
        .update = adc_first_order_defaults(method),
        .batch_size = 32,
        .seed = 1,
    };
    opts.update.linesearch = ADC_LS_NONE;
    return opts;
}

/* Fisher-Yates shuffle. */
static void adc_shuffle(int *order, int count, adc_rng *rng) {
    for (int i = count - 1; i > 0; i--) {
        int j = adc_rng_below(rng, i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
    }
}

static double adc_next_batch(adc_gradient_source *src, const double *x, double *g) {
    adc_batches *b = src->impl;
    if (b->next >= b->n_samples) {
        adc_shuffle(b->order, b->n_samples, &b->rng);
        b->next = 0;
    }
    int size = b->n_samples - b->next < b->batch_size ? b->n_samples - b->next : b->batch_size;
    const int *batch = b->order + b->next;
    b->next += size;
    src->evaluations++;
    return b->fg_batch(x, batch, size, g, b->ctx);
}

/* Replaces the batch values in result by the full-batch loss and gradient norm at x. */
static void adc_sgd_full_result(int n, const double *x, adc_batches *b, double *g,
                                adc_optim_result *result) {
    result->f = b->fg_batch(x, b->order, b->n_samples, g, b->ctx);
    result->grad_norm = adc_vec_norm(n, g);
    result->evaluations++;
}

adc_status adc_sgd(int n, double *x, adc_fg_batch_fn fg_batch, int n_samples, void *ctx,
                   const adc_sgd_options *opts, adc_optim_result *result) {
    if (!fg_batch || !opts || !adc_optim_start_ok(n, x) || n_samples < 1 ||
        opts->batch_size < 1 || opts->update.linesearch != ADC_LS_NONE ||
        !adc_first_order_options_ok(&opts->update))
        return adc_optim_fail(result, ADC_EINVAL, 0);
    int *order = malloc((size_t)n_samples * sizeof *order);
    double *g = malloc((size_t)n * sizeof *g);
    if (!order || !g) {
        free(order);
        free(g);
        return adc_optim_fail(result, ADC_ENOMEM, 0);
    }
    for (int i = 0; i < n_samples; i++)
        order[i] = i;
    int batch_size = opts->batch_size < n_samples ? opts->batch_size : n_samples;
    adc_batches batches = {.fg_batch = fg_batch, .ctx = ctx, .n_samples = n_samples,
                           .batch_size = batch_size, .order = order, .next = n_samples};
    adc_rng_seed(&batches.rng, opts->seed);
    adc_gradient_source src = {.eval = adc_next_batch, .impl = &batches};
    adc_status status = adc_first_order_run(n, x, &src, &opts->update, result);
    if (result && status != ADC_ENOMEM)
        adc_sgd_full_result(n, x, &batches, g, result);
    free(order);
    free(g);
    return status;
}
