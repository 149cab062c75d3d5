// ARGS:
// EXIT: 1
// ERROR: grad_struct_pointer_count.c:14:8: error: mode 'grad' needs the length of 'sys': add len(sys: 1) to ADC_DIFF (one struct) (or ask for modes(tangent, adjoint) and set up the adjoint yourself)
// f_grad zeroes a gradient struct of pointers member by member: a pointer to such structs may
// be an array of them (sys[1]), whose other gradient structs it would leave as they were.
#include <adc.h>

typedef struct {
    int n;
    double *x;
} sys_t;

ADC_DIFF(wrt(sys), len(sys.x: sys->n), modes(grad))
double f(sys_t *sys)
{
    return sys[0].x[0] * sys[1].x[0];
}
