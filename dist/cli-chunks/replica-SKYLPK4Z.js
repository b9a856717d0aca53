#!/usr/bin/env node
import {
  KUBEADM_REPLICA_NODE_FOOTPRINT_MB,
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  mapToReplica,
  renderReplicaInventory,
  replicaCapacity,
  replicaNodeFootprintMb,
  replicaTopology,
  statedFailure
} from "./chunk-WJQTF52Z.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBEADM_REPLICA_NODE_FOOTPRINT_MB,
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  mapToProduction,
  mapToReplica,
  renderReplicaInventory,
  replicaCapacity,
  replicaNodeFootprintMb,
  replicaTopology,
  statedFailure
};
//# sourceMappingURL=replica-SKYLPK4Z.js.map
