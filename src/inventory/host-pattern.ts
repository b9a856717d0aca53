/**
 * Ansible host patterns in inventories: `name`, `name:port`, `[v6addr]:port`, and ranges
 * `node[1:3]`, `node[01:10]`, `node[a:c]`, `node[1:9:2]` (several ranges multiply).
 */
export interface HostPattern {
  hosts: string[];
  port?: number;
}

/** Thrown with a reason; callers add file and line. */
export class HostPatternError extends Error {}

const RANGE = /^(.*?)\[([^\]:]*):([^\]:]*)(?::([^\]]*))?\](.*)$/;

export function parseHostPattern(pattern: string): HostPattern {
  let name = pattern;
  let port: number | undefined;
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(pattern);
  if (bracketed) {
    name = bracketed[1];
    if (bracketed[2] !== undefined) port = portOf(bracketed[2], pattern);
  } else {
    const withPort = /^((?:[^:[\]]|\[[^\]]*\])+):(\d+)$/.exec(pattern);
    if (withPort) {
      name = withPort[1];
      port = portOf(withPort[2], pattern);
    }
  }
  return { hosts: expandRanges(name), port };
}

function portOf(text: string, pattern: string): number {
  const port = Number(text);
  if (port < 1 || port > 65535) {
    throw new HostPatternError(`port ${text} in '${pattern}' is not between 1 and 65535`);
  }
  return port;
}

function expandRanges(name: string): string[] {
  const m = RANGE.exec(name);
  if (!m) {
    if (/[[\]]/.test(name)) {
      throw new HostPatternError(
        `'${name}' has a bracket that is not a range; a range looks like node[1:3] or node[a:c]`,
      );
    }
    return [name];
  }
  const [, head, begText, endText, stepText, tail] = m;
  const step = stepText === undefined || stepText === '' ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1) {
    throw new HostPatternError(`range step '${stepText}' in '${name}' is not a whole number ≥ 1`);
  }
  if (!head && !tail) throw new HostPatternError(`range '${name}' has no host name around it`);
  const items: string[] = [];
  if (/^[a-zA-Z]$/.test(begText) && /^[a-zA-Z]$/.test(endText)) {
    const b = begText.charCodeAt(0);
    const e = endText.charCodeAt(0);
    if (b > e)
      throw new HostPatternError(`range '${name}' runs backwards (${begText} > ${endText})`);
    for (let c = b; c <= e; c += step) items.push(String.fromCharCode(c));
  } else if (/^\d*$/.test(begText) && /^\d+$/.test(endText)) {
    const b = begText === '' ? 0 : Number(begText);
    const e = Number(endText);
    if (b > e) throw new HostPatternError(`range '${name}' runs backwards (${b} > ${e})`);
    if ((e - b) / step > 10_000) {
      throw new HostPatternError(`range '${name}' expands to more than 10000 hosts`);
    }
    // Ansible keeps the width of a zero-padded start: [01:10] → 01 … 10.
    const width = begText.startsWith('0') && begText.length > 1 ? begText.length : 0;
    for (let n = b; n <= e; n += step) items.push(String(n).padStart(width, '0'));
  } else {
    throw new HostPatternError(
      `range [${begText}:${endText}] in '${name}' must be numbers (node[1:3]) or single letters (node[a:c])`,
    );
  }
  const hosts = items.flatMap((item) => expandRanges(`${head}${item}${tail}`));
  if (hosts.length > 10_000)
    throw new HostPatternError(`'${name}' expands to more than 10000 hosts`);
  return hosts;
}
