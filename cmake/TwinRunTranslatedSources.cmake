# The one list of the sources whose texts are translated (resources/translations/*.ts), for
# lupdate: included by ui/CMakeLists.txt (qt_add_translations, update_translations) and by
# resources/translations/check-complete.cmake (the translations_complete test).
# Set TWINRUN_SOURCE_ROOT to the source tree's root before including it.
#
# - the window (ui/) and the command line (app/, with bench's report);
# - the model's and workers' texts people read: state names (workers/worker.cpp, shown through
#   model/runtext.cpp), the built-ins' descriptions, the workers table, the comparisons' verdicts
#   (model/comparison.cpp; model/parityrules.cpp: twinrun::Parity),
#   and the library's messages: plugin refusals (twinrun::Plugin), spec read errors
#   (twinrun::Spec), value parse errors (twinrun::Value), the Python setup's (twinrun::Python).
file(GLOB TWINRUN_TRANSLATED_SOURCES
     ${TWINRUN_SOURCE_ROOT}/ui/*.cpp ${TWINRUN_SOURCE_ROOT}/ui/*.h
     ${TWINRUN_SOURCE_ROOT}/app/*.cpp ${TWINRUN_SOURCE_ROOT}/app/*.h)
foreach(source
        bench/benchreport.cpp
        model/include/twinrun/workertablemodel.h
        model/workertablemodel.cpp
        model/workertablemodelusage.cpp
        model/runtext.cpp
        model/comparison.cpp
        model/runcomparison.cpp
        model/paritylaunch.cpp
        model/parityrules.cpp
        model/launchspec.cpp
        model/pythonrun.cpp
        workers/librarytext.h
        workers/worker.cpp
        workers/builtintargets.cpp
        workers/pluginfile.cpp
        workers/pluginloader.cpp
        workers/pluginchecks.cpp
        workers/workerspec.cpp
        workers/valuejson.cpp
        workers/valuelexer.cpp
        workers/valueparser.cpp
        workers/valuestrings.cpp)
    list(APPEND TWINRUN_TRANSLATED_SOURCES ${TWINRUN_SOURCE_ROOT}/${source})
endforeach()
