// SPDX-License-Identifier: Apache-2.0
// Verification of what was built: run a container from the image, read back what is
// really inside (Python, pip and dpkg packages, the user), and compare it with what the
// stack declares and the compatibility database resolved.
#pragma once

#include "engine_api/ports.hpp"
#include "model/resolved.hpp"
#include "util/result.hpp"

#include <map>
#include <string>
#include <vector>

namespace plinth::app {

struct ReadBack {
  std::string python;                      // "3.11.2"
  int uid = -1;                            // the user the image runs as
  std::map<std::string, std::string> pip;  // normalised name -> version
  std::map<std::string, std::string> dpkg; // package -> version

  // TensorFlow's version from whichever wheel provides it (tensorflow, tensorflow-cpu, ...).
  std::string tensorflow() const;
  // CUDA runtime and cuDNN versions, from the nvidia-* wheels or dpkg; empty when absent.
  std::string cuda() const;
  std::string cudnn() const;
};

// The Python program run inside the image; prints one JSON object.
std::string readback_program();
Result<ReadBack> parse_readback(std::string_view json_text);

// Runs the program in a throwaway container (no network, labelled io.plinth.readback).
Result<ReadBack> read_back(engine::Containers& engine, const std::string& image_id);

// Every contradiction between the image and its declaration, as one sentence each.
std::vector<std::string> verify(const model::ResolvedImage& image, const ReadBack& found);

} // namespace plinth::app
