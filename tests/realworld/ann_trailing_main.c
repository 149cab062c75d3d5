/* Driver of ann_trailing.c: four networks -- sigmoid hidden layers with a linear output (two
 * layers), tanh with sigmoid outputs, threshold units (their derivative is 0 wherever it is
 * defined, so only the output layer's weights move the loss), and no hidden layer (ann_run's
 * early return) -- each fitted to 6 samples, after a few steps of the library's own
 * training. The inputs are all the weights. The gradient and tangent networks are allocated
 * with ann_init, as the network is: the shadow of the struct with its trailing block. */
#include "realworld.h"
#include <string.h>

struct ann_net;
typedef double (*ann_actfun)(const struct ann_net *net, double a);
typedef struct ann_net {
    int inputs, hidden_layers, hidden, outputs;
    ann_actfun activation_hidden, activation_output;
    int total_weights, total_neurons;
    double *weight, *output, *delta;
} ann_net;

ann_net *ann_init(int inputs, int hidden_layers, int hidden, int outputs);
void ann_free(ann_net *net);
void ann_train(ann_net const *net, double const *inputs, double const *desired, double rate);
double ann_act_sigmoid(const ann_net *net, double a);
double ann_act_linear(const ann_net *net, double a);
double ann_act_threshold(const ann_net *net, double a);
double ann_act_tanh(const ann_net *net, double a);
double ann_loss(ann_net const *net, int n, double const *x, double const *y);
double ann_loss_grad(const ann_net *net, int n, const double *x, const double *y, ann_net *net_grad);
double ann_loss_tangent(const ann_net *net, const ann_net *net_d, int n, const double *x, const double *y,
                        double *ann_loss_d);

enum { SAMPLES = 6, MAX_INPUTS = 3 };

typedef struct fit {
    ann_net *net, *shadow;   /* the shadow: gradient or tangent network, of the same shape */
    double x[SAMPLES * MAX_INPUTS], y[SAMPLES];
} fit;

static void set_weights(ann_net *net, const double *w) {
    memcpy(net->weight, w, sizeof(double) * (size_t)net->total_weights);
}

static double f(const double *w, void *ctx) {
    fit *c = ctx;
    set_weights(c->net, w);
    return ann_loss(c->net, SAMPLES, c->x, c->y);
}
static double grad(const double *w, double *g, void *ctx) {
    fit *c = ctx;
    set_weights(c->net, w);
    for (int i = 0; i < c->shadow->total_weights; i++)
        c->shadow->weight[i] = 1e30; /* garbage: grad zeroes it */
    double loss = ann_loss_grad(c->net, SAMPLES, c->x, c->y, c->shadow);
    memcpy(g, c->shadow->weight, sizeof(double) * (size_t)c->shadow->total_weights);
    return loss;
}
static double tangent(const double *w, const double *v, double *dv, void *ctx) {
    fit *c = ctx;
    set_weights(c->net, w);
    memset(c->shadow->output, 0, sizeof(double) * (size_t)c->shadow->total_neurons);
    set_weights(c->shadow, v);
    return ann_loss_tangent(c->net, c->shadow, SAMPLES, c->x, c->y, dv);
}

static int check(const char *name, int inputs, int layers, int hidden, int outputs, ann_actfun act_hidden,
                 ann_actfun act_output) {
    fit c = {ann_init(inputs, layers, hidden, outputs), ann_init(inputs, layers, hidden, outputs), {0}, {0}};
    if (!c.net || !c.shadow)
        return 1;
    c.net->activation_hidden = act_hidden;
    c.net->activation_output = act_output;
    for (int i = 0; i < c.net->total_weights; i++)
        c.net->weight[i] = 0.6 * sin(1.3 + 2.1 * i);
    for (int k = 0; k < SAMPLES; k++) {
        for (int i = 0; i < inputs; i++)
            c.x[k * inputs + i] = cos(0.4 + 0.9 * k + 1.7 * i);
        c.y[k] = 0.5 + 0.3 * sin(0.8 * k);
    }
    if (layers == 1)
        for (int step = 0; step < 3; step++)
            for (int k = 0; k < SAMPLES; k++) {
                double desired[4] = {c.y[k], c.y[k], c.y[k], c.y[k]};
                ann_train(c.net, c.x + k * inputs, desired, 0.2);
            }
    double w[64];
    memcpy(w, c.net->weight, sizeof(double) * (size_t)c.net->total_weights);
    rw_problem p = {name, c.net->total_weights, w, f, grad, tangent, &c, 0};
    int failed = rw_run(&p);
    ann_free(c.net);
    ann_free(c.shadow);
    return failed;
}

int main(void) {
    int failed = check("ann_trailing sigmoid 3-4-4-1 linear", 3, 2, 4, 1, ann_act_sigmoid, ann_act_linear);
    failed |= check("ann_trailing tanh 2-5-2 sigmoid", 2, 1, 5, 2, ann_act_tanh, ann_act_sigmoid);
    failed |= check("ann_trailing threshold 2-3-1 linear", 2, 1, 3, 1, ann_act_threshold, ann_act_linear);
    failed |= check("ann_trailing no hidden layer 3-2 sigmoid", 3, 0, 0, 2, ann_act_sigmoid, ann_act_sigmoid);
    return failed;
}
