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

export type AnsibleValue = string | number | boolean | null;

const INT = /^[-+]?(0|[1-9][0-9_]*)$/;
const FLOAT = /^[-+]?(\d+\.\d*|\.\d+|\d+(?=[eE]))([eE][-+]?\d+)?$/;

/**
 * Reads a value as Ansible's INI plugin does (`ast.literal_eval`, falling back to the text):
 * Python ints, floats, True/False/None and quoted strings; anything else stays text. Lists
 * and dicts written as Python literals stay text here (nothing in recovery reads them).
 */
export function parseAnsibleValue(raw: string): AnsibleValue {
  const v = raw.trim();
  if (INT.test(v)) return Number(v.replace(/_/g, ''));
  if (FLOAT.test(v)) return Number(v);
  if (v === 'True') return true;
  if (v === 'False') return false;
  if (v === 'None') return null;
  const quoted = /^(['"])(.*)\1\s*(#.*)?$/.exec(v);
  if (quoted && !quoted[2].includes(quoted[1])) return quoted[2];
  return v;
}
