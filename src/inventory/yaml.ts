import {
  isAlias,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { InputError } from '../errors.js';
import { ANSIBLE_YAML } from './ansible-yaml.js';
import { HostPatternError, parseHostPattern } from './host-pattern.js';
import { DeclaredInventory } from './resolve.js';
import type { HostVars } from './types.js';

/**
 * Ansible's YAML inventory (hosts.yaml): `all: {hosts, children, vars}` with nested children.
 * Rewrites splice lines of the original text (located through the parsed document), so
 * comments, spacing and flow style elsewhere survive untouched.
 */

type KeyedPair = Pair<Scalar, unknown>;

/** One place in the document where a group is written (a group may appear several times). */
export interface GroupNode {
  name: string;
  pair: KeyedPair;
  /** The group's mapping, or undefined when written as `group:` with nothing under it. */
  map?: YAMLMap;
  /** The mapping that holds this group's key: the root, or some group's `children`. */
  parent: YAMLMap;
  hosts?: YAMLMap;
}

export interface ParsedYaml {
  declared: DeclaredInventory;
  root?: YAMLMap;
  groupNodes: GroupNode[];
  lineCounter: LineCounter;
}

/**
 * A key as written: host and group names are names, so `on:` is the host `on` and `010:` the
 * host `010`, not a boolean or a number.
 */
const keyText = (key: Scalar): string =>
  typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));

export function parseYaml(text: string, source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    ...ANSIBLE_YAML,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: true,
  });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line ?? 1;
    throw new InputError(
      `${source}:${line}: this is not valid YAML: ${firstError.message.split('\n')[0]}`,
    );
  }
  const declared = new DeclaredInventory(source);
  const groupNodes: GroupNode[] = [];
  // Vars may be shared through anchors (`node2: *defaults`).
  const resolveAlias = (node: Node | null): Node | null =>
    isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? null) : node;
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    return { declared, groupNodes, lineCounter };
  }
  const shape = (node: unknown, what: string, expected: string): never => {
    throw new InputError(
      `${source}:${lineOf(node as Node)}: ${what} must be ${expected}, but it is ${describe(node)}. ` +
        'A Kubespray hosts.yaml looks like: all: {hosts: {node1: {ansible_host: …}}, children: {etcd: {hosts: {node1: }}}}.',
    );
  };
  if (!isMap(root)) shape(root, 'the top level of an inventory', 'a mapping of group names');

  const keyOf = (pair: Pair, what: string): string => {
    if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
      shape(pair.key, what, 'a plain name');
    }
    return keyText(pair.key as Scalar);
  };

  const walkGroup = (name: string, pair: KeyedPair, parent: YAMLMap): void => {
    const where = { source, line: lineOf(pair.key) };
    declared.group(name, where);
    const node = pair.value as Node | null;
    const entry: GroupNode = { name, pair, parent };
    groupNodes.push(entry);
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) shape(node, `group '${name}'`, 'a mapping with hosts, children or vars');
    entry.map = node as YAMLMap;
    for (const item of (node as YAMLMap).items) {
      const key = keyOf(item, `a key of group '${name}'`);
      const value = item.value as Node | null;
      const empty = value === null || (isScalar(value) && value.value === null);
      if (key === 'hosts') {
        if (empty) continue;
        if (isScalar(value) && typeof value.value === 'string' && !/\s/.test(value.value)) {
          // Ansible accepts a single host name written as a string.
          declared.addHost(name, value.value, {}, { source, line: lineOf(value) });
          continue;
        }
        if (!isMap(value)) {
          shape(value, `hosts of group '${name}'`, 'a mapping with one `name:` entry per host');
        }
        entry.hosts = value as YAMLMap;
        for (const h of (value as YAMLMap).items) {
          const pattern = keyOf(h, `a host of group '${name}'`);
          const hv = resolveAlias(h.value as Node | null);
          let vars: HostVars = {};
          if (hv !== null && !(isScalar(hv) && hv.value === null)) {
            if (!isMap(hv)) shape(hv, `the vars of host '${pattern}'`, 'a mapping (or empty)');
            vars = hv.toJS(doc) as HostVars;
          }
          let hosts: string[];
          try {
            const parsed = parseHostPattern(pattern);
            hosts = parsed.hosts;
            if (parsed.port !== undefined) vars = { ...vars, ansible_port: parsed.port };
          } catch (err) {
            if (err instanceof HostPatternError) {
              throw new InputError(
                `${source}:${lineOf(h.key as Node)}: bad host name: ${err.message}.`,
              );
            }
            throw err;
          }
          for (const host of hosts) {
            declared.addHost(name, host, vars, { source, line: lineOf(h.key as Node) });
          }
        }
      } else if (key === 'children') {
        if (empty) continue;
        if (!isMap(value)) shape(value, `children of group '${name}'`, 'a mapping of group names');
        for (const c of (value as YAMLMap).items) {
          const child = keyOf(c, `a child group of '${name}'`);
          declared.addChild(name, child, { source, line: lineOf(c.key as Node) });
          walkGroup(child, c as KeyedPair, value as YAMLMap);
        }
      } else if (key === 'vars') {
        if (empty) continue;
        const vars = resolveAlias(value);
        if (!isMap(vars)) shape(vars, `vars of group '${name}'`, 'a mapping of variable names');
        Object.assign(declared.group(name, where).vars, (vars as YAMLMap).toJS(doc));
      } else {
        throw new InputError(
          `${source}:${lineOf(item.key as Node)}: group '${name}' has the key '${key}'; only hosts, children and vars belong there. ` +
            `If '${key}' is a host, put it under '${name}: {hosts: {${key}: }}'.`,
        );
      }
    }
  };
  for (const pair of (root as YAMLMap).items) {
    walkGroup(keyOf(pair, 'a top-level key'), pair as KeyedPair, root as YAMLMap);
  }
  return { declared, root: root as YAMLMap, groupNodes, lineCounter };
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return `the value '${String(node.value)}'`;
  return 'a list';
}

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A scalar as YAML text: plain when that reads back as the same string, quoted otherwise. */
function yamlScalar(value: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(value) && !RESERVED.test(value)
    ? value
    : JSON.stringify(value);
}

/** Line-level view of the text with the positions the document gives. */
class LineEditor {
  readonly lines: string[];
  constructor(
    text: string,
    private readonly lc: LineCounter,
  ) {
    this.lines = text.split('\n');
  }
  /** 0-based line and column of an offset. */
  pos(offset: number): { line: number; col: number } {
    const p = this.lc.linePos(offset);
    return { line: p.line - 1, col: p.col - 1 };
  }
  /** End (exclusive) of the block that starts at `line` with its key at `col`. */
  blockEnd(line: number, col: number): number {
    let last = line;
    for (let i = line + 1; i < this.lines.length; i++) {
      const l = this.lines[i].replace(/\r$/, '');
      const trimmed = l.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      if (l.length - trimmed.length <= col) break;
      last = i;
    }
    return last + 1;
  }
  get cr(): string {
    return this.lines.some((l) => l.endsWith('\r')) ? '\r' : '';
  }
  text(): string {
    return this.lines.join('\n');
  }
}

const keyStart = (pair: Pair): number => (pair.key as Node).range![0];

/** The indentation step the file uses (child key column minus parent key column), else 2. */
function indentStep(parsed: ParsedYaml, ed: LineEditor): number {
  for (const g of parsed.groupNodes) {
    const first = g.map?.items[0];
    if (g.map && !g.map.flow && first) {
      const step = ed.pos(keyStart(first)).col - ed.pos(keyStart(g.pair)).col;
      if (step > 0) return step;
    }
  }
  return 2;
}

function cannotEdit(source: string, ed: LineEditor, node: Node, why: string): never {
  throw new InputError(
    `${source}:${ed.pos(node.range![0]).line + 1}: cannot rewrite this inventory in place: ${why}. ` +
      'Write that part in block style (one key per line) and run again.',
  );
}

function hostEntryLines(
  col: number,
  step: number,
  host: string,
  vars: Record<string, string>,
  cr: string,
): string[] {
  const pad = ' '.repeat(col);
  return [
    `${pad}${yamlScalar(host)}:${cr}`,
    ...Object.entries(vars).map(([k, v]) => `${pad}${' '.repeat(step)}${k}: ${yamlScalar(v)}${cr}`),
  ];
}

function findHostPair(
  map: YAMLMap | undefined,
  host: string,
): { pair: Pair; index: number } | undefined {
  const index = map?.items.findIndex((p) => isScalar(p.key) && keyText(p.key) === host) ?? -1;
  return index >= 0 ? { pair: map!.items[index], index } : undefined;
}

/**
 * Adds vars to the first entry of `host` (in `group`, or in any group when none is given):
 * under `name:`, into its block mapping, or into its `{…}`. Host vars apply wherever set.
 */
export function yamlSetHostVars(
  text: string,
  source: string,
  group: string | undefined,
  host: string,
  vars: Record<string, string>,
): string {
  const parsed = parseYaml(text, source);
  const ed = new LineEditor(text, parsed.lineCounter);
  const found = parsed.groupNodes
    .filter((g) => group === undefined || g.name === group)
    .map((g) => findHostPair(g.hosts, host))
    .find((f) => f !== undefined);
  if (!found) {
    throw new InputError(
      `${source}: host '${host}' has no entry of its own to set ${Object.keys(vars).join(', ')} on (is it only in a range?). Add it by hand.`,
    );
  }
  const { pair } = found;
  const value = pair.value as Node | null;
  const entries = Object.entries(vars);
  const keyPos = ed.pos(keyStart(pair));
  if (value === null || (isScalar(value) && value.value === null)) {
    if (value && value.range![0] !== value.range![1]) {
      // An explicit `~` or `null` on the key's line gives way to the block below it.
      const at = ed.pos(value.range![0]);
      const line = ed.lines[at.line];
      ed.lines[at.line] =
        line.slice(0, at.col) + line.slice(at.col + value.range![1] - value.range![0]);
    }
    const step = indentStep(parsed, ed);
    const add = entries.map(
      ([k, v]) => `${' '.repeat(keyPos.col + step)}${k}: ${yamlScalar(v)}${ed.cr}`,
    );
    ed.lines.splice(keyPos.line + 1, 0, ...add);
    return ed.text();
  }
  if (isMap(value) && value.flow) {
    const at = value.range![0] + 1;
    const add = entries.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ');
    return `${text.slice(0, at)}${add}${value.items.length > 0 ? ', ' : ''}${text.slice(at)}`;
  }
  if (isMap(value) && value.items.length > 0) {
    const first = ed.pos(keyStart(value.items[0]));
    const add = entries.map(([k, v]) => `${' '.repeat(first.col)}${k}: ${yamlScalar(v)}${ed.cr}`);
    ed.lines.splice(first.line, 0, ...add);
    return ed.text();
  }
  return cannotEdit(
    source,
    ed,
    value!,
    `host '${host}' has a value that is neither empty nor a mapping`,
  );
}

/** Makes `host` the first host of `group`, as the INI rewrite does. */
export function yamlMoveHostFirst(
  text: string,
  source: string,
  group: string,
  host: string,
  addVars: Record<string, string>,
): string {
  let parsed = parseYaml(text, source);
  const occurrences = () => parsed.groupNodes.filter((g) => g.name === group);
  const firstWithHosts = () => occurrences().find((g) => (g.hosts?.items.length ?? 0) > 0);
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
    const { index, pair } = findHostPair(t.hosts, host)!;
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
      const at = t.hosts.range![0] + 1;
      const vars = Object.entries(addVars).map(([k, v]) => `${k}: ${yamlScalar(v)}`);
      const entry = `${yamlScalar(host)}: ${vars.length ? `{${vars.join(', ')}}` : 'null'}, `;
      return `${text.slice(0, at)}${entry}${text.slice(at)}`;
    }
    const first = ed.pos(keyStart(t.hosts.items[0]));
    ed.lines.splice(first.line, 0, ...hostEntryLines(first.col, step, host, addVars, ed.cr));
    return ed.text();
  }
  // The group has no hosts of its own (only children): give its first block a `hosts:` key.
  const g = occurrences().find((o) => o.map && !o.map.flow && o.map.items.length > 0);
  if (!g?.map) {
    const any = occurrences()[0];
    if (!any)
      throw new InputError(`${source}: there is no group '${group}' to put '${host}' into.`);
    return cannotEdit(
      source,
      ed,
      any.pair.key as Node,
      `group '${group}' is empty or a flow mapping`,
    );
  }
  const first = ed.pos(keyStart(g.map.items[0]));
  ed.lines.splice(
    first.line,
    0,
    `${' '.repeat(first.col)}hosts:${ed.cr}`,
    ...hostEntryLines(first.col + step, step, host, addVars, ed.cr),
  );
  return ed.text();
}

/**
 * Sets the hosts of `group` to exactly `entries`, replacing the group's first block in place,
 * or adding it at the end of `all.children` (or of the top level, when there is no `all`).
 */
export function yamlSetGroupHosts(
  text: string,
  source: string,
  group: string,
  entries: { host: string; vars: Record<string, string> }[],
): string {
  const parsed = parseYaml(text, source);
  const ed = new LineEditor(text, parsed.lineCounter);
  const step = indentStep(parsed, ed);
  const block = (col: number): string[] => {
    const pad = ' '.repeat(col);
    return [
      `${pad}${yamlScalar(group)}:${ed.cr}`,
      `${pad}${' '.repeat(step)}hosts:${entries.length === 0 ? ' {}' : ''}${ed.cr}`,
      ...entries.flatMap((e) => hostEntryLines(col + 2 * step, step, e.host, e.vars, ed.cr)),
    ];
  };
  const existing = parsed.groupNodes.find((g) => g.name === group);
  if (existing) {
    if (existing.parent.flow) {
      cannotEdit(source, ed, existing.parent, `group '${group}' sits in a flow mapping`);
    }
    const at = ed.pos(keyStart(existing.pair));
    ed.lines.splice(at.line, ed.blockEnd(at.line, at.col) - at.line, ...block(at.col));
    return ed.text();
  }
  const all = parsed.groupNodes.find((g) => g.name === 'all' && g.parent === parsed.root);
  const children = all?.map?.items.find((p) => isScalar(p.key) && p.key.value === 'children')
    ?.value as Node | undefined;
  const container =
    isMap(children) && !children.flow && children.items.length > 0 ? children : parsed.root;
  if (!container || container.items.length === 0) {
    throw new InputError(`${source}: the inventory has no groups to add [${group}] next to.`);
  }
  if (container.flow) cannotEdit(source, ed, container, 'the top level is a flow mapping');
  const last = ed.pos(keyStart(container.items[container.items.length - 1]));
  const end = ed.blockEnd(last.line, last.col);
  const first = ed.pos(keyStart(container.items[0]));
  // A file without a final newline: the new block must start on a line of its own.
  if (end === ed.lines.length && ed.lines[end - 1] !== '') ed.lines.push('');
  const insertAt = end === ed.lines.length ? end - 1 : end;
  ed.lines.splice(insertAt, 0, ...block(first.col));
  return ed.text();
}
