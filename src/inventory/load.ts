import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { parseInventory } from './document.js';
import type { HostVars, Inventory } from './types.js';

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new InputError(`cannot read the ${what} ${path}: ${why}.`, { cause: err });
  }
}

/**
 * Reads an extra-vars file as `ansible-playbook -e @file` does: a YAML (or JSON) mapping.
 * A leading `@` is accepted, so `-e @extra-vars.yml` can be passed through as written.
 */
export async function readExtraVars(file: string): Promise<HostVars> {
  const path = file.startsWith('@') ? file.slice(1) : file;
  const text = await readText(path, 'extra-vars file');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, merge: true });
  const err = doc.errors[0];
  if (err) {
    throw new InputError(
      `${path}:${err.linePos?.[0].line ?? 1}: this extra-vars file is not valid YAML: ${err.message.split('\n')[0]}`,
    );
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new InputError(
      `${path}: an extra-vars file must be a mapping of variable names (like 'etcd_retries: 10'), not a list or a single value.`,
    );
  }
  return doc.toJS() as HostVars;
}

/**
 * Reads a Kubespray inventory (INI or YAML, by extension or content) and the extra-vars files
 * given with it; later extra-vars files override earlier ones, and all override the inventory.
 */
export async function loadInventory(
  path: string,
  options: { extraVars?: string[] } = {},
): Promise<Inventory> {
  const text = await readText(path, 'inventory');
  const extraVars: HostVars = {};
  for (const file of options.extraVars ?? []) Object.assign(extraVars, await readExtraVars(file));
  return parseInventory(text, path, undefined, extraVars);
}
