// twinrun-worker: the process backend's child program (see twinrun/workerprogram.h).
#include <twinrun/workerprogram.h>

int main(int argc, char** argv)
{
    return twinrun::runWorkerProgram(argc, argv);
}
