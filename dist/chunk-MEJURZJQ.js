import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  require_dist
} from "./chunk-3LKIW73T.js";
import {
  InputError
} from "./chunk-ZIEKZMFP.js";
import {
  __toESM
} from "./chunk-DNO6I5HZ.js";

// src/inventory/document.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { extname } from "node:path";

// src/inventory/ansible-values.ts
var ShellSplitError = class extends Error {
};
function shellSplit(line) {
  const words = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "#") break;
    if (c === " " || c === "	" || c === "\r" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0)
        throw new ShellSplitError(`no closing quotation (') for the quote at column ${i + 1}`);
      word += line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (; ; ) {
        if (i >= line.length) throw new ShellSplitError('no closing quotation (") on this line');
        const d = line[i];
        if (d === '"') break;
        if (d === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (c === "\\") {
      if (i + 1 >= line.length)
        throw new ShellSplitError("a backslash ends the line with nothing to escape");
      word += line[i + 1];
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
var NotALiteral = class extends Error {
};
function literalEval(src) {
  let i = 0;
  const ws = () => {
    while (i < src.length && /[ \t]/.test(src[i])) i++;
    if (src[i] === "#") i = src.length;
  };
  const fail = () => {
    throw new NotALiteral();
  };
  const str2 = () => {
    let out = "";
    while (src[i] === "'" || src[i] === '"') {
      const q = src[i];
      const triple = src.startsWith(q.repeat(3), i);
      const close = triple ? q.repeat(3) : q;
      i += close.length;
      for (; ; ) {
        if (i >= src.length) fail();
        if (src.startsWith(close, i)) break;
        const c = src[i];
        if (c === "\\") {
          const e = src[i + 1];
          const simple = {
            n: "\n",
            t: "	",
            r: "\r",
            "\\": "\\",
            "'": "'",
            '"': '"',
            "0": "\0"
          };
          if (e in simple) {
            out += simple[e];
            i += 2;
          } else if (e === "x" || e === "u") {
            const n = e === "x" ? 2 : 4;
            const hex = src.slice(i + 2, i + 2 + n);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail();
            out += String.fromCharCode(Number.parseInt(hex, 16));
            i += 2 + n;
          } else {
            out += c;
            i++;
          }
          continue;
        }
        if (!triple && c === "\n") fail();
        out += c;
        i++;
      }
      i += close.length;
      ws();
    }
    return out;
  };
  const seq = (close) => {
    const items = [];
    ws();
    while (src[i] !== close) {
      items.push(value());
      ws();
      if (src[i] === ",") {
        i++;
        ws();
      } else if (src[i] !== close) fail();
    }
    i++;
    return items;
  };
  const value = () => {
    ws();
    const c = src[i];
    if (c === "'" || c === '"') return str2();
    if (c === "[") {
      i++;
      return seq("]");
    }
    if (c === "(") {
      i++;
      ws();
      if (src[i] === ")") {
        i++;
        return [];
      }
      const first = value();
      ws();
      if (src[i] === ")") {
        i++;
        return first;
      }
      if (src[i] !== ",") fail();
      i++;
      return [first, ...seq(")")];
    }
    if (c === "{") {
      i++;
      const obj = {};
      ws();
      while (src[i] !== "}") {
        const k = value();
        ws();
        if (src[i] !== ":") fail();
        i++;
        obj[String(k)] = value();
        ws();
        if (src[i] === ",") i++;
        else if (src[i] !== "}") fail();
        ws();
      }
      i++;
      return obj;
    }
    const m = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?\.?|True|False|None)/.exec(
      src.slice(i)
    );
    if (!m || m[0] === "" || /^[-+]$/.test(m[0])) fail();
    i += m[0].length;
    const word = m[0];
    if (word === "True") return true;
    if (word === "False") return false;
    if (word === "None") return null;
    const sign = word.startsWith("-") ? -1 : 1;
    const body = word.replace(/^[-+]/, "").replace(/_/g, "");
    if (/^0[xXoObB]/.test(body)) return sign * Number(body.toLowerCase());
    if (/^0+[1-9]/.test(body) && !/[.eE]/.test(body)) fail();
    return sign * Number(body);
  };
  const v = value();
  ws();
  if (i < src.length) fail();
  return v;
}
function parseAnsibleValue(raw) {
  try {
    return literalEval(raw.trim());
  } catch (err) {
    if (err instanceof NotALiteral) return raw.trim();
    throw err;
  }
}

// src/inventory/host-pattern.ts
var HostPatternError = class extends Error {
};
var RANGE = /^(.*?)\[([^\]:]*):([^\]:]*)(?::([^\]]*))?\](.*)$/;
function parseHostPattern(pattern) {
  let name = pattern;
  let port;
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(pattern);
  if (bracketed) {
    name = bracketed[1];
    if (bracketed[2] !== void 0) port = portOf(bracketed[2], pattern);
  } else {
    const withPort = /^((?:[^:[\]]|\[[^\]]*\])+):(\d+)$/.exec(pattern);
    if (withPort) {
      name = withPort[1];
      port = portOf(withPort[2], pattern);
    }
  }
  return { hosts: expandRanges(name), port };
}
function portOf(text, pattern) {
  const port = Number(text);
  if (port < 1 || port > 65535) {
    throw new HostPatternError(`port ${text} in '${pattern}' is not between 1 and 65535`);
  }
  return port;
}
function expandRanges(name) {
  const m = RANGE.exec(name);
  if (!m) {
    if (/[[\]]/.test(name)) {
      throw new HostPatternError(
        `'${name}' has a bracket that is not a range; a range looks like node[1:3] or node[a:c]`
      );
    }
    return [name];
  }
  const [, head, begText, endText, stepText, tail] = m;
  const step = stepText === void 0 || stepText === "" ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1) {
    throw new HostPatternError(`range step '${stepText}' in '${name}' is not a whole number \u2265 1`);
  }
  if (!head && !tail) throw new HostPatternError(`range '${name}' has no host name around it`);
  const items = [];
  if (/^[a-zA-Z]$/.test(begText) && /^[a-zA-Z]$/.test(endText)) {
    const b = begText.charCodeAt(0);
    const e = endText.charCodeAt(0);
    if (b > e)
      throw new HostPatternError(`range '${name}' runs backwards (${begText} > ${endText})`);
    for (let c = b; c <= e; c += step) items.push(String.fromCharCode(c));
  } else if (/^\d*$/.test(begText) && /^\d+$/.test(endText)) {
    const b = begText === "" ? 0 : Number(begText);
    const e = Number(endText);
    if (b > e) throw new HostPatternError(`range '${name}' runs backwards (${b} > ${e})`);
    if ((e - b) / step > 1e4) {
      throw new HostPatternError(`range '${name}' expands to more than 10000 hosts`);
    }
    const width = begText.startsWith("0") && begText.length > 1 ? begText.length : 0;
    for (let n = b; n <= e; n += step) items.push(String(n).padStart(width, "0"));
  } else {
    throw new HostPatternError(
      `range [${begText}:${endText}] in '${name}' must be numbers (node[1:3]) or single letters (node[a:c])`
    );
  }
  const hosts = items.flatMap((item) => expandRanges(`${head}${item}${tail}`));
  if (hosts.length > 1e4)
    throw new HostPatternError(`'${name}' expands to more than 10000 hosts`);
  return hosts;
}

// src/inventory/resolve.ts
var at = (w) => `${w.source}:${w.line}`;
var DeclaredInventory = class {
  constructor(source) {
    this.source = source;
  }
  source;
  groups = /* @__PURE__ */ new Map();
  hostOrder = [];
  hostVars = /* @__PURE__ */ new Map();
  /** Groups in the order Ansible creates them (a `:vars` section alone creates none). */
  definedOrder = [];
  group(name, where, defines = true) {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, hosts: [], children: [], childWhere: /* @__PURE__ */ new Map(), vars: {}, where, defined: false };
      if (name === "all" || name === "ungrouped") g.defined = true;
      this.groups.set(name, g);
    }
    if (defines && !g.defined) {
      g.defined = true;
      this.definedOrder.push(name);
    }
    return g;
  }
  addHost(groupName, host, vars, where) {
    if (!this.hostVars.has(host)) {
      this.hostOrder.push(host);
      this.hostVars.set(host, {});
    }
    Object.assign(this.hostVars.get(host), vars);
    if (groupName !== void 0) {
      const g = this.group(groupName, where);
      if (!g.hosts.includes(host)) g.hosts.push(host);
    }
  }
  addChild(parent, child, where) {
    const p = this.group(parent, where);
    this.group(child, where, true);
    if (!p.children.includes(child)) {
      p.children.push(child);
      p.childWhere.set(child, where);
    }
  }
};
var CONTROL_PLANE_GROUPS = ["kube_control_plane", "kube-master", "kube_master"];
function brokenControlPlaneGroupFor(controlPlaneGroup) {
  return controlPlaneGroup === "kube-master" ? "broken_kube-master" : "broken_kube_control_plane";
}
function checkCycles(declared) {
  const state = /* @__PURE__ */ new Map();
  const path = [];
  const visit = (name) => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const closing = declared.groups.get(cycle[cycle.length - 2]);
      const where = closing.childWhere.get(name);
      throw new InputError(
        `${at(where)}: groups form a cycle through their children: ${cycle.join(" \u2192 ")} (here [${closing.name}] lists ${name} as a child). A group cannot contain itself; remove one of these children entries.`
      );
    }
    state.set(name, "visiting");
    path.push(name);
    for (const child of declared.groups.get(name)?.children ?? []) visit(child);
    path.pop();
    state.set(name, "done");
  };
  for (const name of declared.groups.keys()) visit(name);
}
var unique = (xs) => [...new Set(xs)];
function resolveInventory(declared, format, text, layers = {}, checks = { memberNames: true }) {
  checkCycles(declared);
  for (const g of declared.groups.values()) {
    if (!g.defined && g.varsWhere) {
      throw new InputError(
        `${at(g.varsWhere)}: vars are given for group [${g.name}], but no section or children entry defines that group. Add a [${g.name}] section (it may be empty) or fix the group name.`
      );
    }
  }
  const parents = /* @__PURE__ */ new Map();
  for (const g of declared.groups.values()) {
    for (const c of g.children) parents.set(c, [...parents.get(c) ?? [], g.name]);
  }
  const depthMemo = /* @__PURE__ */ new Map();
  const depthOf = (name) => {
    if (name === "all") return 0;
    const known = depthMemo.get(name);
    if (known !== void 0) return known;
    const ps = (parents.get(name) ?? []).filter((p) => p !== "all");
    const d = ps.length === 0 ? 1 : Math.max(...ps.map(depthOf)) + 1;
    depthMemo.set(name, d);
    return d;
  };
  const allChildren = unique([
    "ungrouped",
    ...declared.groups.get("all")?.children ?? [],
    ...declared.definedOrder.filter((g) => g !== "all" && g !== "ungrouped" && !parents.has(g))
  ]);
  const childrenOf = (name) => name === "all" ? allChildren : declared.groups.get(name)?.children ?? [];
  const inSomeGroup = /* @__PURE__ */ new Set();
  for (const g of declared.groups.values()) {
    if (g.name !== "all" && g.name !== "ungrouped") for (const h of g.hosts) inSomeGroup.add(h);
  }
  const ungrouped = declared.hostOrder.filter((h) => !inSomeGroup.has(h));
  const directHosts = (name) => name === "ungrouped" ? ungrouped : declared.groups.get(name)?.hosts ?? [];
  const hostsOf = (name) => {
    const ordered = [name, ...childrenOf(name)];
    const seen = /* @__PURE__ */ new Set();
    let level = unique(childrenOf(name));
    while (level.length > 0) {
      for (const g of level) seen.add(g);
      const next = [];
      for (const g of level) {
        for (const c of childrenOf(g)) {
          next.push(c);
          if (!seen.has(c)) ordered.push(c);
        }
      }
      level = unique(next).filter((g) => !seen.has(g));
    }
    return unique(ordered.flatMap(directHosts));
  };
  const groups = /* @__PURE__ */ new Map();
  for (const name of ["all", "ungrouped", ...declared.groups.keys()]) {
    if (!groups.has(name)) groups.set(name, hostsOf(name));
  }
  const priorityOf = (name) => {
    const p = declared.groups.get(name)?.vars.ansible_group_priority;
    return typeof p === "number" ? p : 1;
  };
  const hosts = /* @__PURE__ */ new Map();
  for (const name of declared.hostOrder) {
    const memberOf = [...groups.keys()].filter((g) => g === "all" || groups.get(g).includes(name));
    memberOf.sort(
      (a, b) => depthOf(a) - depthOf(b) || priorityOf(a) - priorityOf(b) || (a < b ? -1 : a > b ? 1 : 0)
    );
    const vars = {};
    for (const g of memberOf) {
      const { ansible_group_priority: _, ...groupVars } = declared.groups.get(g)?.vars ?? {};
      Object.assign(vars, groupVars);
    }
    for (const g of memberOf) Object.assign(vars, layers.groupVarsFiles?.get(g));
    Object.assign(
      vars,
      declared.hostVars.get(name),
      layers.hostVarsFiles?.get(name),
      layers.extraVars
    );
    hosts.set(name, { name, vars });
  }
  const inventory = new ResolvedInventory(declared.source, format, hosts, groups, text, layers);
  if (checks.memberNames) inventory.checkEtcdMemberNames();
  return inventory;
}
var str = (v) => v === void 0 || v === null || v === "" ? void 0 : String(v);
var ResolvedInventory = class {
  constructor(source, format, hosts, groups, text, varLayers) {
    this.source = source;
    this.format = format;
    this.hosts = hosts;
    this.groups = groups;
    this.text = text;
    this.varLayers = varLayers;
  }
  source;
  format;
  hosts;
  groups;
  text;
  varLayers;
  get extraVars() {
    return this.varLayers.extraVars ?? {};
  }
  requireHost(host) {
    const h = this.hosts.get(host);
    if (!h) {
      throw new InputError(
        `host '${host}' is not in the inventory ${this.source} (it has: ${[...this.hosts.keys()].join(", ") || "no hosts"}).`
      );
    }
    return h;
  }
  /** Members with names, without the empty-group check: used by validation and the rewrite. */
  membersOrEmpty() {
    return (this.groups.get("etcd") ?? []).map((host, i) => {
      const vars = this.hosts.get(host).vars;
      const memberName = str(vars.etcd_member_name) ?? `etcd${i + 1}`;
      const address = str(vars.access_ip) ?? str(vars.ip) ?? str(vars.ansible_host) ?? host;
      return { host, memberName, address };
    });
  }
  checkEtcdMemberNames() {
    const byName2 = /* @__PURE__ */ new Map();
    for (const m of this.membersOrEmpty()) {
      const other = byName2.get(m.memberName);
      if (other) {
        throw new InputError(
          `${this.source}: etcd hosts '${other}' and '${m.host}' both have the etcd member name '${m.memberName}'. Each etcd member needs its own etcd_member_name (when unset, Kubespray uses etcd1\u2026etcdN by position in [etcd]); set it per host, not in group or extra vars.`
        );
      }
      byName2.set(m.memberName, m.host);
    }
  }
  etcdMembers() {
    const members = this.membersOrEmpty();
    if (members.length === 0) {
      throw new InputError(
        `${this.source}: the [etcd] group has no hosts. Kubespray needs the etcd members listed in [etcd] (directly, or through [etcd:children]).`
      );
    }
    return members;
  }
  controlPlaneGroup() {
    return CONTROL_PLANE_GROUPS.find((g) => this.groups.has(g));
  }
  controlPlane() {
    const g = this.controlPlaneGroup();
    return g ? [...this.groups.get(g)] : [];
  }
  brokenEtcd() {
    return [...this.groups.get("broken_etcd") ?? []];
  }
  brokenControlPlane() {
    const g = brokenControlPlaneGroupFor(this.controlPlaneGroup() ?? "kube_control_plane");
    return [...this.groups.get(g) ?? this.groups.get("broken_kube_control_plane") ?? []];
  }
  addressOf(host) {
    const v = this.requireHost(host).vars;
    return str(v.ansible_host) ?? str(v.access_ip) ?? str(v.ip) ?? host;
  }
  sshOf(host) {
    const v = this.requireHost(host).vars;
    const port = v.ansible_port === void 0 ? void 0 : Number(v.ansible_port);
    if (port !== void 0 && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new InputError(
        `${this.source}: ansible_port of host '${host}' is '${String(v.ansible_port)}', not a port number (1\u201365535).`
      );
    }
    return { user: str(v.ansible_user), port };
  }
};

// src/inventory/ini.ts
var HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
var GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;
function parseIni(text, source) {
  const declared = new DeclaredInventory(source);
  let group = "ungrouped";
  let type = "hosts";
  const lines = text.split("\n").map((raw, index) => {
    const where = { source, line: index + 1 };
    const fail = (what) => {
      throw new InputError(`${source}:${index + 1}: ${what}
  ${raw.trim()}`);
    };
    const line = raw.trim();
    if (line === "") return { kind: "blank", raw };
    if (line.startsWith("#") || line.startsWith(";")) return { kind: "comment", raw };
    const m = HEADER.exec(line);
    if (m || line.startsWith("[") && line.endsWith("]")) {
      if (!m) {
        fail(
          "this is not a valid section header; expected [group], [group:children] or [group:vars]."
        );
      }
      const sectionType = m[2] ?? "hosts";
      if (!["hosts", "children", "vars"].includes(sectionType)) {
        fail(`section [${m[1]}:${m[2]}] has an unknown type '${m[2]}'; use :children or :vars.`);
      }
      group = m[1];
      type = sectionType;
      if (type === "vars") {
        const g = declared.group(group, where, false);
        g.varsWhere ??= where;
      } else {
        declared.group(group, where);
      }
      return { kind: "header", raw, group, type };
    }
    if (type === "children") {
      const m2 = GROUP_NAME.exec(line);
      if (!m2) fail(`expected one group name in [${group}:children].`);
      declared.addChild(group, m2[1], where);
      return { kind: "child", raw, group, child: m2[1] };
    }
    if (type === "vars") {
      const eq = line.indexOf("=");
      if (eq <= 0) fail(`expected key=value in [${group}:vars].`);
      const key = line.slice(0, eq).trim();
      declared.group(group, where, false).vars[key] = parseAnsibleValue(line.slice(eq + 1));
      return { kind: "var", raw, group, key };
    }
    let words;
    try {
      words = shellSplit(line);
    } catch (err) {
      if (err instanceof ShellSplitError) fail(`cannot split this host line: ${err.message}.`);
      throw err;
    }
    if (words.length === 0) return { kind: "comment", raw };
    const [pattern, ...assignments] = words;
    const vars = {};
    for (const a of assignments) {
      const eq = a.indexOf("=");
      if (eq <= 0) {
        fail(
          `expected key=value after the host name, got '${a}' (quote values that contain spaces).`
        );
      }
      vars[a.slice(0, eq)] = parseAnsibleValue(a.slice(eq + 1));
    }
    let expanded;
    try {
      expanded = parseHostPattern(pattern);
    } catch (err) {
      if (err instanceof HostPatternError) fail(`bad host name: ${err.message}.`);
      throw err;
    }
    if (expanded.port !== void 0) vars.ansible_port = expanded.port;
    for (const host of expanded.hosts) {
      declared.addHost(group, host, vars, where);
    }
    return { kind: "host", raw, group, pattern, hosts: expanded.hosts };
  });
  return { lines, declared };
}
var joinLines = (lines) => lines.map((l) => l.raw).join("\n");
var eolTail = (text) => text.includes("\r\n") ? "\r" : "";
function iniWord(value) {
  return /^[A-Za-z0-9_.:/@%+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`;
}
function hostLineText(host, vars, cr) {
  return `${[host, ...Object.entries(vars).map(([k, v]) => `${k}=${iniWord(v)}`)].join(" ")}${cr}`;
}
function appendVars(raw, vars) {
  const cr = raw.endsWith("\r") ? "\r" : "";
  const body = cr ? raw.slice(0, -1) : raw;
  let end = body.length;
  let quote = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "\\") {
      i++;
    } else if (c === "#") {
      end = i;
      break;
    }
  }
  const content = body.slice(0, end).trimEnd();
  const extra = Object.entries(vars).map(([k, v]) => ` ${k}=${iniWord(v)}`).join("");
  return `${content}${extra}${body.slice(content.length)}${cr}`;
}
var isSection = (l, group, type) => l.kind === "header" && l.group === group && l.type === type;
function iniMoveHostFirst(text, source, group, host, addVars) {
  const { lines } = parseIni(text, source);
  const cr = eolTail(text);
  const header = lines.findIndex((l) => isSection(l, group, "hosts"));
  const own = lines.findIndex(
    (l) => l.kind === "host" && l.group === group && l.hosts.length === 1 && l.hosts[0] === host
  );
  if (header < 0) {
    const children = lines.findIndex((l) => isSection(l, group, "children"));
    const block = [
      { kind: "header", raw: `[${group}]${cr}`, group, type: "hosts" },
      { kind: "host", raw: hostLineText(host, addVars, cr), group, pattern: host, hosts: [host] },
      { kind: "blank", raw: cr }
    ];
    if (children < 0) return appendSection(lines, block, cr);
    lines.splice(children, 0, ...block);
    return joinLines(lines);
  }
  let firstHost = header + 1;
  while (firstHost < lines.length && lines[firstHost].kind !== "header") {
    if (lines[firstHost].kind === "host") break;
    firstHost++;
  }
  const firstIsHost = firstHost < lines.length && lines[firstHost].kind === "host";
  const insertAt = firstIsHost ? firstHost : header + 1;
  if (own === insertAt) {
    lines[own] = { ...lines[own], raw: appendVars(lines[own].raw, addVars) };
    return joinLines(lines);
  }
  let moved;
  if (own >= 0) {
    const raw = appendVars(lines[own].raw, addVars);
    moved = { ...lines[own], raw: cr && !raw.endsWith(cr) ? `${raw}${cr}` : raw };
    lines.splice(own, 1);
  } else {
    moved = {
      kind: "host",
      raw: hostLineText(host, addVars, cr),
      group,
      pattern: host,
      hosts: [host]
    };
  }
  lines.splice(own >= 0 && own < insertAt ? insertAt - 1 : insertAt, 0, moved);
  return joinLines(lines);
}
function appendSection(lines, block, cr) {
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1].raw === "";
  if (endsWithNewline) lines.pop();
  const last = lines[lines.length - 1];
  const needsGap = last !== void 0 && last.kind !== "blank";
  const tail = block[block.length - 1]?.kind === "blank" ? block.slice(0, -1) : block;
  const out = [...lines, ...needsGap ? [{ kind: "blank", raw: cr }] : [], ...tail];
  return `${joinLines(out)}
`;
}
function iniSetGroupHosts(text, source, group, entries) {
  const { lines } = parseIni(text, source);
  const cr = eolTail(text);
  const fresh = entries.map((e) => ({
    kind: "host",
    raw: hostLineText(e.host, e.vars, cr),
    group,
    pattern: e.host,
    hosts: [e.host]
  }));
  const header = lines.findIndex((l) => isSection(l, group, "hosts"));
  if (header < 0) {
    return appendSection(
      lines,
      [{ kind: "header", raw: `[${group}]${cr}`, group, type: "hosts" }, ...fresh],
      cr
    );
  }
  const firstOld = lines.findIndex((l) => l.kind === "host" && l.group === group);
  const kept = lines.filter((l) => !(l.kind === "host" && l.group === group));
  const at2 = firstOld >= 0 && firstOld > header ? firstOld : header + 1;
  kept.splice(at2, 0, ...fresh);
  return joinLines(kept);
}
function iniSetHostVars(text, source, host, vars) {
  const { lines } = parseIni(text, source);
  const i = lines.findIndex(
    (l) => l.kind === "host" && l.hosts.length === 1 && l.hosts[0] === host
  );
  if (i < 0) {
    throw new InputError(
      `${source}: host '${host}' has no line of its own to set ${Object.keys(vars).join(", ")} on (is it only in a range?). Add it by hand.`
    );
  }
  lines[i] = { ...lines[i], raw: appendVars(lines[i].raw, vars) };
  return joinLines(lines);
}

// src/inventory/yaml.ts
var import_yaml = __toESM(require_dist(), 1);

// src/inventory/ansible-yaml.ts
var pyyamlBool = {
  identify: (v) => typeof v === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (s) => /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s)
};
var ANSIBLE_YAML = {
  merge: true,
  customTags: (tags) => [pyyamlBool, ...tags]
};

// src/inventory/yaml.ts
var keyText = (key) => typeof key.value === "string" ? key.value : key.source ?? String(key.value);
function parseYaml(text, source) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, {
    ...ANSIBLE_YAML,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: true
  });
  const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line ?? 1;
    throw new InputError(
      `${source}:${line}: this is not valid YAML: ${firstError.message.split("\n")[0]}`
    );
  }
  const declared = new DeclaredInventory(source);
  const groupNodes = [];
  const resolveAlias = (node) => (0, import_yaml.isAlias)(node) ? node.resolve(doc) ?? null : node;
  const root = doc.contents;
  if (root === null || (0, import_yaml.isScalar)(root) && root.value === null) {
    return { declared, groupNodes, lineCounter };
  }
  const shape = (node, what, expected) => {
    throw new InputError(
      `${source}:${lineOf(node)}: ${what} must be ${expected}, but it is ${describe(node)}. A Kubespray hosts.yaml looks like: all: {hosts: {node1: {ansible_host: \u2026}}, children: {etcd: {hosts: {node1: }}}}.`
    );
  };
  if (!(0, import_yaml.isMap)(root)) shape(root, "the top level of an inventory", "a mapping of group names");
  const keyOf = (pair, what) => {
    if (!(0, import_yaml.isScalar)(pair.key) || pair.key.value === null || typeof pair.key.value === "object") {
      shape(pair.key, what, "a plain name");
    }
    return keyText(pair.key);
  };
  const walkGroup = (name, pair, parent) => {
    const where = { source, line: lineOf(pair.key) };
    declared.group(name, where);
    const node = pair.value;
    const entry = { name, pair, parent };
    groupNodes.push(entry);
    if (node === null || (0, import_yaml.isScalar)(node) && node.value === null) return;
    if (!(0, import_yaml.isMap)(node)) shape(node, `group '${name}'`, "a mapping with hosts, children or vars");
    entry.map = node;
    for (const item of node.items) {
      const key = keyOf(item, `a key of group '${name}'`);
      const value = item.value;
      const empty = value === null || (0, import_yaml.isScalar)(value) && value.value === null;
      if (key === "hosts") {
        if (empty) continue;
        if ((0, import_yaml.isScalar)(value) && typeof value.value === "string" && !/\s/.test(value.value)) {
          declared.addHost(name, value.value, {}, { source, line: lineOf(value) });
          continue;
        }
        if (!(0, import_yaml.isMap)(value)) {
          shape(value, `hosts of group '${name}'`, "a mapping with one `name:` entry per host");
        }
        entry.hosts = value;
        for (const h of value.items) {
          const pattern = keyOf(h, `a host of group '${name}'`);
          const hv = resolveAlias(h.value);
          let vars = {};
          if (hv !== null && !((0, import_yaml.isScalar)(hv) && hv.value === null)) {
            if (!(0, import_yaml.isMap)(hv)) shape(hv, `the vars of host '${pattern}'`, "a mapping (or empty)");
            vars = hv.toJS(doc);
          }
          let hosts;
          try {
            const parsed = parseHostPattern(pattern);
            hosts = parsed.hosts;
            if (parsed.port !== void 0) vars = { ...vars, ansible_port: parsed.port };
          } catch (err) {
            if (err instanceof HostPatternError) {
              throw new InputError(
                `${source}:${lineOf(h.key)}: bad host name: ${err.message}.`
              );
            }
            throw err;
          }
          for (const host of hosts) {
            declared.addHost(name, host, vars, { source, line: lineOf(h.key) });
          }
        }
      } else if (key === "children") {
        if (empty) continue;
        if (!(0, import_yaml.isMap)(value)) shape(value, `children of group '${name}'`, "a mapping of group names");
        for (const c of value.items) {
          const child = keyOf(c, `a child group of '${name}'`);
          declared.addChild(name, child, { source, line: lineOf(c.key) });
          walkGroup(child, c, value);
        }
      } else if (key === "vars") {
        if (empty) continue;
        const vars = resolveAlias(value);
        if (!(0, import_yaml.isMap)(vars)) shape(vars, `vars of group '${name}'`, "a mapping of variable names");
        Object.assign(declared.group(name, where).vars, vars.toJS(doc));
      } else {
        throw new InputError(
          `${source}:${lineOf(item.key)}: group '${name}' has the key '${key}'; only hosts, children and vars belong there. If '${key}' is a host, put it under '${name}: {hosts: {${key}: }}'.`
        );
      }
    }
  };
  for (const pair of root.items) {
    walkGroup(keyOf(pair, "a top-level key"), pair, root);
  }
  return { declared, root, groupNodes, lineCounter };
}
function describe(node) {
  if (node === null || node === void 0) return "empty";
  if ((0, import_yaml.isMap)(node)) return "a mapping";
  if ((0, import_yaml.isScalar)(node)) return `the value '${String(node.value)}'`;
  return "a list";
}
var RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
function yamlScalar(value) {
  return /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}
var LineEditor = class {
  constructor(text, lc) {
    this.lc = lc;
    this.lines = text.split("\n");
  }
  lc;
  lines;
  /** 0-based line and column of an offset. */
  pos(offset) {
    const p = this.lc.linePos(offset);
    return { line: p.line - 1, col: p.col - 1 };
  }
  /** End (exclusive) of the block that starts at `line` with its key at `col`. */
  blockEnd(line, col) {
    let last = line;
    for (let i = line + 1; i < this.lines.length; i++) {
      const l = this.lines[i].replace(/\r$/, "");
      const trimmed = l.trimStart();
      if (trimmed === "" || trimmed.startsWith("#")) continue;
      if (l.length - trimmed.length <= col) break;
      last = i;
    }
    return last + 1;
  }
  get cr() {
    return this.lines.some((l) => l.endsWith("\r")) ? "\r" : "";
  }
  text() {
    return this.lines.join("\n");
  }
};
var keyStart = (pair) => pair.key.range[0];
function indentStep(parsed, ed) {
  for (const g of parsed.groupNodes) {
    const first = g.map?.items[0];
    if (g.map && !g.map.flow && first) {
      const step = ed.pos(keyStart(first)).col - ed.pos(keyStart(g.pair)).col;
      if (step > 0) return step;
    }
  }
  return 2;
}
function cannotEdit(source, ed, node, why) {
  throw new InputError(
    `${source}:${ed.pos(node.range[0]).line + 1}: cannot rewrite this inventory in place: ${why}. Write that part in block style (one key per line) and run again.`
  );
}
function hostEntryLines(col, step, host, vars, cr) {
  const pad = " ".repeat(col);
  return [
    `${pad}${yamlScalar(host)}:${cr}`,
    ...Object.entries(vars).map(([k, v]) => `${pad}${" ".repeat(step)}${k}: ${yamlScalar(v)}${cr}`)
  ];
}
function findHostPair(map, host) {
  const index = map?.items.findIndex((p) => (0, import_yaml.isScalar)(p.key) && keyText(p.key) === host) ?? -1;
  return index >= 0 ? { pair: map.items[index], index } : void 0;
}
function yamlSetHostVars(text, source, group, host, vars) {
  const parsed = parseYaml(text, source);
  const ed = new LineEditor(text, parsed.lineCounter);
  const found = parsed.groupNodes.filter((g) => group === void 0 || g.name === group).map((g) => findHostPair(g.hosts, host)).find((f) => f !== void 0);
  if (!found) {
    throw new InputError(
      `${source}: host '${host}' has no entry of its own to set ${Object.keys(vars).join(", ")} on (is it only in a range?). Add it by hand.`
    );
  }
  const { pair } = found;
  const value = pair.value;
  const entries = Object.entries(vars);
  const keyPos = ed.pos(keyStart(pair));
  if (value === null || (0, import_yaml.isScalar)(value) && value.value === null) {
    if (value && value.range[0] !== value.range[1]) {
      const at2 = ed.pos(value.range[0]);
      const line = ed.lines[at2.line];
      ed.lines[at2.line] = line.slice(0, at2.col) + line.slice(at2.col + value.range[1] - value.range[0]);
    }
    const step = indentStep(parsed, ed);
    const add = entries.map(
      ([k, v]) => `${" ".repeat(keyPos.col + step)}${k}: ${yamlScalar(v)}${ed.cr}`
    );
    ed.lines.splice(keyPos.line + 1, 0, ...add);
    return ed.text();
  }
  if ((0, import_yaml.isMap)(value) && value.flow) {
    const at2 = value.range[0] + 1;
    const add = entries.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(", ");
    return `${text.slice(0, at2)}${add}${value.items.length > 0 ? ", " : ""}${text.slice(at2)}`;
  }
  if ((0, import_yaml.isMap)(value) && value.items.length > 0) {
    const first = ed.pos(keyStart(value.items[0]));
    const add = entries.map(([k, v]) => `${" ".repeat(first.col)}${k}: ${yamlScalar(v)}${ed.cr}`);
    ed.lines.splice(first.line, 0, ...add);
    return ed.text();
  }
  return cannotEdit(
    source,
    ed,
    value,
    `host '${host}' has a value that is neither empty nor a mapping`
  );
}
function yamlMoveHostFirst(text, source, group, host, addVars) {
  let parsed = parseYaml(text, source);
  const occurrences = () => parsed.groupNodes.filter((g2) => g2.name === group);
  const firstWithHosts = () => occurrences().find((g2) => (g2.hosts?.items.length ?? 0) > 0);
  const target = firstWithHosts();
  const own = findHostPair(target?.hosts, host);
  if (own && Object.keys(addVars).length > 0) {
    text = yamlSetHostVars(text, source, group, host, addVars);
    parsed = parseYaml(text, source);
  }
  const ed = new LineEditor(text, parsed.lineCounter);
  const step = indentStep(parsed, ed);
  const t = firstWithHosts();
  if (own && t?.hosts) {
    const { index, pair } = findHostPair(t.hosts, host);
    if (index === 0) return text;
    if (t.hosts.flow) cannotEdit(source, ed, t.hosts, `the hosts of [${group}] are a flow mapping`);
    const from = ed.pos(keyStart(pair));
    const to = ed.pos(keyStart(t.hosts.items[0])).line;
    const block = ed.lines.splice(from.line, ed.blockEnd(from.line, from.col) - from.line);
    ed.lines.splice(to, 0, ...block);
    return ed.text();
  }
  if (t?.hosts) {
    if (t.hosts.flow) {
      const at2 = t.hosts.range[0] + 1;
      const vars = Object.entries(addVars).map(([k, v]) => `${k}: ${yamlScalar(v)}`);
      const entry = `${yamlScalar(host)}: ${vars.length ? `{${vars.join(", ")}}` : "null"}, `;
      return `${text.slice(0, at2)}${entry}${text.slice(at2)}`;
    }
    const first2 = ed.pos(keyStart(t.hosts.items[0]));
    ed.lines.splice(first2.line, 0, ...hostEntryLines(first2.col, step, host, addVars, ed.cr));
    return ed.text();
  }
  const g = occurrences().find((o) => o.map && !o.map.flow && o.map.items.length > 0);
  if (!g?.map) {
    const any = occurrences()[0];
    if (!any)
      throw new InputError(`${source}: there is no group '${group}' to put '${host}' into.`);
    return cannotEdit(
      source,
      ed,
      any.pair.key,
      `group '${group}' is empty or a flow mapping`
    );
  }
  const first = ed.pos(keyStart(g.map.items[0]));
  ed.lines.splice(
    first.line,
    0,
    `${" ".repeat(first.col)}hosts:${ed.cr}`,
    ...hostEntryLines(first.col + step, step, host, addVars, ed.cr)
  );
  return ed.text();
}
function yamlSetGroupHosts(text, source, group, entries) {
  const parsed = parseYaml(text, source);
  const ed = new LineEditor(text, parsed.lineCounter);
  const step = indentStep(parsed, ed);
  const block = (col) => {
    const pad = " ".repeat(col);
    return [
      `${pad}${yamlScalar(group)}:${ed.cr}`,
      `${pad}${" ".repeat(step)}hosts:${entries.length === 0 ? " {}" : ""}${ed.cr}`,
      ...entries.flatMap((e) => hostEntryLines(col + 2 * step, step, e.host, e.vars, ed.cr))
    ];
  };
  const existing = parsed.groupNodes.find((g) => g.name === group);
  if (existing) {
    if (existing.parent.flow) {
      cannotEdit(source, ed, existing.parent, `group '${group}' sits in a flow mapping`);
    }
    const at2 = ed.pos(keyStart(existing.pair));
    ed.lines.splice(at2.line, ed.blockEnd(at2.line, at2.col) - at2.line, ...block(at2.col));
    return ed.text();
  }
  const all = parsed.groupNodes.find((g) => g.name === "all" && g.parent === parsed.root);
  const children = all?.map?.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === "children")?.value;
  const container = (0, import_yaml.isMap)(children) && !children.flow && children.items.length > 0 ? children : parsed.root;
  if (!container || container.items.length === 0) {
    throw new InputError(`${source}: the inventory has no groups to add [${group}] next to.`);
  }
  if (container.flow) cannotEdit(source, ed, container, "the top level is a flow mapping");
  const last = ed.pos(keyStart(container.items[container.items.length - 1]));
  const end = ed.blockEnd(last.line, last.col);
  const first = ed.pos(keyStart(container.items[0]));
  if (end === ed.lines.length && ed.lines[end - 1] !== "") ed.lines.push("");
  const insertAt = end === ed.lines.length ? end - 1 : end;
  ed.lines.splice(insertAt, 0, ...block(first.col));
  return ed.text();
}

// src/inventory/document.ts
var INI_HEADER = /^\s*\[[^\]\s]+\]\s*(#.*)?$/;
var YAML_KEY = /^[^\s#;[][^=]*:(\s|$)/;
function detectFormat(text, source) {
  const ext = extname(source).toLowerCase();
  if (ext === ".yaml" || ext === ".yml" || ext === ".json") return "yaml";
  if (ext === ".ini" || ext === ".cfg") return "ini";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (INI_HEADER.test(line)) return "ini";
    if (line === "---" || line.startsWith("{") || YAML_KEY.test(line)) return "yaml";
    return "ini";
  }
  return "ini";
}
function parseInventoryDocument(text, source, format = detectFormat(text, source)) {
  if (format === "ini") {
    const { lines, declared: declared2 } = parseIni(text, source);
    return { format, source, lines, declared: declared2 };
  }
  const { declared } = parseYaml(text, source);
  return { format, source, tokens: [...new import_yaml2.Parser().parse(text)], declared };
}
function writeInventoryDocument(doc) {
  if (doc.format === "ini") return doc.lines.map((l) => l.raw).join("\n");
  return doc.tokens.map((t) => import_yaml2.CST.stringify(t)).join("");
}
function parseInventory(text, source, format, layers = {}) {
  const doc = parseInventoryDocument(text, source, format);
  return resolveInventory(doc.declared, doc.format, text, layers);
}

// src/inventory/load.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";

// src/inventory/node-values.ts
import { isIP } from "node:net";
var LABEL = "[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?";
var DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
var NAME = {
  form: "letters, digits, '-', '_' and '.' (starting with a letter or digit)",
  ok: (v) => v.length <= 253 && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)
};
var ADDRESS = {
  form: "an IPv4 or IPv6 address or a DNS name",
  ok: (v) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v))
};
var RULES = {
  etcd_member_name: NAME,
  kube_override_hostname: NAME,
  ansible_host: ADDRESS,
  access_ip: ADDRESS,
  ip: ADDRESS,
  ansible_port: {
    form: "a port number (1\u201365535)",
    ok: (v) => /^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535
  },
  ansible_user: {
    form: "a login name (letters, digits, '-', '_' and '.', not starting with '-')",
    ok: (v) => v.length <= 64 && /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(v)
  }
};
function shown(value) {
  const json = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}\u2026` : value);
  return json;
}
function whatIsWrong(value) {
  if (/[\r\n]/.test(value)) return "it contains a line break";
  if (/[\p{Cc}]/u.test(value)) return "it contains a control character";
  if (/\s/.test(value)) return "it contains white space";
  const bad = [...value].find((c) => /[`$"'\\;&|<>(){}*?!#~,=[\]]/.test(c));
  if (bad) return `it contains '${bad}'`;
  return "it is not of that form";
}
function whereSet(inventory, host, variable) {
  const layers = inventory.varLayers;
  if (layers.extraVars && variable in layers.extraVars) return "the extra-vars file (-e @file)";
  if (layers.hostVarsFiles?.get(host) && variable in layers.hostVarsFiles.get(host)) {
    return `host_vars/${host} beside ${inventory.source}`;
  }
  for (const [group, vars] of layers.groupVarsFiles ?? []) {
    if (variable in vars && (group === "all" || inventory.groups.get(group)?.includes(host))) {
      return `group_vars/${group} beside ${inventory.source}`;
    }
  }
  return inventory.source;
}
function checkNodeValues(inventory) {
  const hosts = /* @__PURE__ */ new Set([
    ...inventory.groups.get("etcd") ?? [],
    ...inventory.controlPlane(),
    ...inventory.brokenEtcd(),
    ...inventory.brokenControlPlane()
  ]);
  for (const host of hosts) {
    if (!NAME.ok(host) && isIP(host) === 0) {
      throw new InputError(
        `${inventory.source}: the host name ${shown(host)} cannot be used: ${whatIsWrong(host)}. A host name may hold ${NAME.form}, or be an IP address; it names certificate files and members on the nodes.`
      );
    }
    const vars = inventory.hosts.get(host)?.vars ?? {};
    for (const [variable, rule] of Object.entries(RULES)) {
      const raw = vars[variable];
      if (raw === void 0 || raw === null || raw === "") continue;
      const value = String(raw);
      if (typeof raw === "object" || !rule.ok(value)) {
        throw new InputError(
          `host '${host}': ${variable} is ${shown(typeof raw === "object" ? JSON.stringify(raw) : value)}, which cannot be used: ${typeof raw === "object" ? "it is not a single value" : whatIsWrong(value)}. ${variable} must be ${rule.form}. Fix it in ${whereSet(inventory, host, variable)}.`
        );
      }
    }
  }
}

// src/inventory/vars-files.ts
import { readdir, stat } from "node:fs/promises";
import { dirname, extname as extname2, join } from "node:path";
var VARS_EXTENSIONS = ["", ".yml", ".yaml", ".json"];
var byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
async function isDirectory(path) {
  return (await stat(path).catch(() => void 0))?.isDirectory() ?? false;
}
async function filesUnder(dir) {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  const files = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...await filesUnder(path));
    else if (VARS_EXTENSIONS.includes(extname2(e.name))) files.push(path);
  }
  return files;
}
async function readVarsDirectory(root, readVarsFile2) {
  const result = /* @__PURE__ */ new Map();
  if (!await isDirectory(root)) return result;
  const entries = (await readdir(root, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join(root, e.name);
    let name = e.name;
    let files;
    if (e.isDirectory()) {
      files = await filesUnder(path);
    } else {
      const ext = extname2(e.name);
      if (!VARS_EXTENSIONS.includes(ext)) continue;
      name = e.name.slice(0, e.name.length - ext.length);
      files = [path];
    }
    const vars = result.get(name) ?? {};
    for (const file of files) Object.assign(vars, await readVarsFile2(file));
    result.set(name, vars);
  }
  return result;
}
async function readVarsDirectories(inventoryPath, readVarsFile2) {
  const dir = dirname(inventoryPath);
  return {
    groupVarsFiles: await readVarsDirectory(join(dir, "group_vars"), readVarsFile2),
    hostVarsFiles: await readVarsDirectory(join(dir, "host_vars"), readVarsFile2)
  };
}

// src/inventory/load.ts
async function readText(path, what) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    const code = err.code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(err);
    throw new InputError(`cannot read the ${what} ${path}: ${why}.`, { cause: err });
  }
}
async function readVarsFile(path, what) {
  const text = await readText(path, what);
  const lineCounter = new import_yaml4.LineCounter();
  const doc = (0, import_yaml4.parseDocument)(text, { ...ANSIBLE_YAML, lineCounter, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    throw new InputError(
      `${path}:${err.linePos?.[0].line ?? 1}: this ${what} is not valid YAML: ${err.message.split("\n")[0]}`
    );
  }
  if (doc.contents === null) return {};
  if (!(0, import_yaml4.isMap)(doc.contents)) {
    throw new InputError(
      `${path}: a ${what} must be a mapping of variable names (like 'etcd_retries: 10'), not a list or a single value.`
    );
  }
  return doc.toJS();
}
async function readExtraVars(file) {
  return readVarsFile(file.startsWith("@") ? file.slice(1) : file, "extra-vars file");
}
async function loadInventory(path, options = {}) {
  const text = await readText(path, "inventory");
  const extraVars = {};
  for (const file of options.extraVars ?? []) Object.assign(extraVars, await readExtraVars(file));
  const dirs = options.varsDirectories === false ? {} : await readVarsDirectories(path, (file) => readVarsFile(file, "vars file"));
  const inventory = parseInventory(text, path, void 0, { ...dirs, extraVars });
  if (options.nodeValues !== false) checkNodeValues(inventory);
  return inventory;
}

// src/inventory/recovery-rewrite.ts
function unpack(input, o) {
  if (typeof input === "string") {
    return {
      text: input,
      source: o.source ?? "inventory",
      format: o.format,
      layers: { extraVars: o.extraVars }
    };
  }
  if ("declared" in input) {
    return {
      text: writeInventoryDocument(input),
      source: input.source,
      format: input.format,
      layers: { extraVars: o.extraVars }
    };
  }
  return { text: input.text, source: input.source, format: input.format, layers: input.varLayers };
}
var unique2 = (xs) => [...new Set(xs)];
var keepingOrderOf = (existing, wanted) => [
  ...existing.filter((h) => wanted.includes(h)),
  ...wanted.filter((h) => !existing.includes(h))
];
function recoveryRewrite(input, options) {
  const { text, source, format: givenFormat, layers } = unpack(input, options);
  const inv = parseInventory(text, source, givenFormat, layers);
  const format = inv.format;
  const brokenEtcd = unique2(options.brokenEtcd);
  const brokenCp = unique2(options.brokenControlPlane);
  const cpGroup = CONTROL_PLANE_GROUPS.find((g) => inv.groups.has(g));
  const cp = cpGroup ? inv.groups.get(cpGroup) : [];
  const checkHosts = (hosts, flag, group, members2) => {
    for (const h of hosts) {
      if (!inv.hosts.has(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not a host in ${source} (its hosts: ${[...inv.hosts.keys()].join(", ") || "none"}). Use the inventory hostname.`
        );
      }
      if (!members2.includes(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not in [${group}] of ${source} ([${group}] has: ${members2.join(", ") || "no hosts"}).`
        );
      }
    }
  };
  const members = inv.etcdMembers();
  const names = new Map(members.map((m) => [m.host, m.memberName]));
  const membersNow = (t) => {
    const doc = parseInventoryDocument(t, source, format);
    return resolveInventory(doc.declared, format, t, layers, {
      memberNames: false
    }).etcdMembers();
  };
  checkHosts(
    brokenEtcd,
    "--broken-etcd",
    "etcd",
    members.map((m) => m.host)
  );
  checkHosts(brokenCp, "--broken-control-plane", cpGroup ?? "kube_control_plane", cp);
  const healthyEtcd = members.find((m) => !brokenEtcd.includes(m.host));
  if (!healthyEtcd && !options.etcdSnapshot) {
    throw new InputError(
      `every etcd member in ${source} (${members.map((m) => m.host).join(", ")}) is listed as broken, so no member holds the data to recover from. Recovery then needs an etcd snapshot: put \`etcd_snapshot: /path/to/etcd-snapshot.db\` in an extra-vars file and pass it with -e @that-file (ansible-playbook takes the same -e etcd_snapshot=\u2026), or let \`kube-rescue restore --backup BACKUP\` restore from a kube-rescue backup.`
    );
  }
  const firstEtcd = healthyEtcd ?? members[0];
  const explicitName = inv.hosts.get(firstEtcd.host).vars.etcd_member_name;
  const etcdVars = explicitName === void 0 || explicitName === null || explicitName === "" ? { etcd_member_name: firstEtcd.memberName } : {};
  const move = format === "ini" ? iniMoveHostFirst : yamlMoveHostFirst;
  const setHosts = format === "ini" ? iniSetGroupHosts : yamlSetGroupHosts;
  const setVars = (t, host, vars) => format === "ini" ? iniSetHostVars(t, source, host, vars) : yamlSetHostVars(t, source, void 0, host, vars);
  let out = text;
  const firstCp = cp.find((h) => !brokenCp.includes(h));
  if (cpGroup && firstCp && firstCp !== cp[0]) out = move(out, source, cpGroup, firstCp, {});
  if (firstEtcd.host !== membersNow(out)[0].host || Object.keys(etcdVars).length > 0) {
    out = move(out, source, "etcd", firstEtcd.host, etcdVars);
  }
  const shifted = new Map(membersNow(out).map((m) => [m.host, m.memberName]));
  for (const m of members) {
    if (!brokenEtcd.includes(m.host) && shifted.get(m.host) !== m.memberName) {
      out = setVars(out, m.host, { etcd_member_name: m.memberName });
    }
  }
  const brokenEtcdEntries = keepingOrderOf(
    inv.brokenEtcd(),
    members.filter((m) => brokenEtcd.includes(m.host)).map((m) => m.host)
  ).map((host) => ({ host, vars: { etcd_member_name: names.get(host) } }));
  out = setHosts(out, source, "broken_etcd", brokenEtcdEntries);
  const brokenCpGroup = brokenControlPlaneGroupFor(cpGroup ?? "kube_control_plane");
  const brokenCpEntries = keepingOrderOf(
    inv.brokenControlPlane(),
    cp.filter((h) => brokenCp.includes(h))
  ).map((host) => ({ host, vars: {} }));
  out = setHosts(out, source, brokenCpGroup, brokenCpEntries);
  checkRewrite(inv, out, {
    firstEtcd: firstEtcd.host,
    firstCp: firstCp ?? cp[0],
    cpGroup,
    brokenCpGroup,
    brokenEtcd: brokenEtcdEntries.map((e) => e.host),
    brokenCp: brokenCpEntries.map((e) => e.host)
  });
  return out;
}
function checkRewrite(before, text, want) {
  const after = parseInventory(text, before.source, before.format, before.varLayers);
  const problems = [];
  const names = new Map(after.etcdMembers().map((m) => [m.host, m.memberName]));
  for (const m of before.etcdMembers()) {
    const now = names.get(m.host);
    if (now !== m.memberName) {
      problems.push(
        `etcd host '${m.host}' would be member '${now ?? "(none)"}' instead of '${m.memberName}'`
      );
    }
  }
  if (names.size !== before.etcdMembers().length)
    problems.push("the set of etcd hosts would change");
  if (after.etcdMembers()[0].host !== want.firstEtcd) {
    problems.push(
      `[etcd] would start with '${after.etcdMembers()[0].host}', not '${want.firstEtcd}'`
    );
  }
  if (want.cpGroup && after.groups.get(want.cpGroup)?.[0] !== want.firstCp) {
    problems.push(`[${want.cpGroup}] would not start with '${want.firstCp}'`);
  }
  const same = (a, b) => JSON.stringify(a ?? []) === JSON.stringify(b);
  if (!same(after.groups.get("broken_etcd"), want.brokenEtcd)) {
    problems.push(
      `[broken_etcd] would hold ${JSON.stringify(after.groups.get("broken_etcd") ?? [])}`
    );
  }
  if (!same(after.groups.get(want.brokenCpGroup), want.brokenCp)) {
    problems.push(
      `[${want.brokenCpGroup}] would hold ${JSON.stringify(after.groups.get(want.brokenCpGroup) ?? [])}`
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `${before.source}: the recovery inventory cannot be written safely from this file: ${problems.join("; ")}. This comes from how the file defines these groups (for example [broken_etcd:children] or host ranges); edit it by hand as the Kubespray recovery runbook describes, or simplify those groups and run again.`
    );
  }
}

export {
  CONTROL_PLANE_GROUPS,
  detectFormat,
  parseInventoryDocument,
  writeInventoryDocument,
  parseInventory,
  readExtraVars,
  loadInventory,
  recoveryRewrite
};
//# sourceMappingURL=chunk-MEJURZJQ.js.map
