# adcFunctions.cmake: adc as a build step (installed with adc's CMake package).
#
#   adc_differentiate(TARGET <target> SOURCES <file.c>... [PROGRAM <name>]
#                     [FUNCTION <name> [WRT <param>...] [MODES <mode>...]]
#                     [OUTPUT_DIR <dir>] [ARGS <adc option>...] [CLANG_ARGS <arg>...])
#
# For each source NAME.c, adds a custom command that runs
#   adc NAME.c -o <dir>/NAME_ad.c --header <dir>/NAME_ad.h -MD -MF <dir>/NAME_ad.d
#       [--function F --wrt A,B --modes M,N] ARGS... -- -I... -D... CLANG_ARGS...
# where the -I and -D flags are the target's include directories and compile definitions
# (including those it inherits from the libraries it links) plus adc's include directory.
# With PROGRAM <name>, the SOURCES are the .c files of one program instead (a differentiated
# function calls functions of the others): one command runs adc on all of them together and
# writes <dir>/<name>_ad.c and <name>_ad.h.
# The dependency file (DEPFILE) makes any change to a source or to a header it includes
# regenerate the output, as does a new adc. The generated .c is added to the target's
# sources, <dir> (default: CMAKE_CURRENT_BINARY_DIR) and the sources' directories to its
# include path, and the target links adc::adc. Functions are taken from the ADC_DIFF
# annotations in the sources; FUNCTION/WRT/MODES add one request on the command line (see
# adc(1)). The original sources are not added: list them in the target yourself, since the
# generated code calls, and never redefines, the functions they define.
#
# Call it in the directory that defines <target> (a custom command's outputs can only be
# used by targets of its own directory). Needs CMake >= 3.20 (DEPFILE with Makefile
# generators).
if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "adc_differentiate() needs CMake 3.20 or newer (DEPFILE support)")
endif()
# Interpret relative paths in dependency files for Ninja like the Makefile generators do.
# Functions record the policies in effect where they are defined.
if(POLICY CMP0116)
  cmake_policy(SET CMP0116 NEW)
endif()

# One run of adc on the files srcs (absolute paths) into <outdir>/<name>_ad.c and .h;
# reads outdir, request and clang_flags of its caller and appends to its generated.
macro(_adc_generate name srcs)
  set(out_c "${outdir}/${name}_ad.c")
  set(out_h "${outdir}/${name}_ad.h")
  set(out_d "${outdir}/${name}_ad.d")
  set(shown "")
  foreach(src IN ITEMS ${srcs})
    file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${src}")
    list(APPEND shown "${rel}")
  endforeach()
  string(REPLACE ";" " " shown "${shown}")
  add_custom_command(
    OUTPUT "${out_c}" "${out_h}"
    COMMAND adc::tool ${srcs} -o "${out_c}" --header "${out_h}" -MD -MF "${out_d}"
            ${request} ${ADC_ARGS} -- ${clang_flags} ${ADC_CLANG_ARGS}
    DEPENDS ${srcs} "$<TARGET_FILE:adc::tool>"
    DEPFILE "${out_d}"
    COMMENT "adc: differentiating ${shown}"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  list(APPEND generated "${out_c}" "${out_h}")
endmacro()

function(adc_differentiate)
  cmake_parse_arguments(PARSE_ARGV 0 ADC "" "TARGET;FUNCTION;OUTPUT_DIR;PROGRAM"
                        "SOURCES;WRT;MODES;ARGS;CLANG_ARGS")
  if(ADC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "adc_differentiate: unexpected arguments: ${ADC_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ADC_TARGET OR NOT TARGET "${ADC_TARGET}")
    message(FATAL_ERROR "adc_differentiate: TARGET must name an existing target (got '${ADC_TARGET}')")
  endif()
  if(NOT ADC_SOURCES)
    message(FATAL_ERROR "adc_differentiate: no SOURCES given")
  endif()
  if((ADC_WRT OR ADC_MODES) AND NOT ADC_FUNCTION)
    message(FATAL_ERROR "adc_differentiate: WRT and MODES need a FUNCTION")
  endif()
  if(NOT TARGET adc::tool OR NOT TARGET adc::adc)
    message(FATAL_ERROR "adc_differentiate: adc::tool and adc::adc are not defined: find_package(adc CONFIG) first")
  endif()
  if(NOT ADC_OUTPUT_DIR)
    set(ADC_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  get_filename_component(outdir "${ADC_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  file(MAKE_DIRECTORY "${outdir}")

  set(request "")
  if(ADC_FUNCTION)
    list(APPEND request --function "${ADC_FUNCTION}")
    if(ADC_WRT)
      string(REPLACE ";" "," wrt "${ADC_WRT}")
      list(APPEND request --wrt "${wrt}")
    endif()
    if(ADC_MODES)
      string(REPLACE ";" "," modes "${ADC_MODES}")
      list(APPEND request --modes "${modes}")
    endif()
  endif()

  set(incs "$<TARGET_PROPERTY:${ADC_TARGET},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${ADC_TARGET},COMPILE_DEFINITIONS>")
  # NDEBUG as CMake's default flags of the build type define it (assert.h depends on it)
  set(clang_flags
    "$<$<BOOL:${incs}>:-I$<JOIN:${incs},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defs}>:-D$<JOIN:${defs},$<SEMICOLON>-D>>"
    "$<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-DNDEBUG>")
  if(ADC_INCLUDE_DIR)
    list(PREPEND clang_flags "-I${ADC_INCLUDE_DIR}")
  endif()

  set(generated "")
  set(srcdirs "")
  set(absolute "")
  foreach(src IN LISTS ADC_SOURCES)
    get_filename_component(src "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(srcdir "${src}" DIRECTORY)
    list(APPEND srcdirs "${srcdir}")
    list(APPEND absolute "${src}")
    if(NOT ADC_PROGRAM)
      get_filename_component(name "${src}" NAME_WE)
      _adc_generate("${name}" "${src}")
    endif()
  endforeach()
  if(ADC_PROGRAM)
    _adc_generate("${ADC_PROGRAM}" "${absolute}")
  endif()
  list(REMOVE_DUPLICATES srcdirs)

  target_sources(${ADC_TARGET} PRIVATE ${generated})
  target_include_directories(${ADC_TARGET} PRIVATE "${outdir}" ${srcdirs})
  target_link_libraries(${ADC_TARGET} PRIVATE adc::adc)
endfunction()
