/* check_grad.c: checks the gradient adc generated for `double NAME(const double *x)`, x of
 * length N, against central finite differences at one point. Built by run_hostile.sh with
 * -DNAME=... -DN=... together with the case source and the generated file; exit status 0
 * when every component agrees to 1e-6 (relative, or absolute 1e-9 near zero) and NAME_grad returns NAME's value. */
#include <math.h>
#include <stdio.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

double NAME(const double *x);
double CAT(NAME, _grad)(const double *x, double *x_grad);

int main(void) {
    double x[N], g[N];
    for (int i = 0; i < N; i++)
        x[i] = 0.3 + 0.17 * i - 0.5 * (i % 2);
    double f = NAME(x);
    double fg = CAT(NAME, _grad)(x, g);
    int bad = 0;
    if (!(fabs(fg - f) <= 1e-12 * fmax(1.0, fabs(f)))) {
        printf("grad returned %.17g, the function %.17g\n", fg, f);
        bad = 1;
    }
    for (int i = 0; i < N; i++) {
        double h = 1e-6 * fmax(1.0, fabs(x[i])), xi = x[i];
        x[i] = xi + h;
        double fp = NAME(x);
        x[i] = xi - h;
        double fm = NAME(x);
        x[i] = xi;
        double fd = (fp - fm) / (2 * h);
        double err = fabs(fd - g[i]) / fmax(1e-3, fabs(fd));
        if (!(err <= 1e-6)) {
            printf("d/dx[%d]: adc %.17g, finite differences %.17g\n", i, g[i], fd);
            bad = 1;
        }
    }
    if (!bad)
        printf("gradient of f = %.17g matches finite differences in %d components\n", f, N);
    return bad;
}
