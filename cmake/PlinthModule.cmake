# plinth_module(<folder> DEPS <targets...>)
# Builds src/<folder>/**/*.cpp (minus *_test.cpp and main.cpp) into the static library
# plinth_<folder>, and src/<folder>/**/*_test.cpp into the test binary test_<folder>
# (registered with ctest, label "unit"). Tests sit beside the code they test.
set_property(GLOBAL PROPERTY PLINTH_MODULES "")
set_property(GLOBAL PROPERTY PLINTH_LAYERING_TARGETS "")

# plinth_layering_target(<kind> <folder> <target>): names a target whose link libraries are
# the allow-list for the #includes of src/<folder>/ (kind "lib": every file but *_test.cpp;
# kind "test": the *_test.cpp files). plinth_write_module_table() writes them out.
function(plinth_layering_target kind folder target)
  set_property(GLOBAL APPEND PROPERTY PLINTH_LAYERING_TARGETS "${kind}|${folder}|${target}")
endfunction()

# plinth_write_module_table(<file>): one line per registered target,
#   kind <TAB> folder <TAB> target <TAB> link libraries (;-separated)
# read from the targets themselves (LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES), so the
# declared dependencies are the only list. Call it after every src/ folder is added.
function(plinth_write_module_table file)
  get_property(entries GLOBAL PROPERTY PLINTH_LAYERING_TARGETS)
  set(text "")
  foreach(entry IN LISTS entries)
    string(REPLACE "|" ";" parts "${entry}")
    list(GET parts 0 kind)
    list(GET parts 1 folder)
    list(GET parts 2 target)
    get_target_property(own ${target} LINK_LIBRARIES)
    get_target_property(iface ${target} INTERFACE_LINK_LIBRARIES)
    set(deps "")
    foreach(dep IN LISTS own iface)
      # A static library's PRIVATE deps show up in its interface as $<LINK_ONLY:dep>.
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      if(dep AND NOT dep MATCHES "-NOTFOUND$")
        list(APPEND deps ${dep})
      endif()
    endforeach()
    list(REMOVE_DUPLICATES deps)
    string(APPEND text "${kind}\t${folder}\t${target}\t${deps}\n")
  endforeach()
  file(CONFIGURE OUTPUT ${file} CONTENT "${text}" @ONLY)
endfunction()

function(plinth_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE all CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(sources "")
  set(tests "")
  foreach(f IN LISTS all)
    if(f MATCHES "_test\\.cpp$")
      list(APPEND tests ${f})
    elseif(NOT f MATCHES "/main\\.cpp$")
      list(APPEND sources ${f})
    endif()
  endforeach()
  list(SORT sources)
  list(SORT tests)
  if(sources)
    add_library(plinth_${name} STATIC ${sources})
    target_include_directories(plinth_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(plinth_${name} PUBLIC ${ARG_DEPS} PRIVATE plinth_warnings)
  else()
    add_library(plinth_${name} INTERFACE)
    target_include_directories(plinth_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(plinth_${name} INTERFACE ${ARG_DEPS})
  endif()
  set_property(GLOBAL APPEND PROPERTY PLINTH_MODULES plinth_${name})
  plinth_layering_target(lib ${name} plinth_${name})
  if(PLINTH_BUILD_TESTS AND tests)
    add_executable(test_${name} ${tests})
    target_link_libraries(test_${name} PRIVATE plinth_${name} GTest::gtest GTest::gmock
                                               GTest::gtest_main plinth_warnings)
    target_compile_definitions(test_${name} PRIVATE PLINTH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(test_${name} TEST_PREFIX "${name}." PROPERTIES LABELS unit
                         DISCOVERY_TIMEOUT 60)
    plinth_layering_target(test ${name} test_${name})
  endif()
endfunction()
