# exposcan_warnings: an interface target carrying the project's warning flags.
add_library(exposcan_warnings INTERFACE)
target_compile_options(exposcan_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor>)
