# twinrun_add_plugin(<name> SOURCES <file>... [OUTPUT_NAME <name>])
#
# Builds a TwinRun plugin (<twinrun/plugin.h>): a MODULE library named lib<name>.so, linked to
# TwinRun::Workers, with hidden symbols (the TWINRUN_PLUGIN() macro exports what TwinRun needs)
# ready for dlopen (RTLD_NOW). Load it with
# `twinrun run --plugin path/lib<name>.so <plugin>.<target> ...`, or put it in a plugin folder.
#
# Included by TwinRunConfig.cmake (find_package(TwinRun) gives it) and by TwinRun's own build.
function(twinrun_add_plugin name)
    cmake_parse_arguments(PLUGIN "" "OUTPUT_NAME" "SOURCES" ${ARGN})
    if(NOT PLUGIN_SOURCES)
        message(FATAL_ERROR "twinrun_add_plugin(${name}): give its SOURCES")
    endif()
    add_library(${name} MODULE ${PLUGIN_SOURCES})
    target_link_libraries(${name} PRIVATE TwinRun::Workers)
    target_compile_features(${name} PRIVATE cxx_std_20)
    set_target_properties(${name} PROPERTIES
        PREFIX "lib"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    if(PLUGIN_OUTPUT_NAME)
        set_target_properties(${name} PROPERTIES OUTPUT_NAME ${PLUGIN_OUTPUT_NAME})
    endif()
    # No --no-undefined: a sanitizer's runtime (clang's ASan) resolves in the program, not in
    # the module. A missing symbol is refused when TwinRun checks the plugin (RTLD_NOW), with
    # the loader's message naming it.
endfunction()
