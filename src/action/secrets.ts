import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionSettings } from './inputs.js';
import { saveTempDir } from './state.js';

/** Files made from secret inputs: written 0600 in a 0700 dir that the post step removes. */
export interface SecretFiles {
  dir: string;
  sshKeyFile?: string;
  identityFile?: string;
  knownHostsFile?: string;
  signKeyFile?: string;
  trustedSignersFile?: string;
}

export async function writeSecretFiles(settings: ActionSettings): Promise<SecretFiles> {
  const base = process.env.RUNNER_TEMP || tmpdir();
  const dir = await mkdtemp(join(base, 'kube-rescue-'));
  saveTempDir(dir);
  const files: SecretFiles = { dir };
  if (settings.access.sshKey) {
    files.sshKeyFile = join(dir, 'ssh-key');
    const key = settings.access.sshKey.endsWith('\n')
      ? settings.access.sshKey
      : `${settings.access.sshKey}\n`;
    await writeFile(files.sshKeyFile, key, { mode: 0o600 });
  }
  if (settings.identity) {
    files.identityFile = join(dir, 'age-identity');
    await writeFile(files.identityFile, `${settings.identity.trim()}\n`, { mode: 0o600 });
  }
  if (settings.signKey) {
    files.signKeyFile = join(dir, 'sign-key');
    await writeFile(files.signKeyFile, `${settings.signKey.trim()}\n`, { mode: 0o600 });
  }
  if (settings.trustedSignersText) {
    files.trustedSignersFile = join(dir, 'allowed_signers');
    await writeFile(files.trustedSignersFile, `${settings.trustedSignersText.trim()}\n`, {
      mode: 0o600,
    });
  }
  if (settings.knownHostsText) {
    files.knownHostsFile = join(dir, 'known_hosts');
    await writeFile(files.knownHostsFile, `${settings.knownHostsText.trim()}\n`, { mode: 0o600 });
  }
  return files;
}
