import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { HostVars } from './types.js';

const VARS_EXTENSIONS = ['', '.yml', '.yaml', '.json'];

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Every vars file under a `group_vars/<name>/` directory, in Ansible's sorted order. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await filesUnder(path)));
    else if (VARS_EXTENSIONS.includes(extname(e.name))) files.push(path);
  }
  return files;
}

/**
 * Reads `<kind>/` beside the inventory (kind: group_vars or host_vars) as Ansible's
 * host_group_vars plugin does: `<name>`, `<name>.yml|.yaml|.json`, or a `<name>/` directory of
 * such files, merged in sorted order. Returns entity name → vars.
 */
async function readVarsDirectory(
  root: string,
  readVarsFile: (path: string) => Promise<HostVars>,
): Promise<Map<string, HostVars>> {
  const result = new Map<string, HostVars>();
  if (!(await isDirectory(root))) return result;
  const entries = (await readdir(root, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(root, e.name);
    let name = e.name;
    let files: string[];
    if (e.isDirectory()) {
      files = await filesUnder(path);
    } else {
      const ext = extname(e.name);
      if (!VARS_EXTENSIONS.includes(ext)) continue;
      name = e.name.slice(0, e.name.length - ext.length);
      files = [path];
    }
    const vars = result.get(name) ?? {};
    for (const file of files) Object.assign(vars, await readVarsFile(file));
    result.set(name, vars);
  }
  return result;
}

/** group_vars/ and host_vars/ beside an inventory file, as ansible-playbook -i FILE reads them. */
export async function readVarsDirectories(
  inventoryPath: string,
  readVarsFile: (path: string) => Promise<HostVars>,
): Promise<{ groupVarsFiles: Map<string, HostVars>; hostVarsFiles: Map<string, HostVars> }> {
  const dir = dirname(inventoryPath);
  return {
    groupVarsFiles: await readVarsDirectory(join(dir, 'group_vars'), readVarsFile),
    hostVarsFiles: await readVarsDirectory(join(dir, 'host_vars'), readVarsFile),
  };
}
