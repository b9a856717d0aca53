/**
 * The small pieces of Ansible's INI inventory dialect that are not INI: host lines are split
 * like a POSIX shell line (Python's `shlex.split(line, comments=True)`), and values are read
 * like Python literals (`ast.literal_eval`), so `ansible_port=22` is a number and
 * `ansible_host="1.2.3.4"` a string.
 */

export class ShellSplitError extends Error {}

/**
 * Splits a host line into words as `shlex.split(line, comments=True)` does: whitespace
 * separates, quotes group, a backslash escapes, and an unquoted `#` starts a comment even in
 * the middle of a word (`node1#x` is `node1`).
 */
export function shellSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '#') break;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
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
      for (;;) {
        if (i >= line.length) throw new ShellSplitError('no closing quotation (") on this line');
        const d = line[i];
        if (d === '"') break;
        // In double quotes a backslash escapes only itself and the quote, as in shlex.
        if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 >= line.length)
        throw new ShellSplitError('a backslash ends the line with nothing to escape');
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

export type AnsibleValue =
  | string
  | number
  | boolean
  | null
  | AnsibleValue[]
  | { [k: string]: AnsibleValue };

class NotALiteral extends Error {}

/**
 * A small `ast.literal_eval`: Python strings (adjacent ones joined), ints (hex, octal, binary,
 * underscores), floats, True/False/None, lists, tuples and dicts, and a trailing `# comment`.
 * Throws NotALiteral for anything else, as literal_eval raises.
 */
function literalEval(src: string): AnsibleValue {
  let i = 0;
  const ws = () => {
    while (i < src.length && /[ \t]/.test(src[i])) i++;
    if (src[i] === '#') i = src.length;
  };
  const fail = (): never => {
    throw new NotALiteral();
  };
  const str = (): string => {
    let out = '';
    while (src[i] === "'" || src[i] === '"') {
      const q = src[i];
      const triple = src.startsWith(q.repeat(3), i);
      const close = triple ? q.repeat(3) : q;
      i += close.length;
      for (;;) {
        if (i >= src.length) fail();
        if (src.startsWith(close, i)) break;
        const c = src[i];
        if (c === '\\') {
          const e = src[i + 1];
          const simple: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            "'": "'",
            '"': '"',
            '0': '\0',
          };
          if (e in simple) {
            out += simple[e];
            i += 2;
          } else if (e === 'x' || e === 'u') {
            const n = e === 'x' ? 2 : 4;
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
        if (!triple && c === '\n') fail();
        out += c;
        i++;
      }
      i += close.length;
      ws();
    }
    return out;
  };
  const seq = (close: string): AnsibleValue[] => {
    const items: AnsibleValue[] = [];
    ws();
    while (src[i] !== close) {
      items.push(value());
      ws();
      if (src[i] === ',') {
        i++;
        ws();
      } else if (src[i] !== close) fail();
    }
    i++;
    return items;
  };
  const value = (): AnsibleValue => {
    ws();
    const c = src[i];
    if (c === "'" || c === '"') return str();
    if (c === '[') {
      i++;
      return seq(']');
    }
    if (c === '(') {
      i++;
      ws();
      if (src[i] === ')') {
        i++;
        return [];
      }
      const first = value();
      ws();
      if (src[i] === ')') {
        i++;
        return first;
      }
      if (src[i] !== ',') fail();
      i++;
      return [first, ...seq(')')];
    }
    if (c === '{') {
      i++;
      const obj: { [k: string]: AnsibleValue } = {};
      ws();
      while (src[i] !== '}') {
        const k = value();
        ws();
        if (src[i] !== ':') fail();
        i++;
        obj[String(k)] = value();
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== '}') fail();
        ws();
      }
      i++;
      return obj;
    }
    const m =
      /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?\.?|True|False|None)/.exec(
        src.slice(i),
      );
    if (!m || m[0] === '' || /^[-+]$/.test(m[0])) fail();
    i += m![0].length;
    const word = m![0];
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    const sign = word.startsWith('-') ? -1 : 1;
    const body = word.replace(/^[-+]/, '').replace(/_/g, '');
    if (/^0[xXoObB]/.test(body)) return sign * Number(body.toLowerCase());
    // Python rejects zero-padded decimals such as 010 (but takes 00).
    if (/^0+[1-9]/.test(body) && !/[.eE]/.test(body)) fail();
    return sign * Number(body);
  };
  const v = value();
  ws();
  if (i < src.length) fail();
  return v;
}

/**
 * Reads a value as Ansible's INI plugin does: `ast.literal_eval`, falling back to the text as
 * written when it is not a Python literal (so `ip=10.0.0.1` stays the string 10.0.0.1).
 */
export function parseAnsibleValue(raw: string): AnsibleValue {
  try {
    return literalEval(raw.trim());
  } catch (err) {
    if (err instanceof NotALiteral) return raw.trim();
    throw err;
  }
}
