#!/usr/bin/env node
import {
  CommandFailedError,
  shellCommand,
  silentProgress
} from "./chunk-ZZ57F2FG.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/nodes/sections.ts
var SECTION_MARK = "@@kube-rescue@@";
function sectionLine(name) {
  return `echo '${SECTION_MARK}${name}'`;
}
function splitSections(stdout) {
  const [head = "", ...parts] = stdout.split(SECTION_MARK);
  const sections = /* @__PURE__ */ new Map();
  for (const part of parts) {
    const nl = part.indexOf("\n");
    if (nl < 0) sections.set(part, "");
    else sections.set(part.slice(0, nl), part.slice(nl + 1));
  }
  return { head, sections };
}

// src/etcd/version.ts
var defaultToolCommands = {
  etcd: ["etcd"],
  etcdctl: ["etcdctl"],
  etcdutl: ["etcdutl"]
};
function parseSemVer(text) {
  const m = /(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.-]+)?/.exec(text);
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), raw: m[0] };
}
function parseToolVersion(tool, output) {
  const label = tool === "etcd" ? /etcd Version:\s*(\S+)/i : new RegExp(`${tool} version:\\s*(\\S+)`, "i");
  const m = label.exec(output);
  return m ? parseSemVer(m[1]) : void 0;
}
function atLeast(v, major, minor) {
  if (!v) return false;
  return v.major > major || v.major === major && v.minor >= minor;
}
function etcdctlEnv(tools) {
  return atLeast(tools.etcdctl, 3, 4) ? {} : { ETCDCTL_API: "3" };
}
function chooseSnapshotTool(node, versions) {
  if (versions.etcdutl) return "etcdutl";
  if (versions.etcdctl && !atLeast(versions.etcdctl, 3, 6)) return "etcdctl";
  if (versions.etcdctl) {
    throw new OperationError(
      `Node ${node} has etcdctl ${versions.etcdctl.raw} but no etcdutl: since etcd 3.6 snapshot status/restore live only in etcdutl. Install etcdutl of the same version on ${node}.`
    );
  }
  throw new OperationError(
    `Node ${node} has neither etcdctl nor etcdutl on its PATH. Install the etcd client tools (Debian: etcd-client) or point the layout at them.`
  );
}
function helpOffersBumpRevision(help) {
  return help.includes("--bump-revision") && help.includes("--mark-compacted");
}
async function runProbes(transport, probes, options) {
  const amp = options.parallel ? " &" : "";
  const script = [
    "d=$(mktemp -d) || exit 1",
    ...probes.map(([, cmd], i) => `(${cmd}) >"$d/${i}" 2>&1${amp}`),
    "wait",
    ...probes.map(([name], i) => `${sectionLine(name)}; cat "$d/${i}"`),
    'rm -r "$d"'
  ].join("\n");
  const res = await transport.script(script, {
    timeoutMs: options.timeoutMs,
    allowFailure: true
  });
  return splitSections(res.stdout).sections;
}
function firstLine(output) {
  const line = (output ?? "").trim().split("\n")[0]?.trim() ?? "";
  if (!line) return "it printed nothing";
  return `it printed ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}\u2026` : line)}`;
}
var TOOLS = ["etcd", "etcdctl", "etcdutl"];
async function detectEtcdTools(transport, commands = defaultToolCommands, options = {}) {
  const timeoutMs = options.timeoutMs ?? 2e4;
  const versionProbe = {
    etcd: ["etcd", `${shellCommand(commands.etcd)} --version`],
    etcdctl: ["etcdctl", `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} version`],
    etcdutl: ["etcdutl", `${shellCommand(commands.etcdutl)} version`]
  };
  const helpProbe = {
    etcdctl: [
      "etcdctl-restore",
      `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} snapshot restore --help`
    ],
    etcdutl: ["etcdutl-restore", `${shellCommand(commands.etcdutl)} snapshot restore --help`]
  };
  const sections = await runProbes(
    transport,
    [
      [
        "paths",
        `for t in ${TOOLS.map((k) => shellCommand([commands[k][0] ?? k])).join(" ")}; do command -v "$t" || echo; done`
      ],
      ...TOOLS.map((k) => versionProbe[k]),
      helpProbe.etcdctl,
      helpProbe.etcdutl
    ],
    { parallel: true, timeoutMs }
  );
  const found = (sections.get("paths") ?? "").split("\n");
  const paths = {};
  TOOLS.forEach((k, i) => {
    if (commands[k].length > 1) paths[k] = shellCommand(commands[k]);
    else if (found[i]?.trim()) paths[k] = found[i].trim();
  });
  const versions = new Map(TOOLS.map((k) => [k, parseToolVersion(k, sections.get(k) ?? "")]));
  const unanswered = TOOLS.filter((k) => paths[k] !== void 0 && !versions.get(k));
  if (unanswered.length > 0) {
    const again = await runProbes(
      transport,
      unanswered.flatMap(
        (k) => k === "etcd" ? [versionProbe[k]] : [versionProbe[k], helpProbe[k]]
      ),
      { parallel: false, timeoutMs }
    );
    for (const [name, out] of again) sections.set(name, out);
    for (const k of unanswered) versions.set(k, parseToolVersion(k, sections.get(k) ?? ""));
  }
  const server = versions.get("etcd");
  const etcdctl = versions.get("etcdctl");
  const etcdutl = versions.get("etcdutl");
  let snapshotTool;
  try {
    snapshotTool = chooseSnapshotTool(transport.node, { etcdctl, etcdutl });
  } catch (err) {
    const said = unanswered.filter((k) => k !== "etcd" && !versions.get(k)).map((k) => `${k} version was asked twice and ${firstLine(sections.get(k))}`).join("; ");
    if (said && err instanceof OperationError) {
      throw new OperationError(`${err.message} (${said})`);
    }
    throw err;
  }
  const toolVersion = snapshotTool === "etcdutl" ? etcdutl : etcdctl;
  const helpName = `${snapshotTool}-restore`;
  if (!helpOffersBumpRevision(sections.get(helpName) ?? "") && atLeast(toolVersion, 3, 5) && !unanswered.includes(snapshotTool)) {
    const again = await runProbes(transport, [helpProbe[snapshotTool]], {
      parallel: false,
      timeoutMs
    });
    sections.set(helpName, again.get(helpName) ?? "");
  }
  const tools = {
    node: transport.node,
    commands,
    snapshotTool,
    supportsBumpRevision: helpOffersBumpRevision(sections.get(helpName) ?? ""),
    paths
  };
  if (server) tools.server = server;
  if (etcdctl) tools.etcdctl = etcdctl;
  if (etcdutl) tools.etcdutl = etcdutl;
  return tools;
}
function supportsBumpRevision(tools) {
  if (tools.supportsBumpRevision) return { ok: true };
  const v = tools[tools.snapshotTool];
  return {
    ok: false,
    reason: `${tools.snapshotTool} ${v?.raw ?? "(unknown version)"} on ${tools.node} does not offer --bump-revision/--mark-compacted in its restore help (newer etcd releases do) \u2014 restored without a revision bump, so clients that watched keys must relist`
  };
}
var detected = /* @__PURE__ */ new WeakMap();
function etcdToolsOf(transport, commands = defaultToolCommands) {
  let perNode = detected.get(transport);
  if (!perNode) {
    perNode = /* @__PURE__ */ new Map();
    detected.set(transport, perNode);
  }
  const key = JSON.stringify(commands);
  let found = perNode.get(key);
  if (!found) {
    found = detectEtcdTools(transport, commands);
    perNode.set(key, found);
    found.catch(() => perNode.delete(key));
  }
  return found;
}
function etcdImageVersion(image) {
  const tag = /:([^:/@\s]+)(?:@|$)/.exec(image.trim())?.[1];
  return tag ? parseSemVer(tag.replace(/^v/, "").replace(/-\d+$/, "")) : void 0;
}
function manifestEtcdImage(manifest) {
  for (const m of manifest.matchAll(/^\s*(?:-\s+)?image:\s*["']?([^"'\s]+)["']?\s*$/gm)) {
    if (/(^|\/)etcd[:@]/.test(m[1])) return m[1];
  }
  return void 0;
}
async function identifyEtcdBinaries(transport, commands = defaultToolCommands, manifests = [], detection) {
  const node = transport.node;
  let tools;
  try {
    tools = await (detection ?? detectEtcdTools(transport, commands));
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    return {
      error: `${node}: ${err.message} (looked for ${shellCommand(commands.etcdutl)} and ${shellCommand(commands.etcdctl)} on the PATH of ${node})`
    };
  }
  const toolVersion = tools[tools.snapshotTool];
  const toolPath = tools.paths?.[tools.snapshotTool] ?? shellCommand(commands[tools.snapshotTool]);
  let server = tools.server?.raw;
  let from = `${toolPath} version`;
  if (server) from += `, ${tools.paths?.etcd ?? shellCommand(commands.etcd)} --version`;
  else if (manifests.length > 0) {
    const res = await transport.exec(
      [
        "sh",
        "-c",
        'for f in "$@"; do [ -r "$f" ] && { echo "$f"; cat "$f"; exit 0; }; done; exit 0',
        "sh",
        ...manifests
      ],
      { allowFailure: true, timeoutMs: 15e3 }
    );
    const [path, ...text] = res.stdout.split("\n");
    const image = path ? manifestEtcdImage(text.join("\n")) : void 0;
    const v = image ? etcdImageVersion(image) : void 0;
    if (v) {
      server = v.raw;
      from += `, image ${image} in ${path}`;
    } else if (path) {
      return {
        error: `${node}: no etcd binary on the PATH, and the etcd image in ${path} (${image ?? "no image: line for etcd"}) carries no version tag. Use a tagged etcd image, or install etcd on ${node}.`
      };
    }
  }
  if (!server) {
    return {
      error: `${node}: no etcd binary answers ${shellCommand(commands.etcd)} --version (${tools.paths?.etcd ?? "not on the PATH"}${manifests.length ? `; no etcd static-pod manifest at ${manifests.join(" or ")}` : ""}), so the etcd this node would run is unknown. Install etcd of the cluster's version on ${node}.`
    };
  }
  return {
    tools: {
      server,
      snapshotTool: tools.snapshotTool,
      snapshotToolVersion: toolVersion.raw,
      bumpRevision: tools.supportsBumpRevision,
      from
    }
  };
}

// src/etcd/protobuf.ts
var TruncatedMessageError = class extends Error {
};
function varint(b, pos) {
  let v = 0;
  let mul = 1;
  for (let i = pos; i < b.length; i++) {
    const byte = b[i];
    v += (byte & 127) * mul;
    if (byte < 128) return [v, i + 1];
    mul *= 128;
  }
  throw new TruncatedMessageError("truncated varint");
}
function forEachField(b, on) {
  let pos = 0;
  while (pos < b.length) {
    let tag;
    [tag, pos] = varint(b, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      let v;
      [v, pos] = varint(b, pos);
      on(field, v);
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      if (pos > b.length) throw new TruncatedMessageError(`field ${field} ends past the message`);
    } else if (wire === 2) {
      let len;
      [len, pos] = varint(b, pos);
      if (pos + len > b.length) {
        throw new TruncatedMessageError(`field ${field} ends past the message`);
      }
      on(field, b.subarray(pos, pos + len));
      pos += len;
    } else throw new Error(`unknown protobuf wire type ${wire}`);
  }
}
function decodeKeyValue(b) {
  let key = Buffer.alloc(0);
  let value = Buffer.alloc(0);
  forEachField(b, (field, v) => {
    if (typeof v === "number") return;
    if (field === 1) key = v;
    else if (field === 5) value = v;
  });
  return { key, value };
}

// src/etcd/etcdctl-output.ts
var TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
function parseEtcdJson(text, what) {
  const safe = text.replace(
    TOKEN,
    (tok) => tok[0] !== '"' && /^-?\d{16,}$/.test(tok) ? `"${tok}"` : tok
  );
  try {
    return JSON.parse(safe);
  } catch (err) {
    const head = text.trim().slice(0, 200);
    const message = `Could not read the JSON output of ${what}: ${err.message}. Output began with: ${head || "(nothing)"}`;
    throw endedEarly(err, safe) ? new CutOutputError(message, { cause: err }) : new OperationError(message, { cause: err });
  }
}
var CutOutputError = class extends OperationError {
};
function endedEarly(err, text) {
  if (!text.trim() || /Unexpected end of JSON input|Unterminated string/.test(err.message)) {
    return true;
  }
  const at = /at position (\d+)/.exec(err.message);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}
function idToHex(id) {
  if (typeof id === "string" && /^\d+$/.test(id)) return BigInt(id).toString(16);
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return id.toString(16);
  if (typeof id === "bigint") return id.toString(16);
  throw new OperationError(`Expected an etcd id (unsigned integer), got ${JSON.stringify(id)}.`);
}
function normaliseHexId(id) {
  const hex = id.trim().toLowerCase().replace(/^0x/, "");
  if (!/^[0-9a-f]{1,16}$/.test(hex)) {
    throw new OperationError(
      `"${id}" is not an etcd member id: expected up to 16 hex digits, as \`etcdctl member list\` prints them.`
    );
  }
  return BigInt(`0x${hex}`).toString(16);
}
function obj(v, what) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new OperationError(
      `Unexpected ${what}: expected a JSON object, got ${JSON.stringify(v)?.slice(0, 120)}.`
    );
  }
  return v;
}
function num(v, field) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  if (v === void 0) return 0;
  throw new OperationError(`Unexpected value for ${field}: ${JSON.stringify(v)}.`);
}
function strings(v) {
  return Array.isArray(v) ? v.filter((s) => typeof s === "string") : [];
}
function array(v, what) {
  if (!Array.isArray(v)) throw new OperationError(`Unexpected ${what}: expected a JSON array.`);
  return v;
}
function parseEndpointHealth(text) {
  const list = array(parseEtcdJson(text, "etcdctl endpoint health"), "endpoint health output");
  return list.map((e) => {
    const o = obj(e, "endpoint health entry");
    const out = {
      endpoint: String(o.endpoint ?? ""),
      healthy: o.health === true || o.health === "true"
    };
    if (typeof o.took === "string") out.took = o.took;
    if (typeof o.error === "string" && o.error) out.error = o.error;
    return out;
  });
}
function parseEndpointStatus(text) {
  const list = array(parseEtcdJson(text, "etcdctl endpoint status"), "endpoint status output");
  return list.map((e) => {
    const o = obj(e, "endpoint status entry");
    const s = obj(o.Status, "endpoint status");
    const h = obj(s.header ?? {}, "endpoint status header");
    const memberId = idToHex(h.member_id ?? "0");
    const leader = idToHex(s.leader ?? "0");
    const out = {
      endpoint: String(o.Endpoint ?? ""),
      memberId,
      clusterId: idToHex(h.cluster_id ?? "0"),
      leader,
      isLeader: memberId === leader,
      version: String(s.version ?? ""),
      raftTerm: num(s.raftTerm, "raftTerm"),
      raftIndex: num(s.raftIndex, "raftIndex"),
      revision: num(h.revision, "revision"),
      dbSize: num(s.dbSize, "dbSize"),
      isLearner: s.isLearner === true,
      errors: strings(s.errors)
    };
    if (s.raftAppliedIndex !== void 0)
      out.raftAppliedIndex = num(s.raftAppliedIndex, "raftAppliedIndex");
    if (s.dbSizeInUse !== void 0) out.dbSizeInUse = num(s.dbSizeInUse, "dbSizeInUse");
    return out;
  });
}
function parseMember(m) {
  const o = obj(m, "member");
  return {
    id: idToHex(o.ID),
    name: typeof o.name === "string" ? o.name : "",
    peerURLs: strings(o.peerURLs),
    clientURLs: strings(o.clientURLs),
    isLearner: o.isLearner === true
  };
}
function parseMemberList(text) {
  const o = obj(parseEtcdJson(text, "etcdctl member list"), "member list output");
  return array(o.members ?? [], "member list").map(parseMember);
}
function parsePeerMembers(text) {
  const start = text.indexOf("[");
  const list = parseEtcdJson(start >= 0 ? text.slice(start) : text, "a peer port's /members");
  return array(list, "a peer port's /members").map((m) => {
    const o = obj(m, "member");
    return parseMember({ ...o, ID: o.id });
  });
}
function parseMemberAdd(text) {
  const id = /Member\s+([0-9a-f]+)\s+added to cluster/i.exec(text)?.[1];
  const env = parseEnvLines(text);
  if (!id || env.ETCD_INITIAL_CLUSTER === void 0) {
    throw new OperationError(
      `Could not read the output of etcdctl member add (expected "Member <id> added to cluster" and ETCD_INITIAL_CLUSTER=...): ${text.trim().slice(0, 300)}`
    );
  }
  return {
    id: normaliseHexId(id),
    initialCluster: env.ETCD_INITIAL_CLUSTER,
    initialClusterState: env.ETCD_INITIAL_CLUSTER_STATE ?? "existing"
  };
}
function parseEnvLines(text) {
  const out = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m || line.startsWith("#")) continue;
    let value = m[2].trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    out[m[1]] = value;
  }
  return out;
}
function parseSnapshotStatus(text) {
  const o = obj(parseEtcdJson(text, "snapshot status"), "snapshot status output");
  const out = {
    hash: num(o.hash, "hash"),
    revision: num(o.revision, "revision"),
    totalKey: num(o.totalKey, "totalKey"),
    totalSize: num(o.totalSize, "totalSize")
  };
  if (typeof o.version === "string" && o.version) out.version = o.version;
  return out;
}
function parseEndpointHashKV(text, revision) {
  const list = array(parseEtcdJson(text, "etcdctl endpoint hashkv"), "endpoint hashkv output");
  return list.map((e) => {
    const o = obj(e, "endpoint hashkv entry");
    const h = obj(o.HashKV, "endpoint hashkv result");
    const compact = h.compact_revision;
    return {
      endpoint: String(o.Endpoint ?? ""),
      revision,
      hash: num(h.hash, "hash"),
      // -1 (never compacted) is printed; an omitted field is proto3's zero.
      compactRevision: typeof compact === "number" ? compact : num(compact, "compact_revision")
    };
  });
}
function parseGet(text) {
  const o = obj(parseEtcdJson(text, "etcdctl get"), "get output");
  const h = obj(o.header ?? {}, "get header");
  const kvs = array(o.kvs ?? [], "kvs").map((kv) => {
    const k = obj(kv, "key-value");
    return {
      key: Buffer.from(String(k.key ?? ""), "base64"),
      value: Buffer.from(String(k.value ?? ""), "base64")
    };
  });
  return {
    revision: num(h.revision, "revision"),
    kvs,
    more: o.more === true,
    count: num(o.count, "count")
  };
}
function parseGetProtobuf(out) {
  let revision;
  const kvs = [];
  let more = false;
  let count;
  try {
    forEachField(out, (field, v) => {
      if (field === 1 && typeof v !== "number") {
        forEachField(v, (f, hv) => {
          if (f === 3 && typeof hv === "number") revision = hv;
        });
      } else if (field === 2 && typeof v !== "number") kvs.push(decodeKeyValue(v));
      else if (field === 3 && typeof v === "number") more = v !== 0;
      else if (field === 4 && typeof v === "number") count = v;
    });
  } catch (err) {
    if (!(err instanceof TruncatedMessageError)) {
      throw new OperationError(
        `Could not read the protobuf output of etcdctl get (${out.length} bytes): ${err.message}.`,
        { cause: err }
      );
    }
    throw new CutOutputError(
      `The protobuf output of etcdctl get ends inside a field (${out.length} bytes): ${err.message}.`,
      { cause: err }
    );
  }
  if (kvs.length > 0 && count === void 0) {
    throw new CutOutputError(
      `The protobuf output of etcdctl get holds ${kvs.length} keys but no count (${out.length} bytes): it ends early.`
    );
  }
  if (revision === void 0) {
    throw new (out.length === 0 ? CutOutputError : OperationError)(
      `The output of etcdctl get -w protobuf has no header revision (${out.length} bytes): not an etcd range answer.`
    );
  }
  return { revision, kvs, more, count: count ?? 0 };
}
function parseVersionEndpoint(text) {
  const start = text.indexOf("{");
  const o = obj(
    parseEtcdJson(start >= 0 ? text.slice(start) : text, "the /version endpoint"),
    "/version"
  );
  return { server: String(o.etcdserver ?? ""), cluster: String(o.etcdcluster ?? "") };
}

// src/etcd/snapshot-tool.ts
var EtcdSnapshotTool = class {
  constructor(transport, options = {}) {
    this.transport = transport;
    this.options = options;
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }
  transport;
  options;
  tools;
  progress;
  async etcdTools() {
    this.tools ??= await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    return this.tools;
  }
  /** `shell`: lines run in the same command before the tool and after it succeeded. */
  async run(args, what, shell) {
    const tools = await this.etcdTools();
    const argv = [...tools.commands[tools.snapshotTool], ...args];
    const options = {
      env: tools.snapshotTool === "etcdctl" ? etcdctlEnv(tools) : {},
      timeoutMs: 30 * 6e4
    };
    try {
      if (!shell) return await this.transport.exec(argv, options);
      const script = [
        ...shell.before ?? [],
        `${shellCommand(argv)} || exit $?`,
        ...shell.after ?? []
      ];
      return await this.transport.script(script.join("\n"), options);
    } catch (err) {
      if (!(err instanceof CommandFailedError)) throw err;
      let hint = "";
      if (/exists/i.test(err.stderrTail) && args.includes("restore")) {
        hint = " The target data dir already exists: move it aside first (never delete it), then restore.";
      } else if (/hash mismatch|invalid|bad|no such file|not a valid/i.test(err.stderrTail)) {
        hint = " Check the snapshot file itself (kube-rescue verify).";
      }
      throw new OperationError(
        `Node ${this.transport.node}: ${what} failed.${hint}
${err.message}`,
        {
          cause: err
        }
      );
    }
  }
  async status(path) {
    const res = await this.run(
      ["snapshot", "status", path, "-w", "json"],
      `snapshot status ${path}`
    );
    return parseSnapshotStatus(res.stdout);
  }
  /**
   * Restores into `dataDir`, which must not exist yet (the caller moves an old one aside).
   * A requested revision bump is applied only where the tool offers it; otherwise the
   * result says why it was skipped.
   */
  async restore(o, shell) {
    const tools = await this.etcdTools();
    const args = [
      "snapshot",
      "restore",
      o.snapshot,
      `--data-dir=${o.dataDir}`,
      `--name=${o.name}`,
      `--initial-cluster=${o.initialCluster}`,
      `--initial-cluster-token=${o.initialClusterToken}`,
      `--initial-advertise-peer-urls=${o.initialAdvertisePeerUrls.join(",")}`
    ];
    if (o.skipHashCheck) args.push("--skip-hash-check");
    const result = {
      dataDir: o.dataDir,
      tool: tools.snapshotTool,
      bumpedBy: 0
    };
    if (o.bumpRevision && o.bumpRevision > 0) {
      const can = supportsBumpRevision(tools);
      if (can.ok) {
        args.push(`--bump-revision=${o.bumpRevision}`);
        if (o.markCompacted !== false) args.push("--mark-compacted");
        result.bumpedBy = o.bumpRevision;
      } else {
        result.bumpSkipped = can.reason;
        this.progress.warn(can.reason);
      }
    }
    await this.run(args, `snapshot restore into ${o.dataDir}`, shell);
    return result;
  }
};

// src/etcd/etcdctl.ts
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var CUT_READ_ATTEMPTS = 3;
var EtcdCtl = class _EtcdCtl {
  constructor(transport, options) {
    this.transport = transport;
    this.options = options;
    if (options.endpoints.length === 0) {
      throw new InputError(
        `No etcd endpoint given for node ${transport.node}: pass --etcd-endpoints https://HOST:2379 or an inventory with an [etcd] group.`
      );
    }
    for (const e of options.endpoints) {
      if (!/^https?:\/\/[^/\s]+(:\d+)?\/?$/.test(e)) {
        throw new InputError(
          `"${e}" is not an etcd endpoint: expected http(s)://HOST:PORT, e.g. https://10.0.0.11:2379.`
        );
      }
    }
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }
  transport;
  options;
  tools;
  /**
   * The tools-and-certificates check, shared with every copy (withEndpoints, withTimeouts):
   * the same node, tools and files, so one check serves them all, whichever asks first.
   */
  preflightState = {};
  progress;
  get node() {
    return this.transport.node;
  }
  /** The node's etcd tools; detected once. Throws when etcdctl is not installed. */
  async etcdTools() {
    if (!this.tools) {
      this.tools = await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    }
    return this.tools;
  }
  /** A copy talking to other endpoints (e.g. exactly one, for snapshot save). */
  withEndpoints(endpoints) {
    const copy = new _EtcdCtl(this.transport, { ...this.options, endpoints, tools: this.tools });
    copy.preflightState = this.preflightState;
    return copy;
  }
  /** A copy with other etcdctl timeouts (dial at most 2 s), sharing the detected tools. */
  withTimeouts(commandTimeoutMs) {
    const copy = new _EtcdCtl(this.transport, {
      ...this.options,
      commandTimeoutMs,
      dialTimeoutMs: Math.min(commandTimeoutMs, 2e3),
      tools: this.tools
    });
    copy.preflightState = this.preflightState;
    return copy;
  }
  /** Tools and certificate files, checked once; a failed check is made again next time. */
  preflight() {
    const state = this.preflightState;
    if (state.done) return state.done;
    const check = (async () => {
      await this.etcdTools();
      const tls = this.options.tls;
      if (!tls) return;
      const files = [tls.cacert, tls.cert, tls.key];
      const readable = files.map((f) => `[ -r ${shellCommand([f])} ] || echo ${shellCommand([f])}`).join("; ");
      const res = await this.transport.script(readable, { allowFailure: true, timeoutMs: 15e3 });
      const missing = res.stdout.split("\n").filter(Boolean);
      if (missing.length > 0) {
        throw new InputError(
          `Node ${this.node}: etcd client certificate files missing or unreadable: ${missing.join(", ")}. Check the layout (--layout kubespray|kubeadm) or pass --etcd-cacert/--etcd-cert/--etcd-key.`
        );
      }
    })();
    state.done = check;
    check.catch(() => {
      if (state.done === check) state.done = void 0;
    });
    return check;
  }
  globalFlags(endpoints = this.options.endpoints) {
    const flags = [
      `--endpoints=${endpoints.join(",")}`,
      `--dial-timeout=${Math.ceil((this.options.dialTimeoutMs ?? 5e3) / 1e3)}s`,
      `--command-timeout=${Math.ceil(this.commandTimeoutMs() / 1e3)}s`
    ];
    const tls = this.options.tls;
    if (tls) flags.push(`--cacert=${tls.cacert}`, `--cert=${tls.cert}`, `--key=${tls.key}`);
    return flags;
  }
  commandTimeoutMs() {
    return this.options.commandTimeoutMs ?? 15e3;
  }
  /**
   * Runs an etcdctl subcommand against the endpoints. `binary`: its output is bytes (`-w
   * protobuf`), kept as they came in `raw`, never decoded as text; it must exit 0.
   */
  async run(args, what, opts = {}) {
    await this.preflight();
    const tools = await this.etcdTools();
    const argv = [...tools.commands.etcdctl, ...this.globalFlags(opts.endpoints), ...args];
    const options = {
      env: etcdctlEnv(tools),
      timeoutMs: opts.timeoutMs ?? this.commandTimeoutMs() + 1e4,
      allowFailure: opts.allowFailure
    };
    try {
      if (!opts.binary) return await this.transport.exec(argv, options);
      const run = this.transport.execStream(argv, options);
      const chunks = [];
      for await (const chunk of run.stdout) chunks.push(chunk);
      const { code, stderr } = await run.done;
      return { code, stdout: "", stderr, raw: Buffer.concat(chunks) };
    } catch (err) {
      throw this.explain(err, what, opts.endpoints ?? this.options.endpoints);
    }
  }
  /**
   * A read-only etcdctl call and the parse of its output. Output that ended before its JSON
   * (or protobuf message) did was cut on its way (`CutOutputError`: ctr of containerd before
   * 1.6.22 drops what `ctr run` had not passed on when the tool exited), so it is asked again,
   * up to three times in all; a cut answer is never used. Calls that change the cluster are
   * never repeated here.
   */
  async read(args, what, parse, opts = {}) {
    for (let attempt = 1; ; attempt++) {
      const res = await this.run(args, what, opts);
      try {
        return parse(res);
      } catch (err) {
        if (!(err instanceof CutOutputError)) throw err;
        if (attempt >= CUT_READ_ATTEMPTS) {
          throw new OperationError(
            `Node ${this.node}: the output of ${what} was cut short on its way ${attempt} times in a row, so it cannot be trusted. ctr of containerd before 1.6.22, which runs a kubeadm node's etcd tools, drops the tail of a \`ctr run\` when the node is too busy to pass it on in time: upgrade containerd on ${this.node}, or retry when it is less loaded.
${err.message}`,
            { cause: err }
          );
        }
        this.progress.warn(
          `Node ${this.node}: the output of ${what} was cut short on its way (${res.raw?.length ?? res.stdout.length} bytes, ${res.raw ? "message" : "JSON"} unfinished); asking again (${attempt + 1} of ${CUT_READ_ATTEMPTS}).`
        );
      }
    }
  }
  explain(err, what, endpoints) {
    if (!(err instanceof CommandFailedError)) return err;
    const tail = err.stderrTail;
    let hint = "See the etcdctl error above.";
    if (/deadline exceeded|connection refused|no route|transport: Error while dialing/i.test(tail)) {
      hint = `No etcd answered at ${endpoints.join(", ")} from node ${this.node}: check --etcd-endpoints (host and port) and that etcd runs there.`;
    } else if (/certificate|x509|tls:|bad certificate/i.test(tail)) {
      hint = "TLS failed: check that --etcd-cacert/--etcd-cert/--etcd-key (or the layout) name this cluster's CA and a client certificate it trusts.";
    }
    return new OperationError(`Node ${this.node}: ${what} failed. ${hint}
${err.message}`, {
      cause: err
    });
  }
  /** Health of every endpoint; unhealthy endpoints are results, not errors. */
  async endpointHealth() {
    return this.read(
      ["endpoint", "health", "-w", "json"],
      "etcdctl endpoint health",
      (res) => {
        if (!res.stdout.trim() && res.code !== 0) {
          throw this.explain(
            new CommandFailedError(this.node, "etcdctl endpoint health", res.code, res.stderr),
            "etcdctl endpoint health",
            this.options.endpoints
          );
        }
        return parseEndpointHealth(res.stdout);
      },
      { allowFailure: true }
    );
  }
  /** Status of every endpoint that answers; the others are listed with `unreachable`. */
  async endpointStatus() {
    const statuses = await this.read(
      ["endpoint", "status", "-w", "json"],
      "etcdctl endpoint status",
      (res) => res.stdout.trim() || res.code === 0 ? parseEndpointStatus(res.stdout) : [],
      { allowFailure: true }
    );
    const answered = new Set(statuses.map((s) => s.endpoint));
    return { statuses, unreachable: this.options.endpoints.filter((e) => !answered.has(e)) };
  }
  async memberList() {
    return this.read(
      ["member", "list", "-w", "json"],
      "etcdctl member list",
      (res) => parseMemberList(res.stdout)
    );
  }
  /**
   * GET `url` from the node with the client certificates (curl, else openssl s_client —
   * Debian's ca-certificates brings openssl, so minimal nodes have it). The response body.
   */
  async httpGet(url, expect, timeoutS = 5) {
    const tls = this.options.tls;
    const { host: hostPort, pathname, protocol } = new URL(url);
    const q = (s) => shellCommand([s]);
    const curlTls = tls ? `--cacert ${q(tls.cacert)} --cert ${q(tls.cert)} --key ${q(tls.key)}` : "";
    const opensslTls = tls ? `-CAfile ${q(tls.cacert)} -cert ${q(tls.cert)} -key ${q(tls.key)}` : "";
    const script = [
      "if command -v curl >/dev/null 2>&1; then",
      `  exec curl -sS --max-time ${timeoutS} ${curlTls} ${q(url)}`,
      `elif [ ${q(protocol === "https:" ? "https" : "http")} = https ] && command -v openssl >/dev/null 2>&1; then`,
      // HTTP/1.1 with `Connection: close`: etcd's peer port keeps an HTTP/1.0 connection open.
      // Even so s_client often lingers after a whole response from a member that is not
      // serving yet, so it writes to a private file and is stopped once the response in it has
      // all of its Content-Length (polled every 20 ms), or at the timeout.
      "  f=$(mktemp) || exit 1",
      `  printf 'GET %s HTTP/1.1\\r\\nHost: %s\\r\\nConnection: close\\r\\n\\r\\n' ${q(pathname)} ${q(hostPort)} | timeout ${timeoutS} openssl s_client -quiet -connect ${q(hostPort)} ${opensslTls} >"$f" 2>/dev/null &`,
      '  p=$! cr=$(printf "\\r") ok=',
      '  while kill -0 "$p" 2>/dev/null; do',
      '    len=$(sed -n "s/^[Cc]ontent-[Ll]ength: *\\([0-9]*\\).*/\\1/p" "$f" | head -n 1)',
      '    if [ -n "$len" ] && grep -q "^$cr\\$" "$f"; then',
      '      hdr=$(sed -n "/^$cr\\$/q;p" "$f" | wc -c)',
      '      if [ "$(wc -c <"$f")" -ge $((hdr + 2 + len)) ]; then ok=1; break; fi',
      "    fi",
      "    sleep 0.02",
      "  done",
      '  if [ -n "$ok" ]; then kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; rc=0; else wait "$p"; rc=$?; fi',
      '  cat "$f"; rm -f "$f"; exit "$rc"',
      "else",
      '  echo "neither curl nor openssl on this node" >&2; exit 127',
      "fi"
    ].join("\n");
    const res = await this.transport.script(script, { timeoutMs: 15e3, allowFailure: true });
    const body = httpBody(res.stdout);
    if (res.code !== 0 && !wholeResponse(res.stdout) || !body.includes(expect)) {
      throw new OperationError(
        `Node ${this.node}: could not read ${url} (exit ${res.code}): ${res.stderr.trim().slice(-300) || "no answer"}`
      );
    }
    return body;
  }
  /**
   * The `/version` of an endpoint as seen from the node. `cluster` is "not_decided" for the
   * first seconds after a cluster starts.
   */
  async clusterVersion(endpoint) {
    const url = `${endpoint.replace(/\/$/, "")}/version`;
    return parseVersionEndpoint(await this.httpGet(url, "{"));
  }
  /**
   * The member list as the member at `peerURL` holds it, read from its peer port's `/members`
   * (no raft round, so it answers while that member does not yet serve clients).
   */
  async peerMembers(peerURL) {
    const url = `${peerURL.replace(/\/$/, "")}/members`;
    return parsePeerMembers(await this.httpGet(url, "[", 1));
  }
  /** Waits until some endpoint reports a decided cluster version (x.y.z). */
  async waitForClusterVersion(timeoutMs = this.options.clusterVersionTimeoutMs ?? 3e4) {
    const deadline = Date.now() + timeoutMs;
    let last = "no endpoint answered";
    for (; ; ) {
      for (const e of this.options.endpoints) {
        try {
          const v = await this.clusterVersion(e);
          if (/^\d+\.\d+\.\d+$/.test(v.cluster)) return v.cluster;
          last = `${e} reports cluster version "${v.cluster}"`;
        } catch (err) {
          last = err.message;
        }
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `The etcd cluster version was not decided within ${timeoutMs / 1e3} s (${last}). Adding a member now would kill it ("not_decided is not in dotted-tri format"); wait until the cluster is healthy and retry.`
        );
      }
      await sleep(500);
    }
  }
  /**
   * Adds a member. Waits for the cluster version first, and retries "unhealthy cluster"
   * (the answer for a few seconds after the previous join) a bounded number of times.
   */
  async memberAdd(name, peerURLs, options = {}) {
    if (!name || peerURLs.length === 0) {
      throw new InputError("member add needs a member name and at least one peer URL.");
    }
    await this.waitForClusterVersion();
    const retry = this.options.memberAddRetry ?? { attempts: 20, delayMs: 1e3 };
    const args = ["member", "add", name, `--peer-urls=${peerURLs.join(",")}`];
    if (options.learner) args.push("--learner");
    for (let attempt = 1; ; attempt++) {
      const res = await this.run(args, `etcdctl member add ${name}`, { allowFailure: true });
      if (res.code === 0) return { ...parseMemberAdd(res.stdout), attempts: attempt };
      const unhealthy = /unhealthy cluster/i.test(res.stderr);
      if (!unhealthy || attempt >= retry.attempts) {
        const err = new CommandFailedError(
          this.node,
          `etcdctl member add ${name}`,
          res.code,
          res.stderr
        );
        if (unhealthy) {
          throw new OperationError(
            `Node ${this.node}: etcd kept answering "unhealthy cluster" to member add ${name} after ${attempt} attempts over ~${Math.round(attempt * retry.delayMs / 1e3)} s. Check that every started member is healthy (etcdctl endpoint health --cluster) and retry.`,
            { cause: err }
          );
        }
        throw this.explain(err, `etcdctl member add ${name}`, this.options.endpoints);
      }
      this.progress.debug(
        `member add ${name}: cluster not ready yet (attempt ${attempt}), retrying`
      );
      await sleep(retry.delayMs);
    }
  }
  async memberRemove(idHex) {
    const id = normaliseHexId(idHex);
    await this.run(["member", "remove", id], `etcdctl member remove ${id}`);
  }
  /** Saves a snapshot from exactly one endpoint to a file on the node (etcdctl writes it 0600). */
  async snapshotSave(endpoint, pathOnNode) {
    if (endpoint.includes(",") || !endpoint.trim()) {
      throw new InputError(
        `snapshot save needs exactly one endpoint, got "${endpoint}": etcd takes a snapshot from one selected member.`
      );
    }
    await this.run(["snapshot", "save", pathOnNode], `etcdctl snapshot save from ${endpoint}`, {
      endpoints: [endpoint],
      timeoutMs: 60 * 6e4
    });
    const stat = await this.transport.exec(["stat", "-c", "%s", pathOnNode]);
    return { path: pathOnNode, bytes: Number(stat.stdout.trim()) };
  }
  /** Offline: `snapshot status` of a file on the node (etcdutl on 3.5+, etcdctl on 3.4). */
  async snapshotStatus(path) {
    return (await this.snapshotTool()).status(path);
  }
  /** Offline: restore into a data dir that must not exist yet; see EtcdSnapshotTool.restore. */
  async snapshotRestore(o, shell) {
    return (await this.snapshotTool()).restore(o, shell);
  }
  async snapshotTool() {
    return new EtcdSnapshotTool(this.transport, {
      tools: await this.etcdTools(),
      progress: this.progress
    });
  }
  /** Live keys in the whole keyspace, now or at `revision` (the range count; one key returned). */
  async keyCount(revision) {
    const args = ["get", "", "--prefix", "--keys-only", "--limit=1", "-w", "json"];
    if (revision) args.push(`--rev=${revision}`);
    const page = await this.read(args, "etcdctl get (key count)", (res) => parseGet(res.stdout));
    return { count: page.count, revision: page.revision };
  }
  /**
   * etcd's key hash (`EtcdHashKV`, src/etcd/fingerprint.ts) of every endpoint at `revision`;
   * an endpoint that does not answer is an error (the caller asked for each one's hash).
   */
  async hashKV(revision) {
    return this.read(
      ["endpoint", "hashkv", `--rev=${revision}`, "-w", "json"],
      "etcdctl endpoint hashkv",
      (res) => parseEndpointHashKV(res.stdout, revision),
      { timeoutMs: 12e4 }
    );
  }
  /**
   * One page of the keyspace at `revision`: keys >= `fromKey`, ascending. etcdctl takes keys
   * as arguments, so keys must be valid UTF-8 without NUL (all Kubernetes keys are).
   */
  async getPage(fromKey, limit, revision) {
    if (!etcdctlTakes(fromKey)) {
      const key = fromKey.toString("utf8");
      throw new OperationError(
        `Node ${this.node}: key ${JSON.stringify(key)} cannot be passed to etcdctl as an argument (not UTF-8 or contains NUL); compute the fingerprint directly against the endpoints instead.`
      );
    }
    const args = [
      "get",
      fromKey.toString("utf8"),
      "--from-key",
      `--limit=${limit}`,
      "-w",
      "protobuf"
    ];
    if (revision) args.push(`--rev=${revision}`);
    return this.read(args, "etcdctl get", (res) => parseGetProtobuf(res.raw), {
      timeoutMs: 12e4,
      binary: true
    });
  }
};
function etcdctlTakes(key) {
  const text = key.toString("utf8");
  return !text.includes("\0") && Buffer.from(text, "utf8").equals(key);
}
function httpBody(raw) {
  if (!raw.startsWith("HTTP/")) return raw;
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return "";
  const headers = raw.slice(0, end);
  let body = raw.slice(end + 4);
  if (/^transfer-encoding:\s*chunked\s*$/im.test(headers)) {
    let out = "";
    for (; ; ) {
      const nl = body.indexOf("\r\n");
      const size = nl < 0 ? Number.NaN : Number.parseInt(body.slice(0, nl), 16);
      if (!Number.isFinite(size) || size <= 0) break;
      out += body.slice(nl + 2, nl + 2 + size);
      body = body.slice(nl + 2 + size + 2);
    }
    return out;
  }
  return body;
}
function wholeResponse(raw) {
  const end = raw.indexOf("\r\n\r\n");
  if (!raw.startsWith("HTTP/") || end < 0) return false;
  const length = /^content-length:\s*(\d+)\s*$/im.exec(raw.slice(0, end))?.[1];
  return length !== void 0 && Buffer.byteLength(raw.slice(end + 4)) >= Number(length);
}

export {
  decodeKeyValue,
  parseEnvLines,
  sectionLine,
  splitSections,
  defaultToolCommands,
  parseSemVer,
  etcdToolsOf,
  manifestEtcdImage,
  identifyEtcdBinaries,
  EtcdCtl,
  etcdctlTakes
};
//# sourceMappingURL=chunk-U6HZZ6QY.js.map
