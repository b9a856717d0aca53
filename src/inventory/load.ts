import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { ANSIBLE_YAML } from './ansible-yaml.js';
import { parseInventory } from './document.js';
import { checkNodeValues } from './node-values.js';
import type { HostVars, Inventory } from './types.js';
import { readVarsDirectories } from './vars-files.js';

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

/** Reads a YAML (or JSON) file of vars: a mapping of variable names, or empty. */
async function readVarsFile(path: string, what: string): Promise<HostVars> {
  const text = await readText(path, what);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...ANSIBLE_YAML, lineCounter, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    throw new InputError(
      `${path}:${err.linePos?.[0].line ?? 1}: this ${what} is not valid YAML: ${err.message.split('\n')[0]}`,
    );
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new InputError(
      `${path}: a ${what} must be a mapping of variable names (like 'etcd_retries: 10'), not a list or a single value.`,
    );
  }
  return doc.toJS() as HostVars;
}

/**
 * Reads an extra-vars file as `ansible-playbook -e @file` does. A leading `@` is accepted, so
 * `-e @extra-vars.yml` can be passed through as written.
 */
export async function readExtraVars(file: string): Promise<HostVars> {
  return readVarsFile(file.startsWith('@') ? file.slice(1) : file, 'extra-vars file');
}

/**
 * Reads a Kubespray inventory (INI or YAML, by extension or content) with the vars Ansible
 * would give its hosts: group_vars/ and host_vars/ beside it (unless `varsDirectories` is
 * false) and extra-vars files, later ones overriding earlier ones and all the inventory.
 */
export async function loadInventory(
  path: string,
  options: {
    extraVars?: string[];
    varsDirectories?: boolean;
    /** Check the values that reach the nodes' files and command lines (default true). */
    nodeValues?: boolean;
  } = {},
): Promise<Inventory> {
  const text = await readText(path, 'inventory');
  const extraVars: HostVars = {};
  for (const file of options.extraVars ?? []) Object.assign(extraVars, await readExtraVars(file));
  const dirs =
    options.varsDirectories === false
      ? {}
      : await readVarsDirectories(path, (file) => readVarsFile(file, 'vars file'));
  const inventory = parseInventory(text, path, undefined, { ...dirs, extraVars });
  if (options.nodeValues !== false) checkNodeValues(inventory);
  return inventory;
}
