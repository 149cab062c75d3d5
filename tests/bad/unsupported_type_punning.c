// ARGS:
// EXIT: 1
// ERROR: unsupported_type_punning.c:14:18: error: active floating data seen through a pointer to another type (type punning) is not supported: its derivative would be lost
// ERROR: unsupported_type_punning.c:17:28: error: active floating data seen through a pointer to another type
// The fast inverse square root reads an active float's bits: the tangent once dropped that
// path silently (y_d = 0 after `y = *(float *)&i`).
#include <stdint.h>
#include <adc.h>

ADC_DIFF(wrt(x))
float f(float x)
{
    float y = x;
    int32_t i = *(int32_t *)&y;
    i = 0x5f3759df - (i >> 1);
    y = *(float *)&i;
    unsigned char *bytes = (unsigned char *)&y;
    return y * (1.5f - 0.5f * x * y * y) + bytes[0];
}
