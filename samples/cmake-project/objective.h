/* objective.h: the extended Rosenbrock function of n variables. */
#ifndef OBJECTIVE_H
#define OBJECTIVE_H

/* f(x) = sum_{i<n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 */
double rosenbrock(int n, const double *x);

#endif
