#!/usr/bin/env node

// src/report/rehearsal.ts
var cell = (v) => v === void 0 ? "\u2013" : String(v);
function bumpCell(b) {
  if (!b) return "\u2013";
  if (b.restores === 0) return "no snapshot restored";
  if (b.bumped) {
    return `+${b.by?.toLocaleString("en-US")}${b.markCompacted ? ", marked compacted" : ""}`;
  }
  return "not bumped";
}
function kubernetesCells(s, hasApi) {
  if (!hasApi) return ["n/a", "n/a", "n/a", "n/a"];
  const k = s.kubernetes;
  if (!k) return ["\u2013", "\u2013", "\u2013", "\u2013"];
  const mark = (ok) => ok ? "" : "\u274C ";
  return [
    `${mark(k.objectsLost === 0 && k.objectsExtra === 0)}${k.objectsVerified} / ${k.objectsLost}${k.objectsExtra ? ` (+${k.objectsExtra} extra)` : ""}`,
    k.readyz === "ok" ? "ok" : "\u274C failed",
    `${mark(k.nodesReady === k.nodesExpected)}${k.nodesReady}/${k.nodesExpected}`,
    `${mark(k.watchPassed)}${k.watch}`
  ];
}
function renderRehearsalMarkdown(report) {
  const hasApi = report.provider !== "local";
  const rows = report.scenarios.map(
    (s) => `| ${s.scenario} | ${s.result === "passed" ? "\u2705 passed" : "\u274C failed"} | ${cell(s.rtoSeconds)}${s.rtoSeconds === void 0 ? "" : " s"} | ${cell(s.keysAtBackup)} | ${cell(s.keysAfterRestore)} | ${cell(s.keysLost)} | ${s.writesLost === void 0 ? "\u2013" : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell(s.planCase)} | ${bumpCell(s.revisionBump)} | ${kubernetesCells(s, hasApi).join(" | ")} |`
  );
  const skipped = report.scenarios.filter((s) => s.revisionBump?.skipped).map((s) => `- **${s.scenario}**: revision not bumped: ${s.revisionBump.skipped}`);
  const versions = [
    ...new Set(report.scenarios.map((s) => s.etcdServerVersion).filter(Boolean))
  ].join(", ");
  const budget = report.scenarios.filter((s) => s.startupSeconds !== void 0).map(
    (s) => `- **${s.scenario}**: cluster started in ${s.startupSeconds} s${s.peakMemoryMiB ? `, peak memory of its nodes ${s.peakMemoryMiB} MiB` : ""}, scenario ${s.durationSeconds} s in all`
  );
  const failures = report.scenarios.filter((s) => s.result === "failed").map((s) => `- **${s.scenario}**: ${s.error ?? "failed"}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.provider === "kind" ? "the etcd of kind's node image" : report.provider === "kubeadm" ? `etcd ${report.etcdVersion} in kubeadm's static pods` : `etcd ${report.etcdVersion}`}${versions ? ` (members ran ${versions})` : ""}, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? "every scenario recovered." : "SOME SCENARIOS FAILED."}`,
    "",
    "| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan | revision bump | k8s objects verified / lost | readyz | nodes Ready | watch |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    ...hasApi ? [
      "",
      "Keys are the harness's own under `/registry/kube-rescue/` (Kubernetes rewrites its own keys all the time); Kubernetes objects are checked through the API: made before the backup, changed after it, read back after the restore (changes after the backup kept where a node kept its data, undone after a total loss), `/readyz`, every node Ready, and a watch held open across the fault."
    ] : [],
    ...budget.length ? ["", ...budget] : [],
    ...skipped.length ? ["", ...skipped] : [],
    ...failures.length ? ["", ...failures] : [],
    ""
  ].join("\n");
}

export {
  renderRehearsalMarkdown
};
//# sourceMappingURL=chunk-ADMH4I7P.js.map
