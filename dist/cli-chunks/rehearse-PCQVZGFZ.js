#!/usr/bin/env node
import {
  renderRehearsalMarkdown
} from "./chunk-ADMH4I7P.js";
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  parseEtcdVersion
} from "./chunk-V46ZLIDJ.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/commands/rehearse.ts
import { writeFile } from "node:fs/promises";
var RehearsalFailedError = class extends OperationError {
  constructor(result) {
    const failed = result.scenarios.filter((s) => s.result === "failed");
    super(
      `Rehearsal failed: ${failed.map((s) => `${s.scenario} (${s.error ?? "failed"})`).join("; ")}`
    );
    this.result = result;
  }
  result;
};
async function preflight(provider) {
  if (provider === "kubeadm") {
    const { builtKubernetesTools } = await import("./kubernetes-tools-WOJIUV2W.js");
    await builtKubernetesTools().catch((e) => {
      throw new InputError(e.message);
    });
  }
  if (provider === "kind") {
    const { kindAvailability } = await import("./kind-provider-3P2TTCS4.js");
    const kind = await kindAvailability();
    if (!kind.available) {
      throw new InputError(
        `The kind provider cannot run here: ${kind.reason}. Install kind and a Docker engine (on GitHub runners: helm/kind-action), or use --provider local.`
      );
    }
  }
}
async function rehearse(opts, ctx) {
  const { runScenario, scenariosFor, scenarioTopology } = await import("./rehearsal-DQQ36IOR.js");
  const scenarios = opts.scenarios ?? scenariosFor(opts.provider);
  if (scenarios.length === 0) {
    throw new InputError(`No scenario chosen. Expected some of: ${SCENARIOS.join(", ")}.`);
  }
  const cannot = scenarios.filter((s) => scenarioTopology(s, opts.provider) === void 0);
  if (cannot.length > 0) {
    throw new InputError(
      `The ${opts.provider} provider cannot run ${cannot.join(", ")}: it puts etcd on worker nodes, and kubeadm runs etcd only on control-plane nodes. Run it with --provider local, or choose from: ${scenariosFor(opts.provider).join(", ")}.`
    );
  }
  const etcdVersion = parseEtcdVersion(opts.etcdVersion);
  if (opts.provider === "kubeadm" && etcdVersion !== "3.6") {
    throw new InputError(
      `The kubeadm provider runs etcd 3.6 (its control-plane image, built from tools/etcd-3.6); --etcd-version ${etcdVersion} applies to the local provider only.`
    );
  }
  await preflight(opts.provider);
  const report = {
    tool: "kube-rescue",
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    provider: opts.provider,
    etcdVersion,
    keys: opts.keys,
    ok: false,
    scenarios: []
  };
  for (const [i, name] of scenarios.entries()) {
    ctx.progress.info(`Scenario ${i + 1}/${scenarios.length}: ${name}`);
    const r = await runScenario(name, {
      provider: opts.provider,
      etcdVersion,
      keys: opts.keys,
      progress: ctx.progress
    });
    ctx.progress.info(
      `Scenario ${name}: ${r.result}${r.rtoSeconds === void 0 ? "" : `, RTO ${r.rtoSeconds} s`}${r.error ? ` \u2014 ${r.error}` : ""}`
    );
    report.scenarios.push(r);
  }
  report.ok = report.scenarios.every((s) => s.result === "passed");
  if (opts.report) {
    await writeFile(opts.report, `${JSON.stringify(report, null, 2)}
`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new RehearsalFailedError(report);
  return report;
}
export {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  REHEARSAL_PROVIDERS,
  RehearsalFailedError,
  SCENARIOS,
  parseEtcdVersion,
  rehearse,
  renderRehearsalMarkdown
};
//# sourceMappingURL=rehearse-PCQVZGFZ.js.map
