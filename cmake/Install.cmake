# Install.cmake: the CMake package (find_package(adc CONFIG): adc::adc, adc::tool and
# adc_differentiate()), the pkg-config file adc.pc and the man page. The library, headers and
# tool themselves are installed by runtime/ and compiler/ (export set adcTargets).
include(CMakePackageConfigHelpers)

set(ADC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/adc CACHE STRING
    "Where to install the CMake package files of adc (relative to the prefix)")

# The tool is exported as adc::tool; keep libclang's directory in its installed RPATH, since
# LLVM's lib directory is not always on the loader's path.
set_target_properties(adc_cli PROPERTIES EXPORT_NAME tool INSTALL_RPATH_USE_LINK_PATH TRUE)

install(EXPORT adcTargets NAMESPACE adc:: DESTINATION ${ADC_INSTALL_CMAKEDIR}
        FILE adcTargets.cmake)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/adcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/adcConfig.cmake
  INSTALL_DESTINATION ${ADC_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
# 0.x releases: only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/adcConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/adcConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/adcConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/adcFunctions.cmake
        DESTINATION ${ADC_INSTALL_CMAKEDIR})

# adc.pc is relocatable: its prefix is found from its own location (${pcfiledir}).
set(ADC_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(ADC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH ADC_PC_TO_PREFIX /prefix/${ADC_PC_DIR} /prefix)
  string(REGEX REPLACE "/$" "" ADC_PC_TO_PREFIX "${ADC_PC_TO_PREFIX}")
  set(ADC_PC_PREFIX "\${pcfiledir}/${ADC_PC_TO_PREFIX}")
endif()
foreach(dir LIBDIR INCLUDEDIR BINDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(ADC_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(ADC_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${PROJECT_SOURCE_DIR}/cmake/adc.pc.in ${PROJECT_BINARY_DIR}/cmake/adc.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/adc.pc DESTINATION ${ADC_PC_DIR})

install(FILES ${PROJECT_SOURCE_DIR}/doc/adc.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
