# cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P check-complete.cmake
# Fails when a translatable string of the sources has no finished translation in a .ts file.
# The sources are those of twinrun_ui's lupdate (TWINRUN_TRANSLATED_SOURCES in ui/CMakeLists.txt:
# ui/, the model/ and workers/ files whose texts the window shows, and the command line's app/
# with bench's report); keep the two lists in step.
file(GLOB sources ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/app/*.cpp
                  ${SOURCE_DIR}/app/*.h)
list(APPEND sources ${SOURCE_DIR}/bench/benchreport.cpp
                    ${SOURCE_DIR}/model/include/twinrun/workertablemodel.h
                    ${SOURCE_DIR}/model/workertablemodel.cpp
                    ${SOURCE_DIR}/model/workertablemodelusage.cpp
                    ${SOURCE_DIR}/model/runtext.cpp
                    ${SOURCE_DIR}/model/comparison.cpp
                    ${SOURCE_DIR}/model/runcomparison.cpp
                    ${SOURCE_DIR}/workers/worker.cpp
                    ${SOURCE_DIR}/workers/builtintargets.cpp)
file(GLOB ts_files ${SOURCE_DIR}/resources/translations/*.ts)
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in ${SOURCE_DIR}/resources/translations")
endif()
foreach(ts ${ts_files})
    get_filename_component(name ${ts} NAME)
    set(copy ${WORK_DIR}/check-${name})
    configure_file(${ts} ${copy} COPYONLY)
    execute_process(COMMAND ${LUPDATE} -silent -locations none -no-obsolete
                            -I ${SOURCE_DIR}/model/include ${sources} -ts ${copy}
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
