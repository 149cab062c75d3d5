/* table_step.h: a table read at a point computed from a value carrying derivatives (genann's
 * genann_act_sigmoid_cached: `j = (size_t)((a - min) * interval + 0.5); return lookup[j];`).
 * The value is a step function of the point: its derivative is 0 wherever it is defined,
 * which is exact of the code but never what the table stands for (the slope of the sigmoid
 * it samples). adc refuses it rather than return that 0. */
#ifndef ADC_TABLE_STEP_H
#define ADC_TABLE_STEP_H

#include "ir.h"

/* After activity analysis of body (fn's, for the given active parameters): reports each
 * assignment or return whose value carries no derivative but reads floating memory at an
 * index converting a value that does to an integer (directly or through integer variables;
 * not a comparison, which chooses as a branch does), when that
 * value flows on into a result or variable that carries derivatives (useful). A value that
 * also depends differentiably on the point (interpolation, `tab[j] + slope * (x - j)`) is
 * accepted: its derivative is that slope, exact between the table's points. Returns the
 * number of errors. */
int table_step_check(Func *fn, const Stmt *body);

/* The read table_step_check would refuse in fn with every floating parameter carrying
 * derivatives, or NULL. */
const Expr *table_step_probe(const Func *fn);

/* Each call a dispatch (a call through a function pointer) makes of a target that
 * table_step_probe refuses becomes a call of adc_refused_derivative (adc_dispatch.h), with a
 * warning: a derivative reaching that target stops the program with a message, while the
 * program's other targets (genann's exact activations beside its cached sigmoid) are
 * differentiated. */
void table_step_dispatches(Program *prog);

#endif
