# ctest: installs TwinRun into a scratch prefix, builds examples/embed against it with
# find_package(TwinRun), runs it, and runs the installed twinrun with its installed worker
# program; builds the example plugin (examples/plugins/primes) with find_package(TwinRun) and
# twinrun_add_plugin, and runs its target through the installed twinrun as a thread and a
# process, with both start methods. Arguments (-D): BUILD_DIR, SOURCE_DIR, SCRATCH,
# CXX_LAUNCHER (optional).
cmake_minimum_required(VERSION 3.21)

function(run_checked what)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    TIMEOUT 240)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

function(expect_in text expected what)
    string(FIND "${text}" "${expected}" at)
    if(at LESS 0)
        message(FATAL_ERROR "${what}: expected to find\n${expected}\nin\n${text}")
    endif()
endfunction()

set(prefix "${SCRATCH}/prefix")
file(REMOVE_RECURSE "${SCRATCH}")
run_checked("cmake --install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# The layout a library user sees.
include(GNUInstallDirs)
foreach(path
        bin/twinrun
        ${CMAKE_INSTALL_LIBEXECDIR}/twinrun-worker
        ${CMAKE_INSTALL_INCLUDEDIR}/twinrun/worker.h
        ${CMAKE_INSTALL_INCLUDEDIR}/twinrun/version.h
        ${CMAKE_INSTALL_INCLUDEDIR}/twinrun/twinrun_workers_export.h
        ${CMAKE_INSTALL_INCLUDEDIR}/twinrun/plugin.h
        ${CMAKE_INSTALL_INCLUDEDIR}/twinrun/pluginloader.h
        ${CMAKE_INSTALL_LIBDIR}/cmake/TwinRun/TwinRunPlugin.cmake
        ${CMAKE_INSTALL_LIBDIR}/cmake/TwinRun/TwinRunConfig.cmake
        ${CMAKE_INSTALL_LIBDIR}/cmake/TwinRun/TwinRunConfigVersion.cmake)
    if(NOT EXISTS "${prefix}/${path}")
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endforeach()
foreach(private status.h processworker.h childmode.h forkserver.h)
    if(EXISTS "${prefix}/${CMAKE_INSTALL_INCLUDEDIR}/${private}" OR
       EXISTS "${prefix}/${CMAKE_INSTALL_INCLUDEDIR}/twinrun/${private}" AND NOT private STREQUAL "status.h")
        message(FATAL_ERROR "installed a header that is not public: ${private}")
    endif()
endforeach()

set(launcher)
if(CXX_LAUNCHER)
    set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER})
endif()
run_checked("configure examples/embed" ${CMAKE_COMMAND} -S "${SOURCE_DIR}/examples/embed"
            -B "${SCRATCH}/embed" -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release ${launcher})
run_checked("build examples/embed" ${CMAKE_COMMAND} --build "${SCRATCH}/embed")

# Run without any hint from the build tree: the installed library finds its own worker.
set(clean_env ${CMAKE_COMMAND} -E env --unset=TWINRUN_WORKER_PROGRAM --unset=LD_LIBRARY_PATH
              --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM)
run_checked("embed" ${clean_env} "${SCRATCH}/embed/embed")
set(seed "Fazendo algo com o \"1\" do tipo <class 'int'>.
Fazendo algo com o \"1.5\" do tipo <class 'float'>.
Fazendo algo com o \"Edson\" do tipo <class 'str'>.
")
expect_in("${out}" "${seed}${seed}" "embed: faz_algo as a thread, then as a process")
expect_in("${out}" "Olá, Edson, from a thread
Olá, Edson, from a thread
Olá, Edson, from a process
Olá, Edson, from a process
" "embed: its own target as a thread, then as a process")

run_checked("installed twinrun" ${clean_env} "${prefix}/bin/twinrun" run faz_algo 1 1.5 Edson
            --as both --start-method forkserver)
expect_in("${out}" "identical" "installed twinrun --as both")

# A plugin of the user's own, built against the installed package alone.
run_checked("configure examples/plugins/primes" ${CMAKE_COMMAND}
            -S "${SOURCE_DIR}/examples/plugins/primes" -B "${SCRATCH}/primes"
            -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release ${launcher})
run_checked("build examples/plugins/primes" ${CMAKE_COMMAND} --build "${SCRATCH}/primes")
foreach(method spawn forkserver)
    run_checked("installed twinrun with the plugin (${method})" ${clean_env}
                "${prefix}/bin/twinrun" run --plugin "${SCRATCH}/primes/libprimes.so"
                primes.count_below 1000 --as both --start-method ${method})
    expect_in("${out}" "168 primes below 1000
== process" "the plugin's target as a thread and a process (${method})")
    expect_in("${out}" "identical" "the plugin's target --as both (${method})")
endforeach()
file(REMOVE_RECURSE "${SCRATCH}")
message(STATUS "install + find_package(TwinRun) + examples/embed + examples/plugins/primes: ok")
