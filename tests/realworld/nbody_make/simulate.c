/* simulate.c: the program's run, as a function: momentum offset, `steps` steps, final energy.
 * The only line added for adc is ADC_DIFF. */
#include <adc.h>
#include "nbody.h"

ADC_DIFF(wrt(bodies), len(bodies: nbodies))
double simulate(int nbodies, struct planet *bodies, int steps, double dt)
{
    int i;
    offset_momentum(nbodies, bodies);
    for (i = 1; i <= steps; i++)
        advance(nbodies, bodies, dt);
    return energy(nbodies, bodies);
}
