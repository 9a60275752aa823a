add_library(plinth_warnings INTERFACE)
target_compile_options(plinth_warnings INTERFACE -Wall -Wextra -Werror -Wpedantic)
