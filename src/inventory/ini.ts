import { InputError } from '../errors.js';
import { parseAnsibleValue, ShellSplitError, shellSplit } from './ansible-values.js';
import { HostPatternError, parseHostPattern } from './host-pattern.js';
import { DeclaredInventory, type Where } from './resolve.js';
import type { HostVars } from './types.js';

/**
 * Ansible's INI inventory (hosts.ini / inventory.ini), kept as its lines so that a rewrite
 * changes only the lines it means to and everything else comes back byte for byte.
 */

type SectionType = 'hosts' | 'children' | 'vars';

export type IniLine =
  | { kind: 'blank' | 'comment'; raw: string }
  | { kind: 'header'; raw: string; group: string; type: SectionType }
  | { kind: 'host'; raw: string; group: string; pattern: string; hosts: string[] }
  | { kind: 'child'; raw: string; group: string; child: string }
  | { kind: 'var'; raw: string; group: string; key: string };

export interface ParsedIni {
  lines: IniLine[];
  declared: DeclaredInventory;
}

const HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

export function parseIni(text: string, source: string): ParsedIni {
  const declared = new DeclaredInventory(source);
  // Before any section header, Ansible reads host lines into the implicit `ungrouped`.
  let group = 'ungrouped';
  let type: SectionType = 'hosts';
  // Split on \n only: a \r stays in its line, so joining restores the bytes.
  const lines = text.split('\n').map((raw, index): IniLine => {
    const where: Where = { source, line: index + 1 };
    const fail = (what: string): never => {
      throw new InputError(`${source}:${index + 1}: ${what}\n  ${raw.trim()}`);
    };
    const line = raw.trim();
    if (line === '') return { kind: 'blank', raw };
    if (line.startsWith('#') || line.startsWith(';')) return { kind: 'comment', raw };
    // As in Ansible, only a line in brackets is a header: `[fe80::1]:22` is a host.
    const m = HEADER.exec(line);
    if (m || (line.startsWith('[') && line.endsWith(']'))) {
      if (!m) {
        fail(
          'this is not a valid section header; expected [group], [group:children] or [group:vars].',
        );
      }
      const sectionType = (m![2] ?? 'hosts') as SectionType;
      if (!['hosts', 'children', 'vars'].includes(sectionType)) {
        fail(`section [${m![1]}:${m![2]}] has an unknown type '${m![2]}'; use :children or :vars.`);
      }
      group = m![1];
      type = sectionType;
      if (type === 'vars') {
        const g = declared.group(group, where, false);
        g.varsWhere ??= where;
      } else {
        declared.group(group, where);
      }
      return { kind: 'header', raw, group, type };
    }
    if (type === 'children') {
      const m = GROUP_NAME.exec(line);
      if (!m) fail(`expected one group name in [${group}:children].`);
      declared.addChild(group, m![1], where);
      return { kind: 'child', raw, group, child: m![1] };
    }
    if (type === 'vars') {
      const eq = line.indexOf('=');
      if (eq <= 0) fail(`expected key=value in [${group}:vars].`);
      const key = line.slice(0, eq).trim();
      declared.group(group, where, false).vars[key] = parseAnsibleValue(line.slice(eq + 1));
      return { kind: 'var', raw, group, key };
    }
    let words: string[];
    try {
      words = shellSplit(line);
    } catch (err) {
      if (err instanceof ShellSplitError) fail(`cannot split this host line: ${err.message}.`);
      throw err;
    }
    if (words.length === 0) return { kind: 'comment', raw };
    const [pattern, ...assignments] = words;
    const vars: HostVars = {};
    for (const a of assignments) {
      const eq = a.indexOf('=');
      if (eq <= 0) {
        fail(
          `expected key=value after the host name, got '${a}' (quote values that contain spaces).`,
        );
      }
      vars[a.slice(0, eq)] = parseAnsibleValue(a.slice(eq + 1));
    }
    let expanded: ReturnType<typeof parseHostPattern>;
    try {
      expanded = parseHostPattern(pattern);
    } catch (err) {
      if (err instanceof HostPatternError) fail(`bad host name: ${err.message}.`);
      throw err;
    }
    if (expanded!.port !== undefined) vars.ansible_port = expanded!.port;
    for (const host of expanded!.hosts) {
      declared.addHost(group, host, vars, where);
    }
    return { kind: 'host', raw, group, pattern, hosts: expanded!.hosts };
  });
  return { lines, declared };
}

const joinLines = (lines: IniLine[]): string => lines.map((l) => l.raw).join('\n');

/** `\r` for files written with CRLF, so lines we add match the lines around them. */
const eolTail = (text: string): string => (text.includes('\r\n') ? '\r' : '');

/** How a value reads on a host line: bare when shell-safe, single-quoted otherwise. */
function iniWord(value: string): string {
  return /^[A-Za-z0-9_.:/@%+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`;
}

function hostLineText(host: string, vars: Record<string, string>, cr: string): string {
  return `${[host, ...Object.entries(vars).map(([k, v]) => `${k}=${iniWord(v)}`)].join(' ')}${cr}`;
}

/** Adds `key=value` words to a host line, before its trailing comment if any. */
function appendVars(raw: string, vars: Record<string, string>): string {
  const cr = raw.endsWith('\r') ? '\r' : '';
  const body = cr ? raw.slice(0, -1) : raw;
  let end = body.length;
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else if (c === '#') {
      end = i;
      break;
    }
  }
  const content = body.slice(0, end).trimEnd();
  const extra = Object.entries(vars)
    .map(([k, v]) => ` ${k}=${iniWord(v)}`)
    .join('');
  return `${content}${extra}${body.slice(content.length)}${cr}`;
}

const isSection = (l: IniLine, group: string, type: SectionType): boolean =>
  l.kind === 'header' && l.group === group && l.type === type;

/**
 * Makes `host` the first host of `group`: its own line in [group] moves up; a host that is in
 * the group only through children or a range gets a line of its own at the top (Ansible lists
 * a group's direct hosts before its children's, and keeps the first mention of a host).
 */
export function iniMoveHostFirst(
  text: string,
  source: string,
  group: string,
  host: string,
  addVars: Record<string, string>,
): string {
  const { lines } = parseIni(text, source);
  const cr = eolTail(text);
  const header = lines.findIndex((l) => isSection(l, group, 'hosts'));
  const own = lines.findIndex(
    (l) => l.kind === 'host' && l.group === group && l.hosts.length === 1 && l.hosts[0] === host,
  );
  if (header < 0) {
    // Only [group:children] defines the group: give it a hosts section just above that.
    const children = lines.findIndex((l) => isSection(l, group, 'children'));
    const block: IniLine[] = [
      { kind: 'header', raw: `[${group}]${cr}`, group, type: 'hosts' },
      { kind: 'host', raw: hostLineText(host, addVars, cr), group, pattern: host, hosts: [host] },
      { kind: 'blank', raw: cr },
    ];
    if (children < 0) return appendSection(lines, block, cr);
    lines.splice(children, 0, ...block);
    return joinLines(lines);
  }
  let firstHost = header + 1;
  while (firstHost < lines.length && lines[firstHost].kind !== 'header') {
    if (lines[firstHost].kind === 'host') break;
    firstHost++;
  }
  const firstIsHost = firstHost < lines.length && lines[firstHost].kind === 'host';
  const insertAt = firstIsHost ? firstHost : header + 1;
  if (own === insertAt) {
    lines[own] = { ...lines[own], raw: appendVars(lines[own].raw, addVars) };
    return joinLines(lines);
  }
  let moved: IniLine;
  if (own >= 0) {
    const raw = appendVars(lines[own].raw, addVars);
    // The last line of a CRLF file without a final newline has no \r; elsewhere it needs one.
    moved = { ...lines[own], raw: cr && !raw.endsWith(cr) ? `${raw}${cr}` : raw };
    lines.splice(own, 1);
  } else {
    moved = {
      kind: 'host',
      raw: hostLineText(host, addVars, cr),
      group,
      pattern: host,
      hosts: [host],
    };
  }
  lines.splice(own >= 0 && own < insertAt ? insertAt - 1 : insertAt, 0, moved);
  return joinLines(lines);
}

function appendSection(lines: IniLine[], block: IniLine[], cr: string): string {
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1].raw === '';
  if (endsWithNewline) lines.pop();
  const last = lines[lines.length - 1];
  const needsGap = last !== undefined && last.kind !== 'blank';
  const tail = block[block.length - 1]?.kind === 'blank' ? block.slice(0, -1) : block;
  const out = [...lines, ...(needsGap ? [{ kind: 'blank' as const, raw: cr }] : []), ...tail];
  return `${joinLines(out)}\n`;
}

/**
 * Sets the direct hosts of [group] to exactly `entries`: existing host lines of the group are
 * replaced where the first of them stood; a missing section is added at the end of the file.
 */
export function iniSetGroupHosts(
  text: string,
  source: string,
  group: string,
  entries: { host: string; vars: Record<string, string> }[],
): string {
  const { lines } = parseIni(text, source);
  const cr = eolTail(text);
  const fresh: IniLine[] = entries.map((e) => ({
    kind: 'host',
    raw: hostLineText(e.host, e.vars, cr),
    group,
    pattern: e.host,
    hosts: [e.host],
  }));
  const header = lines.findIndex((l) => isSection(l, group, 'hosts'));
  if (header < 0) {
    return appendSection(
      lines,
      [{ kind: 'header', raw: `[${group}]${cr}`, group, type: 'hosts' }, ...fresh],
      cr,
    );
  }
  const firstOld = lines.findIndex((l) => l.kind === 'host' && l.group === group);
  const kept = lines.filter((l) => !(l.kind === 'host' && l.group === group));
  const at = firstOld >= 0 && firstOld > header ? firstOld : header + 1;
  kept.splice(at, 0, ...fresh);
  return joinLines(kept);
}

/** Adds vars to the first line that names exactly `host` (host vars apply wherever set). */
export function iniSetHostVars(
  text: string,
  source: string,
  host: string,
  vars: Record<string, string>,
): string {
  const { lines } = parseIni(text, source);
  const i = lines.findIndex(
    (l) => l.kind === 'host' && l.hosts.length === 1 && l.hosts[0] === host,
  );
  if (i < 0) {
    throw new InputError(
      `${source}: host '${host}' has no line of its own to set ${Object.keys(vars).join(', ')} on (is it only in a range?). Add it by hand.`,
    );
  }
  lines[i] = { ...lines[i], raw: appendVars(lines[i].raw, vars) };
  return joinLines(lines);
}
