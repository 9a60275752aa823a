# Every dependency comes from a Debian -dev package; scripts/install-deps.sh installs them.
macro(plinth_require pkg apt)
  find_package(${pkg} ${ARGN} QUIET)
  if(NOT ${pkg}_FOUND)
    message(FATAL_ERROR "${pkg} not found: run scripts/install-deps.sh (apt-get install ${apt})")
  endif()
endmacro()
plinth_require(yaml-cpp libyaml-cpp-dev)
plinth_require(nlohmann_json nlohmann-json3-dev)
plinth_require(CLI11 libcli11-dev)
plinth_require(fmt libfmt-dev)
plinth_require(OpenSSL libssl-dev)
plinth_require(CURL libcurl4-openssl-dev)
plinth_require(mimalloc libmimalloc-dev)

# plinth_fast_allocator(<executable>): mimalloc replaces malloc in the whole process. Parsing
# and linting allocate many small strings and vectors; glibc's allocator was a third of the
# instructions of `plinth lint` (bench/lint.md). Not under the sanitizers, which bring their own.
function(plinth_fast_allocator target)
  if(NOT PLINTH_SANITIZE)
    target_link_libraries(${target} PRIVATE mimalloc)
  endif()
endfunction()
if(PLINTH_BUILD_TESTS)
  plinth_require(GTest libgtest-dev)
endif()
