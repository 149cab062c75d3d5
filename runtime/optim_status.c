/* optim_status.c: human-readable text for the status codes of line searches and optimizers. */
#include "adc_optim.h"

const char *adc_status_string(adc_status status) {
    switch (status) {
    case ADC_OK: return "ok";
    case ADC_CONVERGED_GTOL: return "converged: gradient norm below gtol";
    case ADC_CONVERGED_FTOL: return "converged: change of f below ftol";
    case ADC_MAX_ITERATIONS: return "stopped: maximum number of iterations reached";
    case ADC_MAX_EVALUATIONS: return "stopped: maximum number of evaluations reached";
    case ADC_STOPPED_BY_CALLBACK: return "stopped by the progress callback";
    case ADC_LINESEARCH_FAILED: return "failed: line search found no acceptable step";
    case ADC_NONFINITE: return "failed: objective returned NaN or Inf";
    case ADC_EINVAL: return "failed: invalid argument";
    case ADC_ENOMEM: return "failed: out of memory";
    }
    return "unknown status";
}
