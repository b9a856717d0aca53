import type { BackupResult } from '../commands/backup.js';
import type { ListedSet } from '../commands/list.js';
import type { VerifyResult } from '../commands/verify.js';

/** Markdown tables for backup, list and verify: the CLI's human output and the job summary. */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

export function renderBackupMarkdown(r: BackupResult): string {
  return [
    `Backup set **${r.backupPath}** (etcd revision ${r.snapshotRevision}, snapshot sha256 \`${r.snapshotSha256}\`)`,
    '',
    table(
      ['object', 'size'],
      r.objects.map((o) => [o.name, formatBytes(o.bytes)]),
    ),
    r.removedByRetention.length ? `\nRemoved by retention: ${r.removedByRetention.join(', ')}` : '',
    r.signedBy
      ? `\nSigned (manifest.json.sig) with ${r.signedBy.keyType} key ${r.signedBy.fingerprint}.`
      : '',
    '',
  ].join('\n');
}

export function renderListMarkdown(sets: ListedSet[]): string {
  if (sets.length === 0) return 'No complete backup sets here.\n';
  return `${table(
    ['set', 'created', 'revision', 'size', 'encryption'],
    sets.map((s) => [
      s.url,
      s.created,
      String(s.revision),
      formatBytes(s.bytes),
      s.encrypted ? 'age' : 'none',
    ]),
  )}\n`;
}

export function renderVerifyMarkdown(r: VerifyResult): string {
  return [
    `${r.ok ? '✔' : '✖'} ${r.backup}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks passed`,
    '',
    table(
      ['check', 'ok', 'expected', 'actual', 'detail'],
      r.checks.map((c) => [
        c.name,
        c.ok ? 'yes' : '**NO**',
        c.expected ?? '',
        c.actual ?? '',
        c.detail ?? '',
      ]),
    ),
    '',
  ].join('\n');
}
