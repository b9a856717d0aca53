#!/usr/bin/env node

// src/report/plan.ts
var cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function paramsText(step) {
  const p = step.params;
  const parts = [];
  for (const [k, v] of Object.entries(p)) {
    if (v === void 0) continue;
    if (k === "set" && v && typeof v === "object") {
      parts.push(
        Object.entries(v).map(([ek, ev]) => `${ek}=${ev}`).join(" ")
      );
    } else if (Array.isArray(v)) {
      parts.push(
        `${k}: ${v.map((x) => x && typeof x === "object" && "name" in x ? String(x.name) : String(x)).join(", ")}`
      );
    } else if (v && typeof v === "object") {
      const o = v;
      parts.push(
        `${k}: ${o.kind === "node" ? `${o.node}:${o.path}` : o.kind === "peer" ? `peer ${o.node}` : o.kind === "backup" ? String(o.object) : JSON.stringify(v)}`
      );
    } else {
      parts.push(`${k}: ${String(v)}`);
    }
  }
  return parts.join(", ");
}
function sourceText(plan) {
  const s = plan.source;
  if (s.kind === "survivor") {
    return `fresh snapshot from survivor ${s.node} (${s.member}, raft index ${s.raftIndex})`;
  }
  if (s.kind === "backup") return `backup set ${s.location} (revision ${s.revision})`;
  return "none (no snapshot is restored)";
}
function renderPlanMarkdown(plan) {
  const lines = [
    `### Recovery plan for \`${plan.cluster}\`: ${plan.case}`,
    "",
    `- Strategy: **${plan.strategy}**; snapshot source: ${sourceText(plan)}`,
    `- Broken etcd members: ${plan.brokenEtcd.join(", ") || "none"}; broken control-plane nodes: ${plan.brokenControlPlane.join(", ") || "none"} (from the ${plan.brokenFrom})`,
    ...Object.entries(plan.brokenWhy ?? {}).map(([host, why]) => `  - ${host}: ${why}`),
    ...plan.removedHosts?.length ? [`- Removed for good (not re-added): ${plan.removedHosts.join(", ")}`] : [],
    `- Layout: ${plan.layout}; planned ${plan.createdAt}`,
    ""
  ];
  if (plan.warnings.length > 0) {
    lines.push(...plan.warnings.map((w) => `> \u26A0\uFE0F ${w}`), "");
  }
  lines.push(
    "| Step | Node | Action | Parameters | Why | Undo |",
    "|---|---|---|---|---|---|",
    ...plan.steps.map(
      (s) => `| ${s.id}${s.group ? ` \u21C9${s.group}` : ""}${s.lane ? ` \u2225${s.lane}` : ""} | ${s.node} | ${s.destructive ? "**" : ""}${s.action}${s.destructive ? "**" : ""} | ${cell(paramsText(s))} | ${cell(s.reason)} | ${cell(s.undo)} |`
    ),
    "",
    "**Bold** actions change data or membership (what they replace is moved aside, never deleted); no completed step runs again on resume; \u21C9 marks steps that run together, \u2225 a step that runs beside its node\u2019s other steps of the group.",
    ""
  );
  return lines.join("\n");
}
function renderPlanHash(sha256, path) {
  if (!sha256) return "";
  return `
Plan file sha256 \`${sha256}\`${path ? `, written to \`${path}\`` : ""}: restore --plan runs exactly this plan.
`;
}
function renderExecutionMarkdown(execution) {
  const lines = [
    `### Executed plan ${execution.planHash}${execution.resumed ? " (resumed)" : ""} in ${(execution.ms / 1e3).toFixed(1)} s`,
    "",
    "| Step | Node | Status | Time | Detail |",
    "|---|---|---|---|---|",
    ...execution.steps.map(
      (s) => `| ${s.id} | ${s.node} | ${s.status} | ${(s.ms / 1e3).toFixed(1)} s | ${cell(s.error ?? s.detail ?? "")} |`
    ),
    ""
  ];
  return lines.join("\n");
}
function renderVerificationMarkdown(v) {
  const mark = { passed: "\u2705", failed: "\u274C", skipped: "\u2796" };
  return [
    `### Verification: ${v.ok ? "passed" : "FAILED"}`,
    "",
    "| Check | Result | Expected | Actual | Detail |",
    "|---|---|---|---|---|",
    ...v.checks.map(
      (c) => `| ${c.name} | ${mark[c.status]} ${c.status} | ${cell(c.expected ?? "")} | ${cell(c.actual ?? "")} | ${cell(c.detail)} |`
    ),
    ""
  ].join("\n");
}

export {
  renderPlanMarkdown,
  renderPlanHash,
  renderExecutionMarkdown,
  renderVerificationMarkdown
};
//# sourceMappingURL=chunk-OY3NMAG5.js.map
