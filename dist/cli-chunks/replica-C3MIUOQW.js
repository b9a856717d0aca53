#!/usr/bin/env node
import {
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  renderReplicaInventory,
  replicaCapacity,
  replicaTopology,
  statedFailure
} from "./chunk-33YFNZX7.js";
import "./chunk-BCQJ3TK4.js";
export {
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  renderReplicaInventory,
  replicaCapacity,
  replicaTopology,
  statedFailure
};
//# sourceMappingURL=replica-C3MIUOQW.js.map
