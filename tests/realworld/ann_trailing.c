/* ann_trailing.c: a small feed-forward neural network in the manner of genann (codeplea's
 * minimal C ANN library), and a user's squared-error loss over it, differentiated with respect
 * to every weight with only the ADC_DIFF line added. The idioms: one malloc holds the network
 * struct and, trailing it, the weights, the neuron outputs and the deltas (`net->weight =
 * (double *)((char *)ret + sizeof(ann_net));`, the other two pointers after it); the
 * activations are called through function pointers stored in the struct; the forward pass
 * takes the network as `ann_net const *` yet writes every neuron's output through
 * net->output, walks the weights with `*w++`, and returns a pointer into net->output (the
 * first output neuron); the inputs are memcpy'd into the outputs' scratch area. Training by
 * backpropagation (ann_train) is the library's own and is not differentiated. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adc.h>

struct ann_net;

typedef double (*ann_actfun)(const struct ann_net *net, double a);

typedef struct ann_net {
    /* How many inputs, outputs, and hidden neurons. */
    int inputs, hidden_layers, hidden, outputs;

    /* Activation functions of the hidden neurons and of the outputs. */
    ann_actfun activation_hidden;
    ann_actfun activation_output;

    /* Number of weights, and of neurons plus inputs. */
    int total_weights;
    int total_neurons;

    /* All three point into the block allocated with the struct. */
    double *weight;
    double *output;
    double *delta;
} ann_net;

double ann_act_sigmoid(const ann_net *net, double a) {
    (void)net;
    if (a < -45.0) return 0;
    if (a > 45.0) return 1;
    return 1.0 / (1 + exp(-a));
}

double ann_act_linear(const ann_net *net, double a) {
    (void)net;
    return a;
}

double ann_act_threshold(const ann_net *net, double a) {
    (void)net;
    return a > 0;
}

double ann_act_tanh(const ann_net *net, double a) {
    (void)net;
    return tanh(a);
}

ann_net *ann_init(int inputs, int hidden_layers, int hidden, int outputs) {
    if (hidden_layers < 0 || inputs < 1 || outputs < 1) return 0;
    if (hidden_layers > 0 && hidden < 1) return 0;

    const int hidden_weights = hidden_layers ? (inputs + 1) * hidden + (hidden_layers - 1) * (hidden + 1) * hidden : 0;
    const int output_weights = (hidden_layers ? (hidden + 1) : (inputs + 1)) * outputs;
    const int total_weights = hidden_weights + output_weights;
    const int total_neurons = inputs + hidden * hidden_layers + outputs;

    /* One block: the struct, then weights, outputs and deltas. */
    const size_t size = sizeof(ann_net) + sizeof(double) * (size_t)(total_weights + total_neurons + (total_neurons - inputs));
    ann_net *ret = malloc(size);
    if (!ret) return 0;

    ret->inputs = inputs;
    ret->hidden_layers = hidden_layers;
    ret->hidden = hidden;
    ret->outputs = outputs;
    ret->total_weights = total_weights;
    ret->total_neurons = total_neurons;

    ret->weight = (double *)((char *)ret + sizeof(ann_net));
    ret->output = ret->weight + ret->total_weights;
    ret->delta = ret->output + ret->total_neurons;

    memset(ret->weight, 0, sizeof(double) * (size_t)(total_weights + total_neurons + (total_neurons - inputs)));
    ret->activation_hidden = ann_act_sigmoid;
    ret->activation_output = ann_act_sigmoid;
    return ret;
}

void ann_free(ann_net *net) {
    /* The weight, output and delta pointers go to the same block. */
    free(net);
}

double const *ann_run(ann_net const *net, double const *inputs) {
    double const *w = net->weight;
    double *o = net->output + net->inputs;
    double const *i = net->output;

    /* The inputs go to the outputs' scratch area: the first layer is no special case. */
    memcpy(net->output, inputs, sizeof(double) * net->inputs);

    int h, j, k;

    if (!net->hidden_layers) {
        double *ret = o;
        for (j = 0; j < net->outputs; ++j) {
            double sum = *w++ * -1.0;
            for (k = 0; k < net->inputs; ++k)
                sum += *w++ * i[k];
            *o++ = net->activation_output(net, sum);
        }
        return ret;
    }

    /* The first hidden layer. */
    for (j = 0; j < net->hidden; ++j) {
        double sum = *w++ * -1.0;
        for (k = 0; k < net->inputs; ++k)
            sum += *w++ * i[k];
        *o++ = net->activation_hidden(net, sum);
    }
    i += net->inputs;

    /* The other hidden layers. */
    for (h = 1; h < net->hidden_layers; ++h) {
        for (j = 0; j < net->hidden; ++j) {
            double sum = *w++ * -1.0;
            for (k = 0; k < net->hidden; ++k)
                sum += *w++ * i[k];
            *o++ = net->activation_hidden(net, sum);
        }
        i += net->hidden;
    }

    double const *ret = o;

    /* The output layer. */
    for (j = 0; j < net->outputs; ++j) {
        double sum = *w++ * -1.0;
        for (k = 0; k < net->hidden; ++k)
            sum += *w++ * i[k];
        *o++ = net->activation_output(net, sum);
    }
    return ret;
}

/* The derivative of an activation in terms of its output, for backpropagation. */
static double ann_act_derivative(ann_actfun act, double y) {
    if (act == ann_act_tanh) return 1.0 - y * y;
    if (act == ann_act_linear) return 1.0;
    if (act == ann_act_threshold) return 0.0;
    return y * (1.0 - y);
}

/* One step of backpropagation on a network of one hidden layer (the library's training). */
void ann_train(ann_net const *net, double const *inputs, double const *desired, double rate) {
    ann_run(net, inputs);
    double const *o = net->output + net->inputs + net->hidden;
    double *d = net->delta + net->hidden;
    for (int j = 0; j < net->outputs; ++j)
        d[j] = (desired[j] - o[j]) * ann_act_derivative(net->activation_output, o[j]);
    double const *oh = net->output + net->inputs;
    double const *wo = net->weight + (net->inputs + 1) * net->hidden;
    for (int j = 0; j < net->hidden; ++j) {
        double s = 0;
        for (int k = 0; k < net->outputs; ++k)
            s += d[k] * wo[k * (net->hidden + 1) + j + 1];
        net->delta[j] = ann_act_derivative(net->activation_hidden, oh[j]) * s;
    }
    double *w = net->weight + (net->inputs + 1) * net->hidden;
    for (int j = 0; j < net->outputs; ++j) {
        *w++ += d[j] * rate * -1.0;
        for (int k = 0; k < net->hidden; ++k)
            *w++ += d[j] * rate * oh[k];
    }
    w = net->weight;
    for (int j = 0; j < net->hidden; ++j) {
        *w++ += net->delta[j] * rate * -1.0;
        for (int k = 0; k < net->inputs; ++k)
            *w++ += net->delta[j] * rate * inputs[k];
    }
}

/* The user's loss: squared error of the first output over n samples. */
ADC_DIFF(wrt(net), len(net: 1, net.weight: net->total_weights, net.output: net->total_neurons, net.delta: net->total_neurons - net->inputs))
double ann_loss(ann_net const *net, int n, double const *x, double const *y) {
    double s = 0;
    int k;
    for (k = 0; k < n; ++k) {
        double d = ann_run(net, x + k * net->inputs)[0] - y[k];
        s += d * d;
    }
    return s;
}
