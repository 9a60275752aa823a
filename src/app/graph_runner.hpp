// SPDX-License-Identifier: Apache-2.0
// Runs work over a forest (each node has at most one parent) with at most `jobs` nodes at
// once: a node starts when its parent succeeded; when a node fails its descendants are
// skipped, independent branches go on.
#pragma once

#include <functional>
#include <vector>

namespace plinth::app {

enum class NodeResult { succeeded, failed, skipped };

// parents[i] is the index of node i's parent or -1; parents come before children.
std::vector<NodeResult> run_graph(const std::vector<int>& parents, int jobs,
                                  const std::function<bool(int)>& work);

} // namespace plinth::app
