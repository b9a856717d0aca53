import { NotBuiltError } from '../errors.js';
import type { NodeAccess } from '../nodes/access.js';
import type { CommandContext } from './context.js';

export interface BackupOptions {
  inventory?: string;
  access: NodeAccess;
  dest: string;
  encryptTo: string[];
  compress: 'gzip' | 'zstd' | 'none';
  keep?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  etcdOnly: boolean;
  clusterName?: string;
}

export interface BackupResult {
  backupPath: string;
  snapshotRevision: number;
  snapshotSha256: string;
  objects: { name: string; bytes: number }[];
  removedByRetention: string[];
}

export async function backup(_opts: BackupOptions, _ctx: CommandContext): Promise<BackupResult> {
  throw new NotBuiltError('kube-rescue backup', 'Backup and verify');
}
