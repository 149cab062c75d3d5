# man_page.cmake: every option printed by adc --help appears in the man page, and the man
# page formats without warnings when groff is installed.
#   cmake -DADC= -DMAN= -P man_page.cmake
execute_process(COMMAND "${ADC}" --help RESULT_VARIABLE rc OUTPUT_VARIABLE help)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "adc --help failed (${rc})")
endif()
file(READ "${MAN}" man)
string(REPLACE "\\-" "-" man "${man}")  # roff escapes hyphens: \-\-wrt
string(REPLACE "\\f" " " man "${man}")  # and changes fonts inline: \fB-o\fR

# Options: long ones anywhere in the help; short ones in the option column of the lines that
# start with "  -" (up to the two spaces before the description), e.g. "-MD -MF FILE" and
# "-I DIR, -D NAME[=V], -U NAME, -std=STD".
string(REGEX MATCHALL "--[a-z][a-z0-9-]*" options "${help}")
string(REGEX MATCHALL "\n  -[^\n]*" option_lines "${help}")
foreach(line IN LISTS option_lines)
  string(REGEX REPLACE "^\n  " "" spec "${line}")
  string(REGEX REPLACE "  .*" "" spec "${spec}")
  string(REGEX MATCHALL "(^| )-[A-Za-z][A-Za-z]*" shorts "${spec}")
  foreach(s IN LISTS shorts)
    string(STRIP "${s}" s)
    list(APPEND options "${s}")
  endforeach()
endforeach()
list(REMOVE_DUPLICATES options)
set(missing "")
foreach(opt IN LISTS options)
  string(FIND "${man}" "${opt}" at)
  if(at EQUAL -1)
    list(APPEND missing "${opt}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "options of adc --help missing from ${MAN}: ${missing}")
endif()
list(LENGTH options n)
message(STATUS "${n} options of adc --help documented: ${options}")

find_program(GROFF groff)
if(GROFF)
  execute_process(COMMAND "${GROFF}" -man -ww -z "${MAN}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR err)
    message(FATAL_ERROR "groff -man -ww reports:\n${err}")
  endif()
endif()
