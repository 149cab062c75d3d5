# cmake_project.cmake: configures, builds and runs a copy of samples/cmake-project against the
# adc installed in PREFIX (find_package(adc CONFIG) + adc_differentiate), then checks that the
# DEPFILE works: touching the objective's header regenerates objective_ad.c, touching main.c
# or nothing does not.
#   cmake -DSAMPLE= -DWORK= -DPREFIX= -DGENERATOR= -DCC= [-DEXTRA_FLAGS=] -P cmake_project.cmake
set(src "${WORK}/src")
set(bin "${WORK}/build")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(COPY "${SAMPLE}/" DESTINATION "${src}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# build STEP REGENERATE: builds and checks whether adc ran.
function(build step regenerate)
  run("${step}: build" "${CMAKE_COMMAND}" --build "${bin}")
  if(out MATCHES "adc: differentiating objective.c")
    set(ran TRUE)
  else()
    set(ran FALSE)
  endif()
  if(NOT ran STREQUAL regenerate)
    message(FATAL_ERROR "${step}: adc ran: ${ran}, expected ${regenerate}; build output:\n${out}")
  endif()
  message(STATUS "ok: ${step}: adc ran: ${ran}")
endfunction()

# Makes FILE newer than the generated code (file systems with coarse timestamps need a wait).
function(touch_newer file)
  foreach(try RANGE 50)
    file(TOUCH "${src}/${file}")
    if(NOT "${bin}/objective_ad.c" IS_NEWER_THAN "${src}/${file}")
      return()
    endif()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 0.1)
  endforeach()
  message(FATAL_ERROR "could not make ${file} newer than objective_ad.c")
endfunction()

run("configure" "${CMAKE_COMMAND}" -S "${src}" -B "${bin}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_C_COMPILER=${CC}" "-DCMAKE_BUILD_TYPE=Release"
    "-DCMAKE_C_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
build("first build" TRUE)
run("rosenbrock" "${bin}/rosenbrock")
message("${out}")
if(NOT out MATCHES "PASS")
  message(FATAL_ERROR "rosenbrock did not print PASS")
endif()
build("nothing touched" FALSE)
touch_newer(objective.h)
build("touch objective.h" TRUE)
touch_newer(main.c)
build("touch main.c" FALSE)
run("rosenbrock" "${bin}/rosenbrock")
