import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  CommandFailedError,
  TransportTimeoutError,
  UnreachableError,
  shellCommand,
  silentProgress
} from "./chunk-SNZZQUVR.js";
import {
  InputError,
  OperationError
} from "./chunk-ZIEKZMFP.js";

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
    const message2 = `Could not read the JSON output of ${what}: ${err.message}. Output began with: ${head || "(nothing)"}`;
    throw endedEarly(err, safe) ? new CutOutputError(message2, { cause: err }) : new OperationError(message2, { cause: err });
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
  const found2 = (sections.get("paths") ?? "").split("\n");
  const paths = {};
  TOOLS.forEach((k, i) => {
    if (commands[k].length > 1) paths[k] = shellCommand(commands[k]);
    else if (found2[i]?.trim()) paths[k] = found2[i].trim();
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
  let found2 = perNode.get(key);
  if (!found2) {
    found2 = detectEtcdTools(transport, commands);
    perNode.set(key, found2);
    found2.catch(() => perNode.delete(key));
  }
  return found2;
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
    const q2 = (s) => shellCommand([s]);
    const curlTls = tls ? `--cacert ${q2(tls.cacert)} --cert ${q2(tls.cert)} --key ${q2(tls.key)}` : "";
    const opensslTls = tls ? `-CAfile ${q2(tls.cacert)} -cert ${q2(tls.cert)} -key ${q2(tls.key)}` : "";
    const script = [
      "if command -v curl >/dev/null 2>&1; then",
      `  exec curl -sS --max-time ${timeoutS} ${curlTls} ${q2(url)}`,
      `elif [ ${q2(protocol === "https:" ? "https" : "http")} = https ] && command -v openssl >/dev/null 2>&1; then`,
      // HTTP/1.1 with `Connection: close`: etcd's peer port keeps an HTTP/1.0 connection open.
      // Even so s_client often lingers after a whole response from a member that is not
      // serving yet, so it writes to a private file and is stopped once the response in it has
      // all of its Content-Length (polled every 20 ms), or at the timeout.
      "  f=$(mktemp) || exit 1",
      `  printf 'GET %s HTTP/1.1\\r\\nHost: %s\\r\\nConnection: close\\r\\n\\r\\n' ${q2(pathname)} ${q2(hostPort)} | timeout ${timeoutS} openssl s_client -quiet -connect ${q2(hostPort)} ${opensslTls} >"$f" 2>/dev/null &`,
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

// src/etcd/layout.ts
import { posix as posix2 } from "node:path";

// src/etcd/static-pod.ts
import { posix } from "node:path";
var CRI_NAMESPACE = "k8s.io";
var CONTROL_PLANE_CONTAINERS = "^(kube-apiserver|kube-controller-manager|kube-scheduler)$";
var q = (s) => shellCommand([s]);
function etcdImageToolCommands(image, paths) {
  const dataParent = posix.dirname(paths.dataDir);
  if (dataParent === "/") {
    throw new InputError(
      `etcd's data dir ${paths.dataDir} sits at the root: kube-rescue mounts its parent into the etcd tools' container and will not mount /. Pass a data dir below a directory of its own.`
    );
  }
  const mount = (dir, options) => `--mount ${q(`type=bind,src=${dir},dst=${dir},options=${options}`)}`;
  const fixed = [
    // Not recursive: /var/lib holds containerd's and the kubelet's mounts, none of them ours.
    mount(dataParent, "bind:rw"),
    mount("/var/tmp", "rbind:rw")
  ].join(" ");
  const cert = q(paths.etcdCertDir);
  const script = (tool) => [
    `t=\${TMPDIR:-/var/tmp}`,
    `set -- "$0" "kube-rescue-etcd-$(date +%s%N)-$$" ${tool} "$@"`,
    `if [ "$t" != /var/tmp ]; then set -- --mount "type=bind,src=$t,dst=$t,options=rbind:rw" "$@"; fi`,
    `if [ -d ${cert} ]; then set -- ${mount(paths.etcdCertDir, "rbind:ro")} "$@"; fi`,
    `o=$(umask 077 && mktemp "$t/kube-rescue-out.XXXXXX") || { echo "kube-rescue: cannot make a temp file in $t for the output of ${tool}" >&2; exit 125; }`,
    `trap 'rm -f "$o"' EXIT`,
    `trap 'exit 143' TERM`,
    `trap 'exit 130' INT`,
    `trap 'exit 129' HUP`,
    `ctr -n ${CRI_NAMESPACE} run --rm --net-host --env ETCDCTL_API=3 ${fixed} "$@" >"$o"`,
    `rc=$?`,
    `cat "$o" || { echo "kube-rescue: cannot read back the output of ${tool} from $o" >&2; exit 125; }`,
    `exit "$rc"`
  ].join("\n");
  const prefix = (tool) => ["sh", "-c", script(tool), image];
  return { etcd: prefix("etcd"), etcdctl: prefix("etcdctl"), etcdutl: prefix("etcdutl") };
}
var found = /* @__PURE__ */ new WeakMap();
async function staticPodToolCommands(transport, paths) {
  const key = JSON.stringify(paths);
  const known = found.get(transport)?.get(key);
  if (known) return known;
  const script = [
    "command -v ctr >/dev/null 2>&1 && echo ctr=yes",
    "command -v etcdctl >/dev/null 2>&1 && echo etcdctl=yes",
    'for f in "$@"; do if [ -r "$f" ]; then echo "manifest=$f"; cat "$f"; exit 0; fi; done',
    `command -v ctr >/dev/null 2>&1 && ctr -n ${CRI_NAMESPACE} images ls -q 2>/dev/null | sed -n 's/^/image=/p'`,
    "exit 0"
  ].join("\n");
  const res = await transport.exec(
    ["sh", "-c", script, "sh", paths.etcdManifest, paths.parkedEtcdManifest],
    { allowFailure: true, timeoutMs: 2e4 }
  );
  const out = res.stdout;
  const hasCtr = /^ctr=yes$/m.test(out);
  const manifestPath = /^manifest=(.*)$/m.exec(out)?.[1];
  let tools;
  if (hasCtr) {
    if (manifestPath) {
      const image = manifestEtcdImage(out.slice(out.indexOf("\n", out.indexOf("manifest="))));
      if (!image) {
        throw new InputError(
          `Node ${transport.node}: ${manifestPath} names no etcd image (no 'image: \u2026/etcd:\u2026' line): this is not a kubeadm etcd manifest kube-rescue can run the tools of.`
        );
      }
      tools = {
        commands: etcdImageToolCommands(image, paths),
        from: `image ${image} of ${manifestPath}`
      };
    } else {
      const images = [...out.matchAll(/^image=(.*)$/gm)].map((m) => m[1]).filter((i) => manifestEtcdImage(`image: ${i}`) === i);
      if (images.length === 1) {
        tools = {
          commands: etcdImageToolCommands(images[0], paths),
          from: `image ${images[0]} in containerd (no etcd manifest at ${paths.etcdManifest})`
        };
      }
    }
  }
  if (!tools && /^etcdctl=yes$/m.test(out)) {
    tools = { commands: defaultToolCommands, from: "the etcd tools on the PATH of the node" };
  }
  if (!tools) {
    throw new OperationError(
      `Node ${transport.node}: no etcd tools to run: ${hasCtr ? `no etcd manifest at ${paths.etcdManifest} or ${paths.parkedEtcdManifest} names the etcd image, and containerd (ctr -n ${CRI_NAMESPACE} images ls) holds no single etcd image` : `no ctr (containerd's client) to run the etcd image's etcdctl`}, and no etcdctl on the PATH. Restore the node's archive (--backup) or install etcd's client tools on ${transport.node}.`
    );
  }
  let perNode = found.get(transport);
  if (!perNode) {
    perNode = /* @__PURE__ */ new Map();
    found.set(transport, perNode);
  }
  perNode.set(key, tools);
  return tools;
}
async function etcdContainerState(transport) {
  const res = await transport.exec(
    ["crictl", "ps", "-q", "--name", "^etcd$", "--state", "Running"],
    { allowFailure: true, timeoutMs: 4e4 }
  );
  if (res.code === 127 || res.code !== 0 && /not found|No such file/i.test(res.stderr)) {
    throw new InputError(
      `Node ${transport.node}: crictl is not installed (exit ${res.code}): kube-rescue stops and starts a kubeadm etcd through the kubelet and confirms it with crictl. Install cri-tools on ${transport.node}.`
    );
  }
  if (res.code !== 0) {
    throw new OperationError(
      `Node ${transport.node}: crictl ps failed (exit ${res.code}): ${res.stderr.trim().slice(-300)}. Check containerd (systemctl status containerd) on ${transport.node}.`
    );
  }
  return res.stdout.trim() ? "running" : "gone";
}
async function waitForEtcdContainer(transport, want, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    if (await etcdContainerState(transport) === want) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 1e3));
  }
}
function etcdContainerTimeout(transport, want, timeoutMs, why, evidence) {
  return new OperationError(
    `Node ${transport.node}: the etcd container was ${want === "gone" ? "still running" : "still not running"} ${Math.round(timeoutMs / 1e3)} s after ${why} (crictl ps --name '^etcd$')${evidence ? `; ${evidence}` : ""}. Look at the kubelet (journalctl -u kubelet) and crictl ps -a on ${transport.node} before retrying.`
  );
}
function kubeletMessage(line) {
  return line.replace(/^[IWEF]\d{4} [\d:.]+\s+\d+ [^\]]*\] /, "").replace(/\\"/g, '"').replace(/\s*podUID="[^"]*"/, "").replace(/\s+/g, " ").trim();
}
async function kubeletEtcdEvidence(transport, since) {
  const res = await transport.script(
    [
      `journalctl -u kubelet --no-pager -o cat --since @${since} 2>/dev/null | grep -E 'etcd' | tail -n 40 | sed 's/^/kubelet: /'`,
      `crictl ps -a --name '^etcd$' 2>/dev/null | sed -n '2,3p' | sed 's/^/crictl: /'`,
      "exit 0"
    ].join("\n"),
    { allowFailure: true, timeoutMs: 3e4 }
  );
  const lines = res.stdout.split("\n").filter(Boolean);
  const kubelet = [
    ...new Set(
      lines.filter((l) => l.startsWith("kubelet: ")).map((l) => kubeletMessage(l.slice(9)))
    )
  ].slice(-2);
  const crictl = lines.filter((l) => l.startsWith("crictl: ")).map((l) => l.slice(8).replace(/\s+/g, " ").trim());
  const said = [...kubelet.map((l) => `kubelet: ${l}`), ...crictl.map((l) => `crictl: ${l}`)].map(
    (l) => l.length > 300 ? `${l.slice(0, 300)}\u2026` : l
  );
  return said.length ? `the node says: ${said.join(" | ")}` : "";
}
async function hasKubeletService(t) {
  const has = await t.exec(["systemctl", "cat", "kubelet.service"], {
    allowFailure: true,
    timeoutMs: 12e4
  });
  return has.code === 0;
}
async function restartKubelet(transport) {
  const res = await transport.exec(["systemctl", "restart", "kubelet"], {
    allowFailure: true,
    timeoutMs: 12e4
  });
  if (res.code === 0) return "restarted";
  return `systemctl restart kubelet failed (exit ${res.code}: ${res.stderr.trim().slice(-200) || "no message"})`;
}
async function moveManifest(transport, from, to, kubeletStopped = false) {
  const [f, t] = [q(from), q(to)];
  const move = kubeletStopped ? `systemctl stop kubelet; mv -- ${f} ${t}; rc=$?; systemctl start kubelet; [ $rc -eq 0 ] && echo moved` : `mv -- ${f} ${t} && echo moved`;
  const [at, out] = (await transport.script(
    `date +%s; if [ -e ${f} ]; then if [ -e ${t} ]; then echo both; else ${move}; fi; elif [ -e ${t} ]; then echo already; else echo none; fi`,
    { timeoutMs: kubeletStopped ? 24e4 : 3e4 }
  )).stdout.trim().split("\n");
  if (out === "both") {
    throw new OperationError(
      `Node ${transport.node}: both ${from} and ${to} exist; refusing to overwrite either. Keep the one etcd should run with, move the other away by hand, and run restore again.`
    );
  }
  return { out, at: Number(at) };
}
var ETCD_DRAIN_GRACE_MS = 3e3;
async function stopStaticPodEtcd(transport, paths, timeoutMs, drainGraceMs = ETCD_DRAIN_GRACE_MS) {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  const { out, at } = await moveManifest(transport, m, p);
  const said = {
    moved: `${m} moved to ${p}`,
    already: `${m} was parked at ${p} already`,
    none: `no etcd manifest on the node (${m})`
  }[out];
  if (await waitForEtcdContainer(transport, "gone", Math.min(drainGraceMs, timeoutMs))) {
    return `${said}; crictl shows no etcd container`;
  }
  const stopped = await transport.script(
    `ids=$(crictl ps -q --name '^etcd$' --state Running) || exit $?
[ -z "$ids" ] || crictl stop --timeout 0 $ids >/dev/null`,
    { allowFailure: true, timeoutMs: 6e4 }
  );
  const how = stopped.code === 0 ? `etcd was still draining its clients ${Math.round(drainGraceMs / 1e3)} s after, and crictl stopped it` : `etcd was still running ${Math.round(drainGraceMs / 1e3)} s after, and crictl stop failed (exit ${stopped.code}: ${stopped.stderr.trim().slice(-200) || "no message"})`;
  if (await waitForEtcdContainer(transport, "gone", Math.max(0, deadline - Date.now()))) {
    return `${said}; ${how}; crictl shows no etcd container`;
  }
  const evidence = await kubeletEtcdEvidence(transport, at);
  throw etcdContainerTimeout(transport, "gone", timeoutMs, `moving ${m} out (${how})`, evidence);
}
async function startStaticPodEtcd(transport, paths, timeoutMs) {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  const kubelet = await hasKubeletService(transport);
  const { out, at } = await moveManifest(transport, p, m, kubelet);
  if (out === "none") {
    throw new OperationError(
      `Node ${transport.node}: no etcd manifest to start etcd with: neither ${p} nor ${m} exists. Restore the node's archive from a backup (--backup) and run again.`
    );
  }
  const why = `putting ${m} in place`;
  const done = out === "moved" ? `${p} moved back to ${m}; crictl shows etcd Running` : `${m} was in place; crictl shows etcd Running`;
  let kubeletDid;
  let told;
  if (out === "moved" && kubelet) {
    kubeletDid = "the kubelet stopped for the move and started after it";
    told = true;
  } else {
    if (await etcdContainerState(transport) === "running") return done;
    const restart = kubelet ? await restartKubelet(transport) : "none";
    told = restart === "restarted";
    kubeletDid = told ? "the kubelet restarted, to start it from the returned manifest" : restart === "none" ? "no kubelet.service to restart" : restart;
  }
  if (await waitForEtcdContainer(transport, "running", Math.max(0, deadline - Date.now()))) {
    return told ? `${done}: ${kubeletDid}` : done;
  }
  throw etcdContainerTimeout(
    transport,
    "running",
    timeoutMs,
    `${why} (${kubeletDid})`,
    await kubeletEtcdEvidence(transport, at)
  );
}
async function etcdLostLogPanic(transport, panic) {
  const ps = await transport.exec(["crictl", "ps", "-a", "--name", "^etcd$", "-o", "json"], {
    allowFailure: true,
    timeoutMs: 2e4
  });
  if (ps.code !== 0) return void 0;
  let containers;
  try {
    containers = JSON.parse(ps.stdout).containers ?? [];
  } catch {
    return void 0;
  }
  const byAge = [...containers].sort(
    (a, b) => BigInt(b.createdAt) > BigInt(a.createdAt) ? 1 : -1
  );
  const newest = byAge[0];
  if (!newest) return void 0;
  const current = await transport.exec(["crictl", "logs", newest.id], {
    allowFailure: true,
    timeoutMs: 2e4
  });
  if (/"msg":"starting local member"/.test(`${current.stdout}
${current.stderr}`)) {
    return `its etcd container ${newest.id.slice(0, 13)} began the member without a WAL (its log says "starting local member", not "restarting local member") and does not answer: it holds no data of its own, and has not joined a cluster that could give it some`;
  }
  const earlier = byAge.filter(
    (c) => c.podSandboxId === newest.podSandboxId && c.state === "CONTAINER_EXITED"
  );
  for (const c of earlier.slice(0, 2)) {
    const logs = await transport.exec(["crictl", "logs", "--tail", "60", c.id], {
      allowFailure: true,
      timeoutMs: 2e4
    });
    const m = panic.exec(`${logs.stdout}
${logs.stderr}`);
    if (m) {
      return `its etcd container ${c.id.slice(0, 13)} (attempt ${c.metadata?.attempt ?? "?"} of the pod that runs now) exited saying "${m[0].slice(0, 200)}": etcd says so only where the member's data is gone, and the kubelet keeps restarting it`;
    }
  }
  return void 0;
}

// src/etcd/layout.ts
var layoutNames = ["kubespray", "kubeadm"];
var kubeconfigs = [
  "admin.conf",
  "super-admin.conf",
  "controller-manager.conf",
  "scheduler.conf",
  "kubelet.conf"
];
var KUBELET_CONFIG = "/var/lib/kubelet/config.yaml";
var KUBEADM_KUBELET_FILES = [KUBELET_CONFIG, "/var/lib/kubelet/kubeadm-flags.env"];
async function waitForEtcdProcess(transport, running, timeoutMs, why) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const res = await transport.exec(["pgrep", "-x", "etcd"], {
      allowFailure: true,
      timeoutMs: 1e4
    });
    if (res.code === 0 === running) return;
    if (res.code > 1) {
      throw new OperationError(
        `Node ${transport.node}: pgrep failed (exit ${res.code}): ${res.stderr.trim()}. Install procps on the node.`
      );
    }
    if (Date.now() > deadline) {
      throw new OperationError(
        `Node ${transport.node}: etcd was ${running ? "still not running" : "still running"} ${timeoutMs / 1e3} s after ${why}. Look at the node (journalctl -u etcd, crictl ps) before retrying.`
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
var KUBESPRAY_ETCD_UNIT = "/etc/systemd/system/etcd.service";
var ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";
function kubesprayLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/ssl/etcd/ssl",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/ssl", "/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    envFile: "/etc/etcd.env",
    ...overrides
  };
  const pair = (base) => ({
    cert: posix2.join(paths.etcdCertDir, `${base}.pem`),
    key: posix2.join(paths.etcdCertDir, `${base}-key.pem`)
  });
  return {
    name: "kubespray",
    ...paths,
    clientTls: (host) => ({
      cacert: posix2.join(paths.etcdCertDir, "ca.pem"),
      ...pair(`admin-${host}`)
    }),
    memberCert: (host) => pair(`member-${host}`),
    backupPaths: () => [
      { path: paths.etcdCertDir, required: true },
      ...paths.envFile ? [{ path: paths.envFile, required: true }] : [],
      // Kubespray's own etcd unit: a re-provisioned node has only the distribution's.
      { path: KUBESPRAY_ETCD_UNIT, required: false },
      // /etc/kubernetes/pki is a symlink to ssl on Kubespray: archive the real dir once.
      ...paths.kubernetesCertDirs.map((d, i) => ({ path: d, required: i === 0 })),
      { path: paths.manifestsDir, required: false },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false }))
    ],
    async stopEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "stop", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        false,
        options.timeoutMs ?? 6e4,
        "systemctl stop etcd"
      );
      return "etcd stopped (systemctl stop etcd); no etcd process left";
    },
    async startEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "start", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        true,
        options.timeoutMs ?? 6e4,
        "systemctl start etcd"
      );
      return "etcd started (systemctl start etcd)";
    },
    // Kubespray installs etcd, etcdctl (and etcdutl from 3.5) on the host.
    toolCommands: async () => defaultToolCommands
  };
}
function kubeadmLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/kubernetes/pki/etcd",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    etcdManifest: "/etc/kubernetes/manifests/etcd.yaml",
    ...overrides
  };
  const manifest = paths.etcdManifest ?? posix2.join(paths.manifestsDir, "etcd.yaml");
  const parked = posix2.join(posix2.dirname(paths.manifestsDir), "etcd.yaml.kube-rescue-stopped");
  const file = (f) => posix2.join(paths.etcdCertDir, f);
  const staticPod = { ...paths, etcdManifest: manifest, parkedEtcdManifest: parked };
  return {
    name: "kubeadm",
    ...paths,
    etcdManifest: manifest,
    parkedEtcdManifest: parked,
    clientTls: () => ({
      cacert: file("ca.crt"),
      cert: file("healthcheck-client.crt"),
      key: file("healthcheck-client.key")
    }),
    memberCert: () => ({ cert: file("server.crt"), key: file("server.key") }),
    backupPaths: () => [
      { path: paths.kubernetesCertDirs[0], required: true },
      { path: paths.manifestsDir, required: true },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false })),
      // What kubeadm writes for the kubelet: without them a re-provisioned node's kubelet does
      // not start, and no static pod runs. Not its pki dir: the client certificate is made anew
      // after a restore (recovery/kubelet-client.ts), the serving one by the kubelet.
      ...KUBEADM_KUBELET_FILES.map((path) => ({ path, required: false }))
    ],
    stopEtcd: (transport, options = {}) => stopStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 12e4),
    startEtcd: (transport, options = {}) => startStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 12e4),
    toolCommands: async (transport) => (await staticPodToolCommands(transport, staticPod)).commands
  };
}
function layoutByName(name, overrides = {}) {
  if (name === "kubespray") return kubesprayLayout(overrides);
  if (name === "kubeadm") return kubeadmLayout(overrides);
  throw new InputError(
    `Unknown cluster layout "${name}": expected one of ${layoutNames.join(", ")} (or auto to detect it on the node).`
  );
}
async function detectLayout(transport, overrides = {}) {
  const env = overrides.envFile ?? "/etc/etcd.env";
  const manifest = overrides.etcdManifest ?? "/etc/kubernetes/manifests/etcd.yaml";
  const script = `if [ -r ${shellCommand([env])} ]; then echo kubespray; cat ${shellCommand([env])}; elif [ -e ${shellCommand([manifest])} ]; then echo kubeadm; else echo none; fi`;
  const res = await transport.script(script, { timeoutMs: 2e4 });
  const [kind, ...rest] = res.stdout.split("\n");
  if (kind === "kubespray") {
    const vars = parseEnvLines(rest.join("\n"));
    const fromEnv = {};
    if (vars.ETCD_DATA_DIR) fromEnv.dataDir = vars.ETCD_DATA_DIR;
    if (vars.ETCD_TRUSTED_CA_FILE) fromEnv.etcdCertDir = posix2.dirname(vars.ETCD_TRUSTED_CA_FILE);
    return kubesprayLayout({ ...fromEnv, ...overrides });
  }
  if (kind === "kubeadm") return kubeadmLayout(overrides);
  throw new OperationError(
    `Node ${transport.node}: cannot tell how etcd is deployed: found neither ${env} (Kubespray host etcd) nor ${manifest} (kubeadm static pod). Pass --layout kubespray|kubeadm, or check that this is an etcd/control-plane node.`
  );
}

// src/etcd/urls.ts
var peerURLOf = (address) => `https://${address}:2380`;
var clientURLOf = (address) => `https://${address}:2379`;

// src/recovery/health.ts
function hasQuorum(healthyVoters, voters) {
  return voters > 0 && healthyVoters > voters / 2;
}
function quorumVerdict(members, healthyClientUrls, inventoryEtcdHosts) {
  const voting = members.filter((m) => !m.isLearner);
  const voters = members.length ? voting.length : inventoryEtcdHosts;
  const healthyVoters = voting.filter(
    (m) => m.clientURLs.some((u) => healthyClientUrls.has(u))
  ).length;
  return { voters, healthyVoters, quorum: hasQuorum(healthyVoters, voters) };
}

// src/recovery/evidence.ts
function definiteLoss(f) {
  if (!f.reachable)
    return `host does not answer${f.unreachableWhy ? ` (${f.unreachableWhy})` : ""}`;
  if (f.etcdRunning) return void 0;
  const why = [`no etcd process listens on client port ${f.clientPort ?? "2379"}`];
  if (f.dataDir === "missing" || f.dataDir === "empty") {
    why.push(`data dir ${f.dataDirPath ?? ""} is ${f.dataDir}`.replace("  ", " "));
  }
  return why.join("; ");
}
function quorumPossible(up, voters) {
  return hasQuorum(up, voters);
}
function liveLeader(view, liveIds) {
  const l = view.leader.replace(/^0+/, "");
  return l && liveIds.has(l) ? l : void 0;
}
var realClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms))
};
async function watchForLeader(look, liveIds, options) {
  const clock = options.clock ?? realClock;
  const pollMs = options.pollMs ?? 200;
  const quietMs = 2 * options.electionTimeoutMs + pollMs;
  const t0 = clock.now();
  let lastTerm = -1;
  let lastMove = t0;
  let termMoved = false;
  for (; ; ) {
    const views = await look();
    const now = clock.now();
    const elapsed = now - t0;
    const term = Math.max(-1, ...views.map((v) => v.raftTerm));
    for (const v of views) {
      const leader = liveLeader(v, liveIds);
      if (leader) return { kind: "leader", leader, afterMs: elapsed, term: v.raftTerm };
    }
    if (term !== lastTerm) {
      if (lastTerm !== -1) termMoved = true;
      lastTerm = term;
      lastMove = now;
    }
    if (now - lastMove >= quietMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader, raft term ${term} unchanged for ${((now - lastMove) / 1e3).toFixed(1)} s (election timeout ${options.electionTimeoutMs / 1e3} s): no election is under way`
      };
    }
    if (elapsed >= options.boundMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader within ${(options.boundMs / 1e3).toFixed(1)} s${termMoved ? `, raft term still moving (now ${term}): elections keep failing` : `, raft term ${term}`}`
      };
    }
    await clock.sleep(Math.min(pollMs, Math.max(0, options.boundMs - elapsed)));
  }
}
var INITIAL_REVISION = 1;
function emptyKeyspaceLosses(views) {
  const out = /* @__PURE__ */ new Map();
  const byCluster = /* @__PURE__ */ new Map();
  for (const v of views) byCluster.set(v.clusterId, [...byCluster.get(v.clusterId) ?? [], v]);
  const longest = (vs) => Math.max(...vs.map((v) => v.raftIndex));
  const [main] = [...byCluster.values()].sort(
    (a, b) => b.length - a.length || longest(b) - longest(a)
  );
  const ahead = [...main ?? []].sort(
    (a, b) => b.revision - a.revision || b.raftIndex - a.raftIndex
  )[0];
  if (!ahead || ahead.revision <= INITIAL_REVISION) return out;
  const peer = `${ahead.host} (member ${ahead.memberId} of cluster ${ahead.clusterId}) is at revision ${ahead.revision}, raft index ${ahead.raftIndex}`;
  for (const v of views) {
    if (v.clusterId !== ahead.clusterId && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers for another cluster: member ${v.memberId} of cluster ${v.clusterId} at revision ${v.revision}, raft index ${v.raftIndex}, while ${peer}; its data dir was wiped and etcd bootstrapped a new cluster of its own there`
      );
    } else if (v.revision <= INITIAL_REVISION && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers, but with an empty store: member ${v.memberId} is at revision ${v.revision} (etcd's first), raft index ${v.raftIndex}, while ${peer}; a member's revision never goes back, so its data dir was wiped and etcd re-created it`
      );
    }
  }
  return out;
}
var LOST_DATA_EXIT = /tocommit\(\d+\) is out of range \[lastIndex\(\d+\)\]|error validating peerURLs[^"]*|cannot fetch cluster info from peer urls[^"]*/;

// src/recovery/probe.ts
var ETCD_DEFAULT_ELECTION_TIMEOUT_MS = 1e3;
var GONE_HOST_CONNECT_MS = 5e3;
var ProbeTimeout = class extends Error {
};
function withTimeout(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeTimeout(`${what} did not finish within ${ms / 1e3} s`)),
      ms
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
var message = (err) => err instanceof Error ? err.message : String(err);
function memberUrls(inventory, host, address) {
  const vars = inventory.hosts.get(host)?.vars ?? {};
  const str = (v) => typeof v === "string" && v ? v : void 0;
  return {
    client: str(vars.etcd_client_url) ?? clientURLOf(address),
    peer: str(vars.etcd_peer_url) ?? peerURLOf(address)
  };
}
function clientTls(access, layout, host) {
  const fromLayout = layout.clientTls(host);
  return {
    cacert: access.etcdCacert ?? fromLayout.cacert,
    cert: access.etcdCert ?? fromLayout.cert,
    key: access.etcdKey ?? fromLayout.key
  };
}
async function resolveLayout(t, access, options) {
  if (options.layout) return options.layout;
  return access.layout === "auto" ? detectLayout(t) : layoutByName(access.layout);
}
async function missingDirs(t, dirs) {
  if (dirs.length === 0) return [];
  const res = await t.exec(
    ["sh", "-c", 'for d in "$@"; do [ -d "$d" ] || echo "$d"; done', "sh", ...dirs],
    {
      allowFailure: true,
      timeoutMs: 1e4
    }
  );
  return res.stdout.split("\n").filter(Boolean);
}
async function etcdNodeFacts(t, layout, port) {
  const script = [
    '[ -d "$1" ] && echo certs=yes',
    // An unreadable dir (not root) is not called empty.
    'if [ ! -d "$2" ]; then echo data=missing; elif [ ! -r "$2" ] || [ -n "$(ls -A "$2")" ]; then echo data=present; else echo data=empty; fi',
    `if command -v ss >/dev/null 2>&1; then ss -Hltnp 'sport = :${Number(port)}' | grep -q etcd; else pgrep -x etcd >/dev/null; fi && echo listening=yes`,
    `[ -n "$3" ] && [ -r "$3" ] && sed -n 's/^ETCD_ELECTION_TIMEOUT=/election=/p' "$3"`,
    `[ -n "$4" ] && [ -r "$4" ] && sed -n 's/.*--election-timeout=/election=/p' "$4"`,
    // kubeadm: crictl confirms each stop and start; the kubelet says where its static pods are.
    ...layout.name === "kubeadm" ? [
      "command -v crictl >/dev/null 2>&1 && echo crictl=yes",
      "command -v ctr >/dev/null 2>&1 && echo ctr=yes",
      `[ -r ${KUBELET_CONFIG} ] && sed -n 's/^staticPodPath:[[:space:]]*/staticpods=/p' ${KUBELET_CONFIG}`
    ] : [],
    "exit 0"
  ].join("\n");
  const res = await t.exec(
    [
      "sh",
      "-c",
      script,
      "sh",
      layout.etcdCertDir,
      layout.dataDir,
      layout.envFile ?? "",
      layout.etcdManifest ?? ""
    ],
    { allowFailure: true, timeoutMs: 1e4 }
  );
  const out = res.stdout;
  const data = /^data=(missing|empty|present)$/m.exec(out)?.[1];
  const election = Number(/^election=["']?(\d+)/m.exec(out)?.[1]);
  const staticPods = /^staticpods=["']?([^"'\s]+)/m.exec(out)?.[1];
  return {
    certsPresent: /^certs=yes$/m.test(out),
    dataDir: data ?? "missing",
    listening: /^listening=yes$/m.test(out),
    ...election > 0 ? { electionTimeoutMs: election } : {},
    ...layout.name === "kubeadm" ? {
      staticPod: {
        crictl: /^crictl=yes$/m.test(out),
        ctr: /^ctr=yes$/m.test(out),
        ...staticPods ? { kubeletStaticPodPath: staticPods.replace(/\/+$/, "") } : {}
      }
    } : {}
  };
}
var DOUBTFUL_LEADER_MS = 1e3;
async function judgeHealth(etcd, inventoryVoters, o) {
  const running = etcd.filter((p) => p.health.etcdRunning && !p.health.lost).length;
  const liveIds = new Set(etcd.flatMap((p) => p.status && p.ctl ? [p.status.memberId] : []));
  const answered = etcd.filter((p) => p.status && p.ctl && !p.health.lost);
  const possible = quorumPossible(running, inventoryVoters);
  const ask = async (p, ms) => {
    try {
      const [h] = await withTimeout(
        p.ctl.withTimeouts(ms).endpointHealth(),
        o.timeoutMs,
        `endpoint health of ${p.health.host}`
      );
      if (h?.healthy === true) return void 0;
      return `endpoint ${p.health.clientUrl} unhealthy: ${h?.error ?? "no answer"}`;
    } catch (err) {
      return message(err);
    }
  };
  const check = async (p, ms, certain = false) => {
    let why = await ask(p, ms);
    if (why && certain) {
      p.health.errors.push(why);
      why = await ask(p, 2 * ms);
      if (why) {
        p.health.unknown = `names live leader ${p.status?.leader ?? "?"} but did not answer healthy within ${2 * ms / 1e3} s, twice (${why})`;
      }
    }
    p.health.healthy = why === void 0;
    if (why) p.health.errors.push(why);
  };
  const leads = (p) => liveLeader(p.status, liveIds) !== void 0;
  const cannotVote = etcd.filter(
    (p) => p.health.reachable && (!p.health.etcdRunning && (p.health.dataDir === "missing" || p.health.dataDir === "empty") || p.health.etcdRunning && p.health.lost !== void 0)
  );
  const certainlyLost = !quorumPossible(inventoryVoters - cannotVote.length, inventoryVoters);
  if (certainlyLost) {
    for (const p of answered.filter(leads)) {
      p.health.errors.push(
        `${p.health.host} still names a leader, but ${cannotVote.length} of ${inventoryVoters} members hold no data (${cannotVote.map((c) => c.health.host).join(", ")}): no quorum of the cluster's data can commit`
      );
    }
  } else {
    await Promise.all(
      answered.filter(leads).map((p) => possible ? check(p, o.etcdTimeoutMs, true) : check(p, DOUBTFUL_LEADER_MS))
    );
  }
  const leaderless = answered.filter((p) => !leads(p));
  if (leaderless.length === 0) return;
  if (!possible) {
    for (const p of leaderless) {
      p.health.errors.push(
        `no leader, and only ${running} of ${inventoryVoters} members run: no election can end with one`
      );
    }
    return;
  }
  const electionTimeoutMs = Math.max(
    ETCD_DEFAULT_ELECTION_TIMEOUT_MS,
    ...etcd.flatMap((p) => p.electionTimeoutMs ? [p.electionTimeoutMs] : [])
  );
  const outcome = await watchForLeader(
    async () => {
      const views = await Promise.all(
        leaderless.map(async (p) => {
          const s = (await p.ctl.endpointStatus().catch(() => void 0))?.statuses[0];
          if (s) {
            p.status = s;
            p.health.raftIndex = s.raftIndex;
            p.health.raftTerm = s.raftTerm;
            p.health.revision = s.revision;
            p.health.isLeader = s.isLeader;
            liveIds.add(s.memberId);
          }
          return s;
        })
      );
      return views.filter((v) => v !== void 0);
    },
    liveIds,
    {
      electionTimeoutMs,
      boundMs: o.electionBoundMs ?? Math.min(4 * electionTimeoutMs + 1e3, 3e4),
      ...o.clock ? { clock: o.clock } : {}
    }
  );
  if (outcome.kind === "leader") {
    await Promise.all(leaderless.map((p) => check(p, o.etcdTimeoutMs, true)));
    return;
  }
  for (const p of leaderless) p.health.errors.push(`${p.health.host}: ${outcome.why}`);
  const namesOne = leaderless.filter((p) => p.status?.leader.replace(/^0+/, ""));
  await Promise.all(namesOne.map((p) => check(p, DOUBTFUL_LEADER_MS)));
}
async function probeCluster(inventory, transportFor, access, options = {}) {
  const timeoutMs = options.timeoutMs ?? 2e4;
  const etcdTimeoutMs = options.etcdTimeoutMs ?? 4e3;
  const progress = options.progress ?? silentProgress;
  const etcdHosts = inventory.etcdMembers();
  const connectBound = (host) => options.goneHosts?.includes(host) ? Math.min(timeoutMs, GONE_HOST_CONNECT_MS) : timeoutMs;
  const probeEtcd = async (e) => {
    const urls = memberUrls(inventory, e.host, e.address);
    const health2 = {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientUrl: urls.client,
      peerUrl: urls.peer,
      reachable: false,
      etcdRunning: false,
      healthy: false,
      isMember: false,
      etcdCertsPresent: false,
      errors: []
    };
    const out = { health: health2 };
    let factsSeen = false;
    let statusWhy;
    const work = async () => {
      const t = await transportFor(e.host);
      const t0 = performance.now();
      const took = (what) => progress.debug(`probe ${e.host}: ${what} after ${(performance.now() - t0).toFixed(0)} ms`);
      await t.ping({ timeoutMs: connectBound(e.host) });
      health2.reachable = true;
      took("connected");
      const hostCommands = options.commands ?? defaultToolCommands;
      const detection = etcdToolsOf(t, hostCommands);
      detection.then(
        () => took("etcd tools identified"),
        () => {
        }
      );
      let layout2;
      try {
        layout2 = await resolveLayout(t, access, options);
        took(`layout ${layout2.name}`);
      } catch (err) {
        const kubeadm = kubeadmLayout();
        const commands2 = options.commands ?? (access.layout === "kubespray" ? defaultToolCommands : await kubeadm.toolCommands(t).catch(() => defaultToolCommands));
        const identified = await identifyEtcdBinaries(
          t,
          commands2,
          [kubeadm.etcdManifest, kubeadm.parkedEtcdManifest].filter((p) => Boolean(p)),
          etcdToolsOf(t, commands2)
        ).catch(() => void 0);
        if (identified && "tools" in identified) health2.tools = identified.tools;
        else if (identified) health2.toolsError = identified.error;
        throw err;
      }
      out.layout = layout2;
      const tls = clientTls(access, layout2, e.host);
      const port = new URL(urls.client).port || "2379";
      const commands = options.commands ?? await layout2.toolCommands(t).catch((err) => {
        health2.toolsError = `${e.host}: ${message(err)}`;
        return defaultToolCommands;
      });
      const tools2 = etcdToolsOf(t, commands);
      const ctlOf = async () => new EtcdCtl(t, {
        endpoints: [urls.client],
        tls,
        commands,
        tools: await tools2,
        // Status answers at once from a member that is up, with or without quorum.
        dialTimeoutMs: Math.min(etcdTimeoutMs, 1e3),
        commandTimeoutMs: Math.min(etcdTimeoutMs, 1e3)
      });
      const identify = identifyEtcdBinaries(
        t,
        commands,
        [layout2.etcdManifest, layout2.parkedEtcdManifest].filter((p) => Boolean(p)),
        tools2
      ).then((identified) => {
        if ("tools" in identified) health2.tools = identified.tools;
        else health2.toolsError = identified.error;
      });
      const look = (async () => {
        const facts = await etcdNodeFacts(t, layout2, port);
        factsSeen = true;
        took(
          `facts (etcd ${facts.listening ? "listens" : "does not listen"}, data dir ${facts.dataDir})`
        );
        health2.etcdCertsPresent = facts.certsPresent;
        health2.etcdRunning = facts.listening;
        health2.dataDir = facts.dataDir;
        if (facts.staticPod) health2.staticPod = facts.staticPod;
        if (facts.electionTimeoutMs) out.electionTimeoutMs = facts.electionTimeoutMs;
        const lost = definiteLoss({
          reachable: true,
          etcdRunning: facts.listening,
          dataDir: facts.dataDir,
          dataDirPath: layout2.dataDir,
          clientPort: port
        });
        if (lost) {
          health2.lost = lost;
          health2.errors.push(`${e.host}: ${lost}`);
          return;
        }
        const ctl = await ctlOf();
        out.ctl = ctl;
        const status = (c) => c.endpointStatus().then(
          (r) => ({ s: r.statuses[0], why: "no status in its answer" }),
          (err) => ({ s: void 0, why: message(err) })
        );
        let answer = await status(ctl);
        if (!answer.s) {
          health2.errors.push(
            `endpoint ${urls.client} did not answer status within ${ctl.options.commandTimeoutMs / 1e3} s (${answer.why}); asking once more`
          );
          answer = await status(ctl.withTimeouts(etcdTimeoutMs));
          if (!answer.s) statusWhy = answer.why;
        }
        took("endpoint status");
        const s = answer.s;
        if (s) {
          out.status = s;
          health2.memberId = s.memberId;
          health2.raftIndex = s.raftIndex;
          health2.raftTerm = s.raftTerm;
          health2.revision = s.revision;
          health2.isLeader = s.isLeader;
          health2.serverVersion = s.version;
          out.clusterId = s.clusterId;
        } else {
          health2.errors.push(
            `endpoint ${urls.client} does not answer status (etcd runs on ${e.host})`
          );
          if (layout2.name === "kubeadm") {
            const panicked = await etcdLostLogPanic(t, LOST_DATA_EXIT).catch(() => void 0);
            if (panicked) {
              health2.lost = panicked;
              health2.errors.push(`${e.host}: ${panicked}`);
            }
          }
        }
      })();
      await Promise.all([identify, look]);
    };
    try {
      await withTimeout(work(), timeoutMs, `probing ${e.host}`);
    } catch (err) {
      if (err instanceof InputError) throw err;
      health2.errors.push(message(err));
      if (!health2.reachable && err instanceof UnreachableError)
        health2.lost = `host does not answer (${message(err)})`;
      else if (!health2.reachable)
        health2.unknown = err instanceof ProbeTimeout || err instanceof TransportTimeoutError ? `did not answer within ${connectBound(e.host) / 1e3} s (${message(err)})` : `could not be probed (${message(err)})`;
      else if (!health2.lost && !factsSeen && (err instanceof ProbeTimeout || err instanceof TransportTimeoutError))
        health2.unknown = `answered, but the look at its etcd process and data dir did not finish (${message(err)})`;
    }
    if (health2.reachable && health2.etcdRunning === true && !health2.lost && !health2.unknown && !out.status) {
      health2.unknown = `etcd listens on ${urls.client} but did not answer status within ${etcdTimeoutMs / 1e3} s, twice (${statusWhy ?? health2.errors.at(-1) ?? "no answer"})`;
    }
    return out;
  };
  const probeControlPlane = async (host) => {
    const h = {
      host,
      reachable: false,
      certsPresent: false,
      missingCertDirs: [],
      errors: []
    };
    try {
      await withTimeout(
        (async () => {
          const t = await transportFor(host);
          await t.ping({ timeoutMs: connectBound(host) });
          h.reachable = true;
          const layout2 = await resolveLayout(t, access, options);
          h.missingCertDirs = await missingDirs(t, layout2.kubernetesCertDirs.slice(0, 1));
          h.certsPresent = h.missingCertDirs.length === 0;
        })(),
        timeoutMs,
        `probing ${host}`
      );
    } catch (err) {
      h.errors.push(message(err));
    }
    return h;
  };
  progress.debug(
    `probe: ${etcdHosts.length} etcd and ${inventory.controlPlane().length} control-plane hosts, each within ${timeoutMs / 1e3} s`
  );
  const [etcd, controlPlane] = await Promise.all([
    Promise.all(etcdHosts.map(probeEtcd)),
    Promise.all(inventory.controlPlane().map(probeControlPlane))
  ]);
  const empty = emptyKeyspaceLosses(
    etcd.flatMap(
      (p) => p.status && !p.health.lost ? [
        {
          host: p.health.host,
          memberId: p.status.memberId,
          clusterId: p.status.clusterId,
          revision: p.status.revision,
          raftIndex: p.status.raftIndex
        }
      ] : []
    )
  );
  for (const p of etcd) {
    const why = empty.get(p.health.host);
    if (!why) continue;
    p.health.lost = why;
    p.health.errors.push(`${p.health.host}: ${why}`);
  }
  const judged = performance.now();
  await judgeHealth(etcd, etcdHosts.length, {
    etcdTimeoutMs,
    timeoutMs,
    electionBoundMs: options.electionBoundMs,
    clock: options.clock
  });
  progress.debug(`probe: health judged in ${(performance.now() - judged).toFixed(0)} ms`);
  let members = [];
  let healthyUrls = /* @__PURE__ */ new Set();
  let tools;
  const healthySources = etcd.filter((p) => p.health.healthy && p.ctl);
  const matchOf = (m) => etcd.find(
    (p) => m.name !== "" && m.name === p.health.memberName || m.peerURLs.includes(p.health.peerUrl)
  );
  for (const source of healthySources) {
    try {
      const ctl = source.ctl.withTimeouts(etcdTimeoutMs);
      members = await withTimeout(
        ctl.memberList(),
        timeoutMs,
        `member list from ${source.health.host}`
      );
      tools = await ctl.etcdTools();
      const voters = members.filter((m) => !m.isLearner);
      healthyUrls = new Set(
        voters.flatMap((m) => matchOf(m)?.health.healthy ? m.clientURLs : [])
      );
      const elsewhere = voters.filter((m) => !matchOf(m)).flatMap((m) => m.clientURLs.slice(0, 1));
      const answers = elsewhere.length ? await withTimeout(
        ctl.withEndpoints(elsewhere).endpointHealth(),
        timeoutMs,
        "endpoint health of the members outside the inventory"
      ) : [];
      for (const a of answers) if (a.healthy) healthyUrls.add(a.endpoint);
      break;
    } catch (err) {
      source.health.errors.push(`could not read the cluster's member list here: ${message(err)}`);
      members = [];
      healthyUrls = /* @__PURE__ */ new Set();
    }
  }
  if (healthySources.length === 0)
    progress.warn("No etcd member answered healthy: no member list, no quorum.");
  const fromNodes = etcd.find((p) => p.health.tools)?.health.tools;
  const matched = /* @__PURE__ */ new Set();
  for (const p of etcd) {
    const m = members.find(
      (x) => x.name !== "" && x.name === p.health.memberName || x.peerURLs.includes(p.health.peerUrl)
    );
    if (m) {
      p.health.isMember = true;
      p.health.memberId = m.id;
      p.health.isLearner = m.isLearner;
      matched.add(m.id);
    }
  }
  const verdict = quorumVerdict(members, healthyUrls, etcdHosts.length);
  const layout = etcd.find((p) => p.layout)?.layout ?? options.layout ?? layoutByName(access.layout === "auto" ? "kubespray" : access.layout);
  const health = {
    probedAt: (/* @__PURE__ */ new Date()).toISOString(),
    layout: layout.name,
    layoutDetected: etcd.some((p) => p.layout) || options.layout !== void 0 || access.layout !== "auto",
    paths: {
      etcdCertDir: layout.etcdCertDir,
      dataDir: layout.dataDir,
      kubernetesCertDirs: layout.kubernetesCertDirs,
      manifestsDir: layout.manifestsDir,
      ...layout.envFile ? { envFile: layout.envFile } : {},
      ...layout.etcdManifest ? { etcdManifest: layout.etcdManifest } : {}
    },
    toolsVersion: tools ? tools[tools.snapshotTool]?.raw ?? "" : fromNodes?.snapshotToolVersion ?? "",
    toolsBumpRevision: tools ? tools.supportsBumpRevision : etcd.length > 0 && etcd.every((p) => p.health.tools?.bumpRevision === true),
    members,
    ...verdict,
    unknownMembers: members.filter((m) => !matched.has(m.id)),
    etcd: etcd.map((p) => p.health),
    controlPlane
  };
  const clusterId = etcd.find((p) => p.clusterId && !p.health.lost)?.clusterId ?? etcd.find((p) => p.clusterId)?.clusterId;
  if (clusterId) health.clusterId = clusterId;
  const serverVersion = etcd.find((p) => p.health.serverVersion)?.health.serverVersion;
  if (serverVersion) health.serverVersion = serverVersion;
  for (const n of etcd)
    if (n.health.errors.length) progress.debug(`${n.health.host}: ${n.health.errors.join("; ")}`);
  return health;
}

export {
  decodeKeyValue,
  parseEnvLines,
  sectionLine,
  splitSections,
  defaultToolCommands,
  parseSemVer,
  EtcdCtl,
  etcdctlTakes,
  CONTROL_PLANE_CONTAINERS,
  hasKubeletService,
  KUBELET_CONFIG,
  KUBESPRAY_ETCD_UNIT,
  ADMIN_KUBECONFIG,
  kubesprayLayout,
  kubeadmLayout,
  layoutByName,
  detectLayout,
  peerURLOf,
  clientURLOf,
  memberUrls,
  clientTls,
  probeCluster
};
//# sourceMappingURL=chunk-5SPYDBEF.js.map
