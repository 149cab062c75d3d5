# pkg_config.cmake: compiles, links and runs a small program against the adc installed in
# PREFIX with the flags of pkg-config --cflags --libs adc. Skipped (by the test's
# SKIP_REGULAR_EXPRESSION) when pkg-config is missing.
#   cmake -DPREFIX= -DLIBDIR= -DWORK= -DCC= -DVERSION= [-DEXTRA_FLAGS=] -P pkg_config.cmake
find_program(PKG_CONFIG NAMES pkg-config pkgconf)
if(NOT PKG_CONFIG)
  message("pkg-config not found: skipped (install Debian's pkg-config)")
  return()
endif()
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
function(pc)
  execute_process(COMMAND "${PKG_CONFIG}" ${ARGN} adc RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} adc failed (${rc}): ${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
pc(--cflags --libs)
set(flags "${out}")
message(STATUS "pkg-config --cflags --libs adc: ${flags}")
pc(--modversion)
if(NOT out STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config --modversion adc: '${out}', expected '${VERSION}'")
endif()
pc(--variable=adc)
if(NOT EXISTS "${out}")
  message(FATAL_ERROR "pkg-config --variable=adc adc: '${out}' does not exist")
endif()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/tiny.c" [[
#include <math.h>
#include <stdio.h>
#include <adc.h>
#include <adc_runtime.h>
#include <adc_tape.h>
#include <adc_check.h>

static double f(const double *x, void *ctx) { (void)ctx; return sin(x[0]) * x[1]; }

int main(void) {
    adc_tape tape;
    adc_tape_init(&tape);
    adc_push_double(&tape, 2.5);
    double back = adc_pop_double(&tape);
    adc_tape_free(&tape);
    double x[2] = {0.3, 2.0}, g[2] = {cos(0.3) * 2.0, sin(0.3)};
    int rc = adc_check_gradient(2, x, g, f, NULL, 1e-6, NULL, NULL);
    printf("tape round trip %g, gradient check %d\n", back, rc);
    return back == 2.5 && rc == ADC_CHECK_PASS ? 0 : 1;
}
]])
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
execute_process(COMMAND "${CC}" -std=c11 -Wall -Wextra -Werror ${extra} "${WORK}/tiny.c"
                        -o "${WORK}/tiny" ${flags}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling with the pkg-config flags failed (${rc}):\n${err}")
endif()
execute_process(COMMAND "${WORK}/tiny" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tiny failed (${rc})")
endif()
