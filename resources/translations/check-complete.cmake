# cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P check-complete.cmake
# Fails when a translatable string of the sources has no finished translation in a .ts file.
# The sources are those of twinrun_ui's lupdate: cmake/TwinRunTranslatedSources.cmake.
set(TWINRUN_SOURCE_ROOT ${SOURCE_DIR})
include(${SOURCE_DIR}/cmake/TwinRunTranslatedSources.cmake)
set(sources ${TWINRUN_TRANSLATED_SOURCES})
file(GLOB ts_files ${SOURCE_DIR}/resources/translations/*.ts)
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in ${SOURCE_DIR}/resources/translations")
endif()
foreach(ts ${ts_files})
    get_filename_component(name ${ts} NAME)
    set(copy ${WORK_DIR}/check-${name})
    configure_file(${ts} ${copy} COPYONLY)
    execute_process(COMMAND ${LUPDATE} -silent -locations none -no-obsolete
                            -I ${SOURCE_DIR}/model/include -I ${SOURCE_DIR}/workers/include ${sources} -ts ${copy}
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}")
    endif()
    file(READ ${copy} content)
    string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${content}")
    list(LENGTH unfinished count)
    string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" missing "${content}")
    if(count GREATER 0)
        string(REPLACE ";" "\n" missing "${missing}")
        message(FATAL_ERROR "${name}: ${count} string(s) without a finished translation:\n${missing}\n"
                            "Run `cmake --build build --target update_translations` and translate them.")
    endif()
    message(STATUS "${name}: every string translated")
endforeach()
