// A shared library that is not a TwinRun plugin: no TWINRUN_PLUGIN marker.
extern "C" __attribute__((visibility("default"))) int twinrun_test_not_a_plugin()
{
    return 42;
}
