#pragma once

#include <twinrun/launchspec.h>

// A launch spec for the model and window tests.
inline twinrun::LaunchSpec
launchSpecOf(const QString& target, twinrun::Value::Items args,
             twinrun::LaunchSpec::Mode mode = twinrun::LaunchSpec::Mode::Thread,
             bool daemon = false)
{
    twinrun::LaunchSpec spec;
    spec.worker.target = target;
    spec.worker.args = std::move(args);
    spec.worker.daemon = daemon;
    spec.mode = mode;
    return spec;
}
