// --emit=dot prints the computational graph of L(w1, w2) = w2*log(w1) + sqrt(w2*log(w1)) as
// Graphviz: one cluster per function, the active inputs as filled boxes, one node per
// operation, edges from operands to operations and from the last operation to the result.
// RUN: %adc %s --emit=dot -- -I%I | %FileCheck %s --check-prefix=DOT
// RUN: %adc %s --emit=dot -- -I%I | %FileCheck %s --check-prefix=OPERAND
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(w1, w2), modes(tangent, adjoint))
double L(double w1, double w2)
{
    return w2 * log(w1) + sqrt(w2 * log(w1));
}

// DOT:       {{^}}digraph adc {
// DOT:       subgraph cluster_L {
// DOT-NEXT:  label="L";
// DOT-DAG:   {{^ *}}w1 [shape=box, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}w2 [shape=box, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}L_result [label="L", shape=doublecircle];
// DOT-DAG:   {{^ *}}[[ADD:op[0-9]+]] [label="+", shape=ellipse, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}[[SQRT:op[0-9]+]] [label="sqrt", shape=ellipse, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}[[MUL:op[0-9]+]] [label="*", shape=ellipse, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}[[LOG:op[0-9]+]] [label="log", shape=ellipse, style=filled, fillcolor=lightblue];
// DOT-DAG:   {{^ *}}[[ADD]] -> L_result;
// DOT-DAG:   {{^ *}}[[SQRT]] -> [[ADD]];
// DOT-DAG:   {{^ *}}[[MUL]] -> [[ADD]];
// DOT-DAG:   {{^ *}}w2 -> [[MUL]];
// DOT-DAG:   {{^ *}}[[LOG]] -> [[MUL]];
// DOT-DAG:   {{^ *}}w1 -> [[LOG]];
// DOT:       {{^  }$}}
// DOT-NEXT:  {{^}$}}

// The operand of sqrt is a product of w2 and a log of w1 (the same nodes as above if common
// subexpressions are shared; see dot_shared.c).
// OPERAND-DAG: {{^ *}}[[S:op[0-9]+]] [label="sqrt"
// OPERAND-DAG: {{^ *}}[[M:op[0-9]+]] -> [[S]];
// OPERAND-DAG: {{^ *}}[[M]] [label="*"
// OPERAND-DAG: {{^ *}}w2 -> [[M]];
// OPERAND-DAG: {{^ *}}[[G:op[0-9]+]] -> [[M]];
// OPERAND-DAG: {{^ *}}[[G]] [label="log"
// OPERAND-DAG: {{^ *}}w1 -> [[G]];
