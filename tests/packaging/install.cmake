# install.cmake: cmake --install BUILD_DIR into a fresh PREFIX, then checks that every file
# of the package is there and that the installed adc runs.
#   cmake -DBUILD_DIR= -DPREFIX= -DCONFIG= -DLIBDIR= -DBINDIR= -DINCLUDEDIR= -DMANDIR=
#         -DHEADERS_DIR= -P install.cmake
file(REMOVE_RECURSE "${PREFIX}")
set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()

file(GLOB headers RELATIVE "${HEADERS_DIR}" "${HEADERS_DIR}/*.h")
set(expected "${BINDIR}/adc" "${LIBDIR}/libadc.a" "${LIBDIR}/pkgconfig/adc.pc"
    "${LIBDIR}/cmake/adc/adcConfig.cmake" "${LIBDIR}/cmake/adc/adcConfigVersion.cmake"
    "${LIBDIR}/cmake/adc/adcTargets.cmake" "${LIBDIR}/cmake/adc/adcFunctions.cmake"
    "${MANDIR}/man1/adc.1")
foreach(h IN LISTS headers)
  list(APPEND expected "${INCLUDEDIR}/${h}")
endforeach()
foreach(h adc.h adc_runtime.h adc_tape.h adc_check.h adc_checkpoint.h adc_optim.h)
  list(APPEND expected "${INCLUDEDIR}/${h}")
endforeach()
list(REMOVE_DUPLICATES expected)
set(missing "")
foreach(f IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${f}")
    list(APPEND missing "${f}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "not installed under ${PREFIX}: ${missing}")
endif()

execute_process(COMMAND "${PREFIX}/${BINDIR}/adc" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^adc ")
  message(FATAL_ERROR "the installed adc does not run: ${rc} ${out}")
endif()
list(LENGTH expected n)
message(STATUS "installed ${n} files into ${PREFIX}; ${out}")
