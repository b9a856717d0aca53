import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
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
} from "./chunk-DGQ7H2JX.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
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
//# sourceMappingURL=replica-JIQRPK7P.js.map
