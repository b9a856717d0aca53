import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
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
} from "./chunk-URSOE7BW.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
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
//# sourceMappingURL=replica-EBAH7N63.js.map
