// SPDX-License-Identifier: Apache-2.0
// Plinth's own label keys (io.plinth.*), each written once: the contract between what
// `plinth build`, `plinth base bootstrap` and `plinth up` put on images and containers and
// what `plinth images`, `plinth doctor`, `plinth up/down/status` read back. The values are
// on every image already built (and in every rendered Dockerfile): never change one.
// Header-only, standard library only.
#pragma once

namespace plinth::model::labels {

// Every key below starts with it; user labels that do are refused (`plinth check`, extra
// labels on a workstation container).
inline constexpr const char* prefix = "io.plinth.";

// On every rendered stack image: render/labels.cpp writes them into the Dockerfile.
// The stack's name; also on workstation containers. `plinth images` lists by it.
inline constexpr const char* stack = "io.plinth.stack";
// The image's name; also on workstation containers. `plinth build` finds earlier builds by it.
inline constexpr const char* image = "io.plinth.image";
inline constexpr const char* tier = "io.plinth.tier";       // base | common | project
inline constexpr const char* version = "io.plinth.version"; // the image's declared version
inline constexpr const char* owner = "io.plinth.owner";     // the image's declared owner
inline constexpr const char* cadence = "io.plinth.cadence"; // the image's declared cadence
inline constexpr const char* parent = "io.plinth.parent";   // the parent image's reference
// The framework an image carries; `plinth doctor` reads these to judge it against a host.
inline constexpr const char* tensorflow = "io.plinth.tensorflow";         // TF version
inline constexpr const char* variant = "io.plinth.variant";               // cpu | gpu
inline constexpr const char* python = "io.plinth.python";                 // Python version
inline constexpr const char* cuda = "io.plinth.cuda";                     // CUDA version
inline constexpr const char* cudnn = "io.plinth.cudnn";                   // cuDNN version
inline constexpr const char* driver_min = "io.plinth.driver.min";         // least driver
inline constexpr const char* driver_toolkit = "io.plinth.driver.toolkit"; // toolkit's driver
// A digest of the rendered inputs (render.cpp adds it last, over all the rest); `plinth
// images` compares it with a fresh render to say up to date or outdated.
inline constexpr const char* input_digest = "io.plinth.inputs.digest";

// Added by `plinth build` (app/build.cpp) when it builds, read back by build and images.
// Inputs + parent image ID + builder: equal digests mean the image need not be rebuilt.
inline constexpr const char* build_digest = "io.plinth.build.digest";
inline constexpr const char* builder = "io.plinth.builder"; // classic | buildkit

// On the images `plinth base bootstrap` imports (app/bootstrap.cpp).
inline constexpr const char* bootstrap = "io.plinth.bootstrap"; // <distribution>/<suite>
inline constexpr const char* bootstrap_mirror = "io.plinth.bootstrap.mirror"; // the apt mirror

// On workstation containers (workstation/names.cpp, plan.cpp), with stack and image above:
// `plinth up/down/status` find theirs by workstation=1 and the stack, and touch no other.
inline constexpr const char* workstation = "io.plinth.workstation"; // "1"
inline constexpr const char* profile = "io.plinth.profile";         // the profile's name
inline constexpr const char* reference = "io.plinth.reference";     // the image reference run
// A hash of the container's plan; `plinth up` recreates the container when it changes.
inline constexpr const char* fingerprint = "io.plinth.workstation.fingerprint";
// The one io.plinth.* key a caller may add to a workstation container ("1"; the e2e tests
// mark theirs with it).
inline constexpr const char* test = "io.plinth.test";

// On the throwaway container that reads back an image's contents (app/readback.cpp): "1".
inline constexpr const char* readback = "io.plinth.readback";

} // namespace plinth::model::labels
