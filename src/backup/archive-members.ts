import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { InputError } from '../errors.js';

/**
 * What a node archive may hold, decided before any byte of it is extracted. The backup store
 * is untrusted: an archive whose hashes match its manifest can still carry members nobody
 * backed up (`/etc/cron.d/…`, `/root/.ssh/…`), links that lead out, or device nodes. The
 * check is a pure function over tar headers, so it is tested without tar or a node.
 */

/** The header fields the check reads (tar-stream's `Headers`, or anything hostile). */
export interface ArchiveHeader {
  name: unknown;
  type?: unknown;
  linkname?: unknown;
  mode?: unknown;
  uid?: unknown;
  gid?: unknown;
}

export interface ArchiveMember {
  /** Absolute path the member is extracted to (`tar -C /`). */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'hardlink';
  /** Symlink target as stored, or the absolute path of a hard link's file. */
  link?: string;
  mode: number;
  uid: number;
  gid: number;
}

export interface CheckedArchive {
  members: ArchiveMember[];
  /** The allowed roots the archive holds members of, in the order given (what tar extracts). */
  roots: string[];
}

/** C0 controls and DEL: a newline in a name could forge a line of a log or a listing. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f');
const S_ISUID = 0o4000;
const S_ISGID = 0o2000;

/** `posix.normalize` of an absolute path, or undefined when it is not a plain absolute path. */
function canonicalRoot(p: string): string | undefined {
  if (!p.startsWith('/') || hasControl(p)) return undefined;
  const n = posix.normalize(p).replace(/\/+$/, '');
  if (n === '' || n !== p.replace(/\/+$/, '') || p.split('/').includes('..')) return undefined;
  return n;
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/**
 * The roots an archive of `node` may write: the paths the manifest lists, each only if the
 * restoring layout backs it up too (an edited manifest cannot add `/etc/cron.d`).
 */
export function archiveRoots(
  manifestPaths: readonly string[],
  layoutPaths: readonly string[],
): string[] {
  const known = new Set(layoutPaths.map(canonicalRoot).filter((p): p is string => Boolean(p)));
  const roots: string[] = [];
  for (const p of manifestPaths) {
    const c = typeof p === 'string' ? canonicalRoot(p) : undefined;
    if (c && known.has(c) && !roots.includes(c)) roots.push(c);
  }
  return roots;
}

/** A member name as a refusal can show it: a name that is no string may not even convert to one. */
function shown(name: unknown): string {
  if (typeof name === 'string') return name;
  try {
    return String(name);
  } catch {
    return `(a ${typeof name} that is no name)`;
  }
}

/**
 * Checks every member against `roots` (absolute paths); the first bad one refuses the whole
 * archive with an InputError naming it. A member must be a canonical relative name (as
 * `tar -C / -c etc/…` writes it: no leading `/`, `./`, `..`, empty or control characters),
 * at or below a root, of type file, directory or symlink (a hard link only to a file earlier
 * in the same archive), not below a symlink of the archive, with no setuid/setgid bit on a
 * non-directory; a symlink must point at or below a root. `where` names the archive.
 */
export function checkArchiveMembers(
  headers: readonly ArchiveHeader[],
  roots: readonly string[],
  where: string,
  /** Paths the manifest lists that are not roots, because `layout` does not back them up. */
  notHeld?: { paths: readonly string[]; layout: string },
): CheckedArchive {
  const refuse = (name: unknown, why: string): never => {
    throw new InputError(
      `${where}: member ${JSON.stringify(shown(name))} ${why}. ` +
        'The whole archive is refused and nothing of it was extracted: the backup set was altered or not written by kube-rescue. ' +
        "Restore from another set (check it with 'kube-rescue verify').",
    );
  };
  const allowed = roots.map((r) => canonicalRoot(r));
  if (allowed.some((r) => r === undefined)) {
    throw new InputError(
      `${where}: the allowed roots ${JSON.stringify(roots)} are not all absolute canonical paths.`,
    );
  }
  const rootList = allowed as string[];
  const inRoots = (p: string) => rootList.some((r) => within(p, r));
  const rootsText = rootList.length > 0 ? rootList.join(', ') : '(none)';

  const members: ArchiveMember[] = [];
  const typeOf = new Map<string, ArchiveMember['type']>();
  for (const h of headers) {
    const name = h?.name;
    if (typeof name !== 'string' || name === '') refuse(name, 'has no name');
    const raw = name as string;
    if (hasControl(raw)) refuse(raw, 'has a control character in its name');
    if (raw.startsWith('/'))
      refuse(raw, 'is an absolute path (node archives hold names relative to /)');
    const trimmed = h.type === 'directory' ? raw.replace(/\/$/, '') : raw;
    const parts = trimmed.split('/');
    if (parts.includes('..')) refuse(raw, "has a '..' component");
    if (parts.some((s) => s === '' || s === '.')) {
      refuse(raw, "is not a canonical name (empty or '.' components)");
    }
    const path = `/${trimmed}`;
    if (!inRoots(path)) {
      const listed = notHeld?.paths.find((p) => within(path, p));
      refuse(
        raw,
        listed
          ? `is under ${listed}, which the manifest lists but a ${notHeld!.layout} node's backup never holds (it holds ${rootsText}); if the backup was taken with other paths, restore with the same --layout and path flags`
          : `is outside the paths the manifest lists for this node (${rootsText})`,
      );
    }
    let type: ArchiveMember['type'];
    // tar-stream gives null for a type flag it does not know: that is refused, never a file.
    switch (h.type === undefined ? 'file' : h.type) {
      case 'file':
        type = 'file';
        break;
      case 'directory':
        type = 'directory';
        break;
      case 'symlink':
        type = 'symlink';
        break;
      case 'link':
        type = 'hardlink';
        break;
      default:
        return refuse(
          raw,
          `is a ${typeof h.type === 'string' ? h.type : 'member of an unknown tar type'}: only regular files, directories and symlinks belong in a node archive`,
        );
    }
    const mode = h.mode ?? 0o644;
    if (!Number.isSafeInteger(mode) || (mode as number) < 0 || (mode as number) > 0o7777) {
      refuse(raw, `has an invalid mode ${JSON.stringify(mode)}`);
    }
    if (type !== 'directory' && ((mode as number) & (S_ISUID | S_ISGID)) !== 0) {
      refuse(raw, `has the setuid/setgid bit (mode ${(mode as number).toString(8)})`);
    }
    const ids = [h.uid ?? 0, h.gid ?? 0];
    if (!ids.every((v) => Number.isSafeInteger(v) && (v as number) >= 0)) {
      refuse(raw, `has an invalid owner ${JSON.stringify(ids)}`);
    }
    const member: ArchiveMember = {
      path,
      type,
      mode: mode as number,
      uid: ids[0] as number,
      gid: ids[1] as number,
    };
    if (type === 'symlink' || type === 'hardlink') {
      const link = h.linkname;
      if (typeof link !== 'string' || link === '') refuse(raw, `is a ${type} with no target`);
      if (hasControl(link as string)) refuse(raw, 'has a control character in its link target');
      if (type === 'symlink') {
        const target = posix.resolve(posix.dirname(path), link as string);
        if (!inRoots(target)) {
          refuse(
            raw,
            `is a symlink to ${link as string}, outside the paths the manifest lists (${rootsText})`,
          );
        }
        member.link = link as string;
      } else {
        // tar writes a hard link to a file it archived before, by that file's member name.
        const target = `/${link as string}`;
        if ((link as string).startsWith('/') || (link as string).split('/').includes('..')) {
          refuse(raw, `is a hard link to ${link as string}, which is not a member of this archive`);
        }
        if (typeOf.get(target) !== 'file') {
          refuse(
            raw,
            `is a hard link to ${link as string}, which is not a file earlier in this archive`,
          );
        }
        member.link = target;
      }
    }
    const seen = typeOf.get(path);
    if (seen !== undefined && seen !== type) {
      refuse(raw, `appears twice, as a ${seen} and as a ${type}`);
    }
    typeOf.set(path, type);
    members.push(member);
  }
  // A member below a symlink of the archive would be written wherever that link points.
  for (const m of members) {
    for (let dir = posix.dirname(m.path); dir !== '/'; dir = posix.dirname(dir)) {
      if (typeOf.get(dir) === 'symlink') {
        refuse(m.path.slice(1), `lies below the symlink ${dir.slice(1)} of the same archive`);
      }
    }
  }
  return {
    members,
    roots: rootList.filter((r) => members.some((m) => within(m.path, r))),
  };
}

/**
 * What `LC_ALL=C tar --quoting-style=escape -tf` prints for these members, one name a line
 * (a directory's trailing slash dropped): the node's GNU tar must read the very archive the
 * check read, or a difference between two tar parsers could slip a member past the check.
 */
export function gnuTarNames(members: readonly ArchiveMember[]): string[] {
  return members.map((m) =>
    [...Buffer.from(m.path.slice(1), 'utf8')]
      .map((b) =>
        b === 0x5c
          ? '\\\\'
          : b >= 0x20 && b < 0x7f
            ? String.fromCharCode(b)
            : `\\${b.toString(8).padStart(3, '0')}`,
      )
      .join(''),
  );
}

/** The headers of a tar stream (bodies are skipped), in archive order. */
export async function readArchiveHeaders(
  stream: Readable,
  where: string,
): Promise<tarStream.Header[]> {
  const headers: tarStream.Header[] = [];
  const extract = tarStream.extract();
  extract.on('entry', (header, body, next) => {
    headers.push(header);
    body.on('end', next);
    body.resume();
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) =>
      reject(
        err instanceof InputError
          ? err
          : new InputError(`${where} is not a readable tar archive (${err.message}).`, {
              cause: err,
            }),
      );
    extract.on('finish', resolve);
    extract.on('error', fail);
    stream.on('error', (err) => reject(err));
    stream.pipe(extract);
  });
  return headers;
}
