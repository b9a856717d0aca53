#!/usr/bin/env node
import {
  renderRehearsalMarkdown
} from "./cli-chunks/chunk-ADMH4I7P.js";
import {
  FINGERPRINT_MODES,
  backup
} from "./cli-chunks/chunk-DA5H22X5.js";
import {
  renderExecutionMarkdown,
  renderPlanHash,
  renderPlanMarkdown,
  renderVerificationMarkdown
} from "./cli-chunks/chunk-OY3NMAG5.js";
import "./cli-chunks/chunk-KQACRCKW.js";
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./cli-chunks/chunk-V46ZLIDJ.js";
import "./cli-chunks/chunk-E33XPV3C.js";
import "./cli-chunks/chunk-K5JV7D7L.js";
import "./cli-chunks/chunk-LAA6A62G.js";
import "./cli-chunks/chunk-EZU5HCA3.js";
import "./cli-chunks/chunk-U3FYCLYN.js";
import "./cli-chunks/chunk-U6HZZ6QY.js";
import "./cli-chunks/chunk-AI3HM6CK.js";
import "./cli-chunks/chunk-TOAWPYOC.js";
import {
  StderrProgress
} from "./cli-chunks/chunk-ZZ57F2FG.js";
import {
  VERSION
} from "./cli-chunks/chunk-JN7VJA7J.js";
import "./cli-chunks/chunk-XLKS4FDF.js";
import {
  InputError,
  OperationError,
  exitCodeOf
} from "./cli-chunks/chunk-BCQJ3TK4.js";

// src/cli.ts
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

// src/node-warnings.ts
var HARMLESS = /* @__PURE__ */ new Set(["DEP0123"]);
function dropHarmlessWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (warning.code && HARMLESS.has(warning.code)) return;
    const code = warning.code ? `[${warning.code}] ` : "";
    process.stderr.write(`(node:${process.pid}) ${code}${warning.name}: ${warning.message}
`);
  });
}

// src/report/backup.ts
var cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function table(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)
  ].join("\n");
}
function formatBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
function renderBackupMarkdown(r) {
  return [
    `Backup set **${r.backupPath}** (etcd revision ${r.snapshotRevision}, snapshot sha256 \`${r.snapshotSha256}\`)`,
    "",
    table(
      ["object", "size"],
      r.objects.map((o) => [o.name, formatBytes(o.bytes)])
    ),
    r.removedByRetention.length ? `
Removed by retention: ${r.removedByRetention.join(", ")}` : "",
    r.signedBy ? `
Signed (manifest.json.sig) with ${r.signedBy.keyType} key ${r.signedBy.fingerprint}.` : "",
    ""
  ].join("\n");
}
function renderListMarkdown(sets) {
  if (sets.length === 0) return "No complete backup sets here.\n";
  return `${table(
    ["set", "created", "revision", "size", "encryption"],
    sets.map((s) => [
      s.url,
      s.created,
      String(s.revision),
      formatBytes(s.bytes),
      s.encrypted ? "age" : "none"
    ])
  )}
`;
}
function renderVerifyMarkdown(r) {
  return [
    `${r.ok ? "\u2714" : "\u2716"} ${r.backup}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks passed`,
    "",
    table(
      ["check", "ok", "expected", "actual", "detail"],
      r.checks.map((c) => [
        c.name,
        c.ok ? "yes" : "**NO**",
        c.expected ?? "",
        c.actual ?? "",
        c.detail ?? ""
      ])
    ),
    ""
  ].join("\n");
}

// src/report/dress-rehearsal.ts
var cell2 = (v) => v === void 0 ? "\u2013" : String(v);
function size(bytes) {
  if (bytes === void 0) return "\u2013";
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
function nodeCell(n) {
  const roles = n.roles.map(
    (r) => r === "control-plane" ? "cp" : r === "etcd" ? n.etcdMemberName : r
  );
  return `${n.name} (${roles.join(", ")})`;
}
function renderDressRehearsalMarkdown(r) {
  const f = r.failure;
  const failure = [
    f.brokenEtcd.length ? `etcd lost on ${f.brokenEtcd.join(", ")}` : "",
    f.brokenControlPlane.length ? `control plane lost on ${f.brokenControlPlane.join(", ")}` : "",
    f.removeHosts.length ? `gone for good: ${f.removeHosts.join(", ")}` : ""
  ].filter(Boolean).join("; ");
  const data = r.data.source === "backup" ? `${cell2(r.data.keys)} keys, ${size(r.data.bytes)} snapshot (from the backup)` : `${cell2(r.data.keys)} keys, ${size(r.data.bytes)} generated`;
  const match = r.planMatch ? r.planMatch.match ? `\u2705 same ${r.planMatch.steps} steps` : `\u274C ${r.planMatch.differences.length} differences` : "\u2013";
  const keys = r.keysVerified === void 0 ? "\u2013" : `${r.keysVerified - (r.keysLost ?? 0)} of ${r.keysVerified}`;
  const rpo = r.writesLost === void 0 ? "\u2013" : `${r.writesLost} of ${r.writesAfterBackup} writes after the backup lost`;
  const lines = [
    `Dress rehearsal of \`${r.inventory}\` (cluster ${r.cluster}) on a replica on the \`${r.provider}\` provider, etcd ${r.etcdVersion}${r.etcdServerVersion ? ` (members ran ${r.etcdServerVersion})` : ""}, started ${r.startedAt}: ${r.ok ? "the plan production would get recovered the replica." : "FAILED."}`,
    "",
    "| topology | failure | data | plan | plan match | RTO | keys verified | RPO |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${r.topology.nodes.map(nodeCell).join(" \xB7 ")} | ${failure || "\u2013"} | ${data} | ${cell2(r.replicaPlan?.case)} | ${match} | ${r.rtoSeconds === void 0 ? "\u2013" : `${r.rtoSeconds} s`} | ${keys} | ${rpo} |`
  ];
  if (r.bringUp) {
    lines.push(
      "",
      `The replica was first brought to the backup's state by kube-rescue restore (${r.bringUp.plan}, ${r.bringUp.rtoSeconds} s); keyspace check ${r.bringUp.keyspaceStatus ?? "not run"}: ${r.bringUp.keyspace ?? "\u2013"}.`
    );
  }
  if (r.pki?.kubeadm) {
    const p = r.pki;
    const k = r.pki.kubeadm;
    lines.push(
      "",
      `The replica ran on the backup's CAs: the cluster CA (sha256 fingerprint ${k.clusterCaFingerprint}), the front-proxy CA (${k.frontProxyCaFingerprint}), the etcd CA (${p.caFingerprint}) and the service-account key (${k.serviceAccountKeySha256}), from ${p.caNode}'s archive, placed before kubeadm init; kubeadm issued every other certificate and kubeconfig for the replica's addresses (production's certificates name production's addresses and were not unpacked). Checked after the bring-up: ${k.verified.join("; ")}.`
    );
  } else if (r.pki) {
    const p = r.pki;
    lines.push(
      "",
      (p.unpacked.length > 0 ? `The backup's node archives were unpacked where the layout puts them (${p.unpacked.map((u) => `${u.node}: ${u.entries} entries`).join(", ")}); ` : "The backup's node archives were not unpacked; ") + (p.source === "backup" ? `the replica's etcd ran on the backup's CA (sha256 fingerprint ${p.caFingerprint}, from ${p.caNode}'s archive), with its member, admin and node certificates reissued for the replica's addresses (production's certificates name production's addresses).` : `the replica kept its own etcd PKI: ${p.reason}.`)
    );
  }
  if (r.productionPlan && r.replicaPlan) {
    const p = r.productionPlan;
    const q = r.replicaPlan;
    const n = Math.max(p.steps.length, q.steps.length);
    lines.push(
      "",
      "| # | production would run | the replica ran |",
      "| --- | --- | --- |",
      `| case | ${p.case} | ${q.case} |`,
      `| strategy | ${p.strategy} | ${q.strategy} |`,
      `| snapshot source | ${p.source} | ${q.source} |`
    );
    for (let i = 0; i < n; i++) {
      lines.push(`| ${i + 1} | ${p.steps[i] ?? "\u2013"} | ${q.steps[i] ?? "\u2013"} |`);
    }
  }
  if (r.kubernetes) {
    const k = r.kubernetes;
    lines.push(
      "",
      `Through the replica's API: ${k.objectsVerified} of ${k.objectsAtBackup} Kubernetes objects verified (${k.objectsLost} lost, ${k.objectsExtra} extra), /readyz ${k.readyz}, ${k.nodesReady} of ${k.nodesExpected} nodes Ready, watch ${k.watch}${k.problems.length ? `; problems: ${k.problems.join("; ")}` : ""}.`
    );
  }
  if (r.notes?.length) lines.push("", ...r.notes.map((n) => `- ${n}`));
  if (r.planMatch && !r.planMatch.match) {
    lines.push("", ...r.planMatch.differences.map((d) => `- ${d}`));
  }
  if (r.error) lines.push("", `**Failed:** ${r.error}`);
  lines.push("");
  return lines.join("\n");
}

// src/report/render.ts
function renderHuman(command, result) {
  const renderer = renderers[command];
  if (renderer) return renderer(result);
  return `${JSON.stringify(result, null, 2)}
`;
}
var renderers = {
  inventory: (result) => {
    const r = result;
    return r.output === void 0 ? r.text : `wrote ${r.output}
`;
  },
  backup: (result) => renderBackupMarkdown(result),
  list: (result) => renderListMarkdown(result),
  verify: (result) => renderVerifyMarkdown(result),
  rehearse: (result) => result.kind === "dress-rehearsal" ? renderDressRehearsalMarkdown(result) : renderRehearsalMarkdown(result),
  plan: (result) => {
    const { plan, preflight, planSha256, planFilePath } = result;
    const hash = renderPlanHash(planSha256, planFilePath);
    if (!preflight) return `${renderPlanMarkdown(plan)}${hash}`;
    const objects = preflight.objects.map(
      (o) => `- ${o.name}: present, ${o.bytes} bytes${o.encrypted ? ", opens with the identity given" : ""}`
    );
    return `${renderPlanMarkdown(plan)}
Backup checked before any change: ${preflight.signatureText}.
${objects.join("\n")}${objects.length ? "\n" : ""}${hash}`;
  },
  restore: (result) => {
    const r = result;
    return [
      r.planSha256 ? `Plan file sha256 \`${r.planSha256}\` (the plan that ran).
` : "",
      renderExecutionMarkdown(r.execution),
      r.verification ? renderVerificationMarkdown(r.verification) : "",
      `Recovered in ${r.rtoSeconds.toFixed(1)} s (RTO, measured from the start of the command).
`
    ].join("\n");
  }
};

// src/cli.ts
var csv = (value, previous = []) => [
  ...previous,
  ...value.split(",").map((s) => s.trim()).filter(Boolean)
];
function positiveInt(value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number \u2265 1, got '${value}'.`);
  }
  return n;
}
var TRUSTED_SIGNERS_HELP = "allowed_signers file (ssh-keygen's format: '<principal> ssh-ed25519 AAAA\u2026' per line): refuse a set not signed by one of them";
function addAccessFlags(cmd) {
  return cmd.addOption(
    new Option("--transport <kind>", "how to reach nodes").choices(["ssh", "local", "docker"]).default("ssh")
  ).option("--ssh-user <user>", "SSH user (default: ansible_user from the inventory, else root)").option("--ssh-key <file>", "private key file for SSH").option("--known-hosts <file>", "known_hosts file to check host keys against", void 0).option("--insecure-skip-host-key-check", "do not check SSH host keys (not recommended)").option("--jump-host <user@host:port>", "reach nodes through this SSH jump host").option("--etcd-endpoints <urls>", "comma-separated etcd client URLs", csv).option("--etcd-cacert <file>", "etcd CA certificate (overrides the layout)").option("--etcd-cert <file>", "etcd client certificate (overrides the layout)").option("--etcd-key <file>", "etcd client key (overrides the layout)").addOption(
    new Option("--layout <layout>", "cluster layout on the nodes").choices(["auto", "kubespray", "kubeadm"]).default("auto")
  );
}
function addS3Flags(cmd) {
  return cmd.option("--s3-endpoint <url>", "S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)").option("--s3-region <region>", "S3 region (default: AWS_REGION / AWS_DEFAULT_REGION)").option(
    "--s3-force-path-style",
    "address the bucket in the path, not the host name (default: on with an endpoint)"
  ).option("--no-s3-force-path-style", "address the bucket as a host name even with an endpoint");
}
function s3From(flags) {
  return {
    endpoint: flags.s3Endpoint,
    region: flags.s3Region,
    ...flags.s3ForcePathStyle !== void 0 ? { forcePathStyle: flags.s3ForcePathStyle } : {}
  };
}
function accessFrom(flags) {
  return {
    transport: flags.transport,
    sshUser: flags.sshUser,
    sshKeyFile: flags.sshKey,
    knownHosts: flags.knownHosts,
    insecureSkipHostKeyCheck: flags.insecureSkipHostKeyCheck,
    jumpHost: flags.jumpHost,
    etcdEndpoints: flags.etcdEndpoints,
    etcdCacert: flags.etcdCacert,
    etcdCert: flags.etcdCert,
    etcdKey: flags.etcdKey,
    layout: flags.layout
  };
}
function planOptionsFrom(o) {
  return {
    inventory: o.inventory,
    access: accessFrom(o),
    backup: o.backup,
    identityFiles: o.identity ?? [],
    trustedSigners: o.trustedSigners,
    strategy: o.strategy,
    force: Boolean(o.force),
    preferBackupSnapshot: Boolean(o.preferBackupSnapshot),
    removeHosts: o.removeHost ?? [],
    s3: s3From(o),
    ...o.bumpRevision !== void 0 ? { bumpRevision: o.bumpRevision } : {},
    ...o.probeTimeout !== void 0 ? { probeTimeoutMs: o.probeTimeout * 1e3 } : {}
  };
}
async function run(program, name, work) {
  const flags = program.opts();
  const ctx = {
    progress: new StderrProgress({ verbose: flags.verbose, quiet: flags.quiet })
  };
  const print = (result) => process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}
` : renderHuman(name, result)
  );
  try {
    print(await work(ctx));
  } catch (err) {
    if (err instanceof OperationError && "result" in err) print(err.result);
    throw err;
  }
}
function buildProgram() {
  const program = new Command("kube-rescue").description(
    "Back up, recover and rehearse the recovery of a Kubernetes control plane (etcd + certificates)."
  ).version(VERSION).option("--json", "print the result as one JSON object on stdout").option("-v, --verbose", "show debug progress on stderr").option("-q, --quiet", "show only warnings on stderr").showHelpAfterError("(run with --help for usage)").exitOverride().addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 the operation failed, 2 bad input or usage.
Progress goes to stderr; results to stdout (--json: one JSON object).

Examples:
  kube-rescue backup -i inventory/hosts.ini --dest /backups --encrypt-to age1...
  kube-rescue plan -i inventory/hosts.ini --backup /backups/mycluster-20261122T010000Z
  kube-rescue inventory recover -i hosts.ini --broken-etcd node1 --broken-control-plane node1
  kube-rescue rehearse --scenario member-loss
  kube-rescue rehearse -i hosts.ini --backup /backups/mycluster-20261122T010000Z --identity key.txt`
  );
  addS3Flags(
    addAccessFlags(
      program.command("backup").description("Save an etcd snapshot and the control-plane certificates as one backup set.").option("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").requiredOption("--dest <dir|s3://bucket/prefix>", "where to store the backup set").option("--encrypt-to <recipient>", "age recipient (repeatable or comma-separated)", csv).option(
        "--sign-key <file>",
        "SSH private key: sign the set (manifest.json.sig, ssh-keygen -Y sign, namespace kube-rescue-backup)"
      ).addOption(
        new Option("--compress <algo>", "compression").choices(["gzip", "zstd", "none"]).default("gzip")
      ).option("--keep <n>", "keep the newest N backup sets written by kube-rescue", positiveInt).option("--keep-hourly <n>", "also keep one set per hour for N hours", positiveInt).option("--keep-daily <n>", "also keep one set per day for N days", positiveInt).option("--keep-weekly <n>", "also keep one set per week for N weeks", positiveInt).option("--etcd-only", "skip the certificate/manifest archives").option(
        "--cluster-name <name>",
        "name of the cluster in the set name (default: from the inventory)"
      ).addOption(
        new Option(
          "--fingerprint <mode>",
          "keyspace check recorded for verify --deep and restores: hash = etcd's own HashKV + key count, computed by the member (cheap); full = also a sha256 of every key and value, read back from etcd (a second full read; still compares after a revision bump); none"
        ).choices(FINGERPRINT_MODES).default("hash")
      ).option("--no-fingerprint", "same as --fingerprint none")
    )
  ).action(async (o) => {
    await run(
      program,
      "backup",
      (ctx) => backup(
        {
          inventory: o.inventory,
          access: accessFrom(o),
          dest: o.dest,
          encryptTo: o.encryptTo ?? [],
          compress: o.compress,
          keep: o.keep,
          keepHourly: o.keepHourly,
          keepDaily: o.keepDaily,
          keepWeekly: o.keepWeekly,
          etcdOnly: Boolean(o.etcdOnly),
          clusterName: o.clusterName,
          s3: s3From(o),
          fingerprint: o.fingerprint === false ? "none" : o.fingerprint,
          signKey: o.signKey
        },
        ctx
      )
    );
  });
  addS3Flags(
    program.command("list").description("List the complete backup sets at a destination.").argument("<dest>", "directory or s3://bucket/prefix")
  ).action(async (dest, o) => {
    await run(
      program,
      "list",
      async (ctx) => (await import("./cli-chunks/list-P7DWHMWF.js")).list(dest, ctx, s3From(o))
    );
  });
  addS3Flags(
    program.command("verify").description("Check a backup set: hashes, decryption, the snapshot trailer and status.").argument("<backup>", "backup set: directory path or URL").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
      ...p,
      v
    ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).option("--deep", "also restore into a throw-away etcd and compare every key").option(
      "--etcd-bin-dir <dir>",
      "directory with etcd, etcdctl and etcdutl for the snapshot checks (default: those on PATH); --deep needs the backup's etcd minor and refuses another"
    )
  ).action(async (b, o) => {
    await run(
      program,
      "verify",
      async (ctx) => (await import("./cli-chunks/verify-7W65GBHQ.js")).verify(
        {
          backup: b,
          identityFiles: o.identity ?? [],
          trustedSigners: o.trustedSigners,
          deep: Boolean(o.deep),
          etcdBinDir: o.etcdBinDir,
          s3: s3From(o)
        },
        ctx
      )
    );
  });
  const planFlags = (cmd) => addAccessFlags(
    addS3Flags(cmd).requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--backup <backup>", "backup set to restore from (directory path or URL)").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
      ...p,
      v
    ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).addOption(
      new Option(
        "--strategy <s>",
        "quorum-loss recovery: all members at once, or one then grow"
      ).choices(["parallel", "grow"]).default("parallel")
    ).option("--force", "allow restoring over a healthy quorum or from another cluster/version").option(
      "--prefer-backup-snapshot",
      "restore the backup's snapshot even where a surviving member has newer data (loses the writes since)"
    ).option(
      "--remove-host <host>",
      "a host that will not return: its etcd member is removed or left out, its Node deleted (repeatable)",
      csv
    ).option(
      "--bump-revision <n>",
      "raise the revision of a snapshot restore by N instead of the planned amount (etcd 3.5+; refused on 3.4)",
      positiveInt
    ).option(
      "--probe-timeout <seconds>",
      "how long each node may take to be probed before it counts as unanswered (a plan over it is refused); default 20",
      positiveInt
    )
  );
  planFlags(
    program.command("plan").description("Probe the cluster and print the recovery plan. Changes nothing.").option("--out <file>", "also write the plan file (canonical JSON) for restore --plan")
  ).action(async (o) => {
    await run(
      program,
      "plan",
      async (ctx) => (await import("./cli-chunks/plan-HQQH7XCE.js")).plan({ ...planOptionsFrom(o), out: o.out }, ctx)
    );
  });
  planFlags(
    program.command("restore").description("Execute the recovery plan. Resumable: a re-run continues where it stopped.").option("--yes", "really change the cluster (required)").option("--journal <file>", "journal of completed steps (default: beside the inventory)").option(
      "--journal-store <where>",
      "keep the journal in a store: 'backup' (beside the backup set) or a directory / s3:// URL"
    ).option("--plan <file>", "execute exactly this plan file ('plan --out'), after a re-probe").option(
      "--plan-sha256 <hex>",
      "refuse a plan file whose sha256 is not this one; without --plan: the sha256 of the unfinished plan a journal in a store holds, to resume it"
    ).option("--dry-run", "walk the whole plan without touching any node (no --yes needed)")
  ).action(async (o) => {
    await run(
      program,
      "restore",
      async (ctx) => (await import("./cli-chunks/restore-AIQUMMDX.js")).restore(
        {
          ...planOptionsFrom(o),
          yes: Boolean(o.yes),
          journal: o.journal,
          journalStore: o.journalStore,
          planFile: o.plan,
          planSha256: o.planSha256,
          dryRun: Boolean(o.dryRun)
        },
        ctx
      )
    );
  });
  program.command("inventory").description("Work with Kubespray inventories.").command("recover").description(
    "Write the recovery inventory Kubespray's recover-control-plane.yml needs: a healthy host first, broken hosts copied into broken_etcd / broken_kube_control_plane."
  ).requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--broken-etcd <hosts>", "comma-separated broken etcd hosts", csv).option("--broken-control-plane <hosts>", "comma-separated broken control-plane hosts", csv).option(
    "-e, --extra-vars <@file>",
    "extra vars file, as ansible -e @file (repeatable)",
    (v, p = []) => [...p, v.replace(/^@/, "")]
  ).option("-o, --output <file>", "write here instead of stdout").action(async (o) => {
    await run(
      program,
      "inventory",
      async (ctx) => (await import("./cli-chunks/inventory-HA7J4UA2.js")).inventoryRecover(
        {
          inventory: o.inventory,
          brokenEtcd: o.brokenEtcd ?? [],
          brokenControlPlane: o.brokenControlPlane ?? [],
          extraVars: o.extraVars ?? [],
          output: o.output
        },
        ctx
      )
    );
  });
  program.command("rehearse").description(
    "Start a throw-away cluster, back it up, break it, recover it with kube-rescue, and prove nothing was lost."
  ).addOption(
    new Option(
      "--provider <p>",
      "where the cluster runs: local (Kubespray-like hosts), kubeadm (a real control plane built here), kind"
    ).choices([...REHEARSAL_PROVIDERS]).default("local")
  ).addOption(
    new Option(
      "--etcd-version <minor>",
      "etcd of the throw-away cluster (local provider): 3.4 is Debian's, 3.5 and 3.6 are built by scripts/build-tools.sh"
    ).choices([...ETCD_VERSIONS]).default(DEFAULT_ETCD_VERSION)
  ).addOption(
    new Option(
      "--scenario <name...>",
      "scenarios to run (default: every one the provider can run)"
    ).choices([...SCENARIOS])
  ).option("--report <file>", "write the JSON report here").option("--keys <n>", "keys to seed before the backup", positiveInt, 2e3).option("-i, --inventory <file>", "dress rehearsal: replicate this Kubespray inventory").option("--backup <backup>", "dress rehearsal: bring the replica to this backup set's state").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
    ...p,
    v
  ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).option(
    "--broken-etcd <hosts>",
    "dress rehearsal: etcd hosts that are lost (default: [broken_etcd])",
    csv
  ).option(
    "--broken-control-plane <hosts>",
    "dress rehearsal: control-plane hosts that are lost (default: [broken_kube_control_plane])",
    csv
  ).option(
    "--remove-host <host>",
    "dress rehearsal: a host that will not return (repeatable)",
    csv
  ).option("--size-mb <n>", "dress rehearsal without --backup: MiB of generated data", positiveInt).addOption(
    new Option("--layout <l>", "dress rehearsal: cluster layout").choices([
      "auto",
      "kubespray",
      "kubeadm"
    ])
  ).addOption(
    new Option("--strategy <s>", "quorum-loss recovery: all members at once, or one then grow").choices(["parallel", "grow"]).default("parallel")
  ).action(async (o, cmd) => {
    const given = (name) => cmd.getOptionValueSource(name) !== "default";
    if (o.inventory) {
      if (o.scenario || given("provider")) {
        throw new InputError(
          "--scenario and --provider are for the fixed rehearsals; with -i the dress rehearsal picks the provider from the layout (local for Kubespray, kubeadm for kubeadm: the backup's flavor, else --layout, else the inventory's etcd_deployment_type)."
        );
      }
      await run(
        program,
        "rehearse",
        async (ctx) => (await import("./cli-chunks/rehearse-inventory-BAOAA5HG.js")).rehearseInventory(
          {
            inventory: o.inventory,
            backup: o.backup,
            identityFiles: o.identity ?? [],
            trustedSigners: o.trustedSigners,
            brokenEtcd: o.brokenEtcd,
            brokenControlPlane: o.brokenControlPlane,
            removeHosts: o.removeHost,
            ...given("keys") ? { keys: o.keys } : {},
            sizeMb: o.sizeMb,
            ...given("etcdVersion") ? { etcdVersion: o.etcdVersion } : {},
            layout: o.layout,
            strategy: o.strategy,
            report: o.report
          },
          ctx
        )
      );
      return;
    }
    if (o.backup || o.brokenEtcd || o.brokenControlPlane || o.removeHost || o.sizeMb) {
      throw new InputError(
        "--backup, --broken-etcd, --broken-control-plane, --remove-host and --size-mb belong to the dress rehearsal: give the inventory with -i."
      );
    }
    await run(
      program,
      "rehearse",
      async (ctx) => (await import("./cli-chunks/rehearse-PCQVZGFZ.js")).rehearse(
        {
          provider: o.provider,
          etcdVersion: o.etcdVersion,
          scenarios: o.scenario,
          report: o.report,
          keys: o.keys
        },
        ctx
      )
    );
  });
  return program;
}
async function main(argv) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kube-rescue: ${message}
`);
    if (!(err instanceof InputError) && process.env.KUBE_RESCUE_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
dropHarmlessWarnings();
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
export {
  buildProgram,
  main
};
//# sourceMappingURL=cli.js.map
