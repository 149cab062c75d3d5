/* hinge.c: the hinge-loss SVM homework: the linear classifier f(x) = t1 x1 + t2 x2 + t3 on m
 * labelled points (x1_i, x2_i) with labels y_i = +1 or -1, trained by minimizing
 *     L(t) = 0.1 |t|^2 + (1/m) sum_i max(0, 1 - y_i f(x_i)),
 * marked for its gradient with respect to t (a subgradient at the kinks: adc differentiates
 * fmax(a, b) as the branch it takes, a when a >= b, so max(0, u) gets 0 at u = 0). */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(t), len(t: 3), modes(grad))
double svm_loss(int m, const double *x1, const double *x2, const double *y, const double *t) {
    double hinge = 0.0;
    for (int i = 0; i < m; i++)
        hinge += fmax(0.0, 1.0 - y[i] * (t[0] * x1[i] + t[1] * x2[i] + t[2]));
    return 0.1 * (t[0] * t[0] + t[1] * t[1] + t[2] * t[2]) + hinge / m;
}
