# exposcan_embed(<target> NAMESPACE <ns> BASE <dir> FILES <f>...)
# Generates a C++ source holding each file's bytes, exposed as
#   std::span<const exposcan::EmbeddedFile> <ns>::files();
# (see core/embedded.h). Paths are relative to BASE. Regenerated when a file changes.
function(exposcan_embed target)
  cmake_parse_arguments(E "" "NAMESPACE;BASE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.list")
  set(rel_files "")
  foreach(f IN LISTS E_FILES)
    file(RELATIVE_PATH rel "${E_BASE}" "${f}")
    list(APPEND rel_files "${rel}")
  endforeach()
  string(REPLACE ";" "\n" content "${rel_files}")
  file(GENERATE OUTPUT "${list_file}" CONTENT "${content}\n")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DBASE=${E_BASE} -DLIST=${list_file} -DNS=${E_NAMESPACE}
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${E_FILES} "${list_file}" "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${target} files"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
