#!/usr/bin/env node
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

// src/commands/rehearse-choices.ts
var REHEARSAL_PROVIDERS = ["local", "kind", "kubeadm"];
var SCENARIOS = [
  "member-loss",
  "quorum-loss",
  "total-loss",
  "cert-loss",
  "runbook-example",
  "host-removal"
];
var ETCD_VERSIONS = ["3.4", "3.5", "3.6"];
var DEFAULT_ETCD_VERSION = "3.6";
function parseEtcdVersion(value, where = "--etcd-version") {
  const v = value.trim().replace(/^v/, "");
  if (ETCD_VERSIONS.includes(v)) return v;
  throw new InputError(
    `Invalid ${where} "${value}". Expected one of: ${ETCD_VERSIONS.join(", ")} (an etcd minor version).`
  );
}

export {
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  ETCD_VERSIONS,
  DEFAULT_ETCD_VERSION,
  parseEtcdVersion
};
//# sourceMappingURL=chunk-V46ZLIDJ.js.map
