# exposcan_warnings: an interface target carrying the project's warning flags.
add_library(exposcan_warnings INTERFACE)
target_compile_options(exposcan_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor>)
# GCC 12's -Wrestrict misfires on std::string's operator+ with a literal once the optimiser inlines it
# ("accessing 9223372036854775810 or more bytes ... may overlap": GCC bug 105329, fixed in GCC 13); which
# call sites it flags moves with inlining and unity batches, so it is off for GCC 12 only.
target_compile_options(exposcan_warnings INTERFACE
  $<$<AND:$<COMPILE_LANG_AND_ID:CXX,GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
