#!/usr/bin/env node
import {
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  mapToReplica,
  renderReplicaInventory,
  replicaCapacity,
  replicaTopology,
  statedFailure
} from "./chunk-VQGJVLJU.js";
import "./chunk-BCQJ3TK4.js";
export {
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  mapToReplica,
  renderReplicaInventory,
  replicaCapacity,
  replicaTopology,
  statedFailure
};
//# sourceMappingURL=replica-3T7OMHS3.js.map
