add_library(plinth_warnings INTERFACE)
target_compile_options(plinth_warnings INTERFACE -Wall -Wextra -Werror -Wpedantic)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports std::string concatenation as overlapping memcpy at -O3 (GCC bug 105651,
  # a false positive fixed in GCC 13); everything else stays an error.
  target_compile_options(plinth_warnings INTERFACE -Wno-restrict)
endif()
