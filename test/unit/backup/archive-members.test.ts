import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import {
  type ArchiveHeader,
  archiveRoots,
  checkArchiveMembers,
  gnuTarNames,
  readArchiveHeaders,
} from '../../../src/backup/archive-members.js';
import { InputError } from '../../../src/errors.js';

const ROOTS = ['/etc/ssl/etcd/ssl', '/etc/etcd.env', '/etc/kubernetes/ssl', '/etc/kubernetes/pki'];
const WHERE = 'backup/node1-pki.tar.gz.age';

/** What `tar -C / -c` of a Kubespray node writes (abridged). */
const legit: ArchiveHeader[] = [
  { name: 'etc/ssl/etcd/ssl/', type: 'directory', mode: 0o700 },
  { name: 'etc/ssl/etcd/ssl/ca.pem', type: 'file', mode: 0o644 },
  { name: 'etc/ssl/etcd/ssl/member-node1-key.pem', type: 'file', mode: 0o600, uid: 998 },
  { name: 'etc/etcd.env', type: 'file', mode: 0o640 },
  { name: 'etc/kubernetes/ssl/', type: 'directory', mode: 0o755 },
  { name: 'etc/kubernetes/ssl/ca.key', type: 'file', mode: 0o600 },
  { name: 'etc/kubernetes/ssl/ca.copy', type: 'link', linkname: 'etc/kubernetes/ssl/ca.key' },
  { name: 'etc/kubernetes/pki', type: 'symlink', linkname: 'ssl', mode: 0o777 },
];

function refusal(headers: ArchiveHeader[], roots = ROOTS): InputError {
  try {
    checkArchiveMembers(headers, roots, WHERE);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('the archive was accepted');
}

describe('node archive members', () => {
  it('a Kubespray node archive passes, with the roots it holds in the order given', () => {
    const checked = checkArchiveMembers(legit, ROOTS, WHERE);
    expect(checked.members.map((m) => m.path)).toEqual([
      '/etc/ssl/etcd/ssl',
      '/etc/ssl/etcd/ssl/ca.pem',
      '/etc/ssl/etcd/ssl/member-node1-key.pem',
      '/etc/etcd.env',
      '/etc/kubernetes/ssl',
      '/etc/kubernetes/ssl/ca.key',
      '/etc/kubernetes/ssl/ca.copy',
      '/etc/kubernetes/pki',
    ]);
    expect(checked.roots).toEqual(ROOTS);
    expect(checked.members[2]).toMatchObject({ mode: 0o600, uid: 998, type: 'file' });
    expect(checked.members[6]).toMatchObject({
      type: 'hardlink',
      link: '/etc/kubernetes/ssl/ca.key',
    });
    expect(checkArchiveMembers(legit.slice(0, 3), ROOTS, WHERE).roots).toEqual([
      '/etc/ssl/etcd/ssl',
    ]);
  });

  it.each([
    ['etc/cron.d/kube-rescue-evil', 'file', undefined, /outside the paths the manifest lists/],
    ['root/.ssh/authorized_keys2', 'file', undefined, /outside the paths/],
    ['etc/ssl/etcd/ssl/../../../cron.d/x', 'file', undefined, /'\.\.' component/],
    ['../etc/cron.d/x', 'file', undefined, /'\.\.' component/],
    ['/etc/cron.d/x', 'file', undefined, /absolute path/],
    ['/etc/ssl/etcd/ssl/ca.pem', 'file', undefined, /absolute path/],
    ['./etc/ssl/etcd/ssl/ca.pem', 'file', undefined, /not a canonical name/],
    ['etc/ssl/etcd//ssl/x', 'file', undefined, /not a canonical name/],
    ['etc/ssl/etcd/ssl/x\ny', 'file', undefined, /control character/],
    ['etc/ssl/etcd/ssl/out', 'symlink', '/root/.ssh', /symlink to \/root\/.ssh, outside/],
    ['etc/ssl/etcd/ssl/out', 'symlink', '../../../../root', /symlink to .*outside/],
    [
      'etc/ssl/etcd/ssl/shadow',
      'link',
      'etc/shadow',
      /hard link to etc\/shadow, which is not a file earlier/,
    ],
    ['etc/ssl/etcd/ssl/up', 'link', '../x', /hard link/],
    [
      'etc/ssl/etcd/ssl/null',
      'character-device',
      undefined,
      /is a character-device: only regular files/,
    ],
    ['etc/ssl/etcd/ssl/sda', 'block-device', undefined, /block-device/],
    ['etc/ssl/etcd/ssl/pipe', 'fifo', undefined, /is a fifo/],
    ['etc/ssl/etcd/ssl/c', 'contiguous-file', undefined, /contiguous-file/],
    ['', 'file', undefined, /has no name/],
    // GNU 'V' (volume label), 'D' (dumpdir), 'S' (sparse): tar-stream knows no type for them.
    ['etc/ssl/etcd/ssl/unknown', null, undefined, /is a member of an unknown tar type/],
  ])('refuses %j (%s → %s)', (name, type, linkname, why) => {
    const err = refusal([...legit, { name, type, linkname }]);
    expect(err.message).toMatch(why);
    expect(err.message).toContain(`${WHERE}: member ${JSON.stringify(name)}`);
    expect(err.message).toMatch(/nothing of it was extracted/);
  });

  it('refuses a member below a symlink of the archive, wherever the link comes in the archive', () => {
    const link = { name: 'etc/kubernetes/ssl/keys', type: 'symlink', linkname: '../ssl' };
    const below = { name: 'etc/kubernetes/ssl/keys/authorized_keys2', type: 'file' };
    for (const order of [
      [link, below],
      [below, link],
    ]) {
      expect(refusal([...legit, ...order]).message).toMatch(
        /"etc\/kubernetes\/ssl\/keys\/authorized_keys2" lies below the symlink etc\/kubernetes\/ssl\/keys/,
      );
    }
  });

  it('refuses setuid/setgid files, a name that changes type, and a hard link to a later file', () => {
    expect(refusal([{ name: 'etc/etcd.env', mode: 0o4755 }]).message).toMatch(/setuid/);
    expect(refusal([{ name: 'etc/etcd.env', mode: 0o2755 }]).message).toMatch(/setgid/);
    expect(
      checkArchiveMembers(
        [{ name: 'etc/kubernetes/ssl/', type: 'directory', mode: 0o2755 }],
        ROOTS,
        WHERE,
      ).members,
    ).toHaveLength(1);
    expect(
      refusal([
        { name: 'etc/etcd.env', type: 'file' },
        { name: 'etc/etcd.env', type: 'symlink', linkname: 'ssl/etcd/ssl/ca.pem' },
      ]).message,
    ).toMatch(/appears twice, as a file and as a symlink/);
    expect(
      refusal([
        { name: 'etc/kubernetes/ssl/a', type: 'link', linkname: 'etc/kubernetes/ssl/b' },
        { name: 'etc/kubernetes/ssl/b', type: 'file' },
      ]).message,
    ).toMatch(/not a file earlier in this archive/);
  });

  it('a root is one the manifest lists and the layout backs up; prefixes of a root are not roots', () => {
    expect(
      archiveRoots(
        ['/etc/ssl/etcd/ssl', '/etc/cron.d', '/', '/etc/ssl/etcd/ssl/../../..', 'etc/etcd.env'],
        ['/etc/ssl/etcd/ssl', '/etc/etcd.env', '/etc/cron.d/../ssl'],
      ),
    ).toEqual(['/etc/ssl/etcd/ssl']);
    expect(refusal([{ name: 'etc/ssl/etcd/sslx' }]).message).toMatch(/outside/);
    expect(refusal([{ name: 'etc/ssl/etcd', type: 'directory' }]).message).toMatch(/outside/);
    expect(refusal([{ name: 'etc/ssl/etcd/ssl/ca.pem' }], []).message).toMatch(/\(none\)/);
    const err = (() => {
      try {
        checkArchiveMembers([{ name: 'etc/cron.d/x' }], ROOTS, WHERE, {
          paths: ['/etc/cron.d'],
          layout: 'kubespray',
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(
      /member "etc\/cron.d\/x" is under \/etc\/cron.d, which the manifest lists but a kubespray node's backup never holds .* restore with the same --layout and path flags/,
    );
  });
});

// --- generated hostile archives -----------------------------------------------------------

const segment = fc.oneof(
  fc.constantFrom(
    'etc',
    'ssl',
    'etcd',
    'kubernetes',
    'pki',
    'cron.d',
    'root',
    '.ssh',
    '..',
    '.',
    '',
  ),
  fc.string({ maxLength: 6 }),
);
const name = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/')),
  fc
    .constantFrom(...legit.map((h) => h.name as string))
    .chain((base) => fc.array(segment, { maxLength: 3 }).map((s) => [base, ...s].join('/'))),
  fc.constantFrom('/', '/etc/cron.d/x', 'etc/etcd.env', 'root/.ssh/authorized_keys2'),
);
const header: fc.Arbitrary<ArchiveHeader> = fc.record(
  {
    name,
    type: fc.constantFrom(
      'file',
      'directory',
      'symlink',
      'link',
      'character-device',
      'block-device',
      'fifo',
      'contiguous-file',
      'pax-header',
    ),
    linkname: fc.oneof(name, fc.constantFrom('/root', '../../..', 'ssl', '/etc/kubernetes/ssl')),
    mode: fc.oneof(fc.integer({ min: 0, max: 0o7777 }), fc.constantFrom(0o644, 0o600, 0o755)),
    uid: fc.nat(70000),
    gid: fc.nat(70000),
  },
  { requiredKeys: ['name'] },
);
/** Anything at all in each field: what a broken or hostile parser could hand over. */
const garbage: fc.Arbitrary<ArchiveHeader> = fc.record(
  {
    name: fc.anything(),
    type: fc.anything(),
    linkname: fc.anything(),
    mode: fc.anything(),
    uid: fc.anything(),
    gid: fc.anything(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ArchiveHeader>;

const within = (p: string) => ROOTS.some((r) => p === r || p.startsWith(`${r}/`));

/** Refused with an InputError that names a member, or every member is one that belongs. */
function expectRefusedOrSafe(headers: readonly ArchiveHeader[]): void {
  let checked: ReturnType<typeof checkArchiveMembers>;
  try {
    checked = checkArchiveMembers(headers, ROOTS, WHERE);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/: member .* nothing of it was extracted/);
    return;
  }
  for (const m of checked.members) {
    expect(within(m.path)).toBe(true);
    expect(m.path.split('/')).not.toContain('..');
    expect(['file', 'directory', 'symlink', 'hardlink']).toContain(m.type);
    if (m.type === 'symlink')
      expect(within(posix.resolve(posix.dirname(m.path), m.link!))).toBe(true);
    if (m.type === 'hardlink') expect(within(m.link!)).toBe(true);
    if (m.type !== 'directory') expect(m.mode & 0o6000).toBe(0);
  }
}

function verdict(headers: readonly ArchiveHeader[]): string {
  try {
    return `accepted ${checkArchiveMembers(headers, ROOTS, WHERE).members.length}`;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('node archive members, generated', () => {
  it('every archive is either refused with an InputError naming a member, or holds only what belongs', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(header, garbage), { maxLength: 12 }), (headers) => {
        expectRefusedOrSafe([...legit, ...headers]);
        expectRefusedOrSafe(headers);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a name that does not even convert to a string with an InputError (fast-check seed 2040963015)', () => {
    const hostile = { name: { toString: {} } } as unknown as ArchiveHeader;
    expect(verdict([hostile])).toMatch(/member "\(a object that is no name\)" has no name/);
    expectRefusedOrSafe([...legit, hostile]);
  });

  it('one bad member anywhere in a good archive refuses it, naming that member', () => {
    const bad = fc.constantFrom<ArchiveHeader>(
      { name: 'etc/cron.d/kube-rescue-evil' },
      { name: 'root/.ssh/authorized_keys2' },
      { name: 'etc/ssl/etcd/ssl/../../../../root/.ssh/x' },
      { name: 'etc/ssl/etcd/ssl/l', type: 'symlink', linkname: '/root/.ssh' },
      { name: 'etc/ssl/etcd/ssl/h', type: 'link', linkname: 'etc/shadow' },
      { name: 'etc/ssl/etcd/ssl/d', type: 'character-device' },
      { name: 'etc/ssl/etcd/ssl/f', type: 'fifo' },
    );
    fc.assert(
      fc.property(bad, fc.nat(legit.length), (member, at) => {
        const headers = [...legit.slice(0, at), member, ...legit.slice(at)];
        expect(refusal(headers).message).toContain(`member ${JSON.stringify(member.name)}`);
      }),
    );
  });

  it('real tar bytes: generated archives are refused or accepted as their headers are; random bytes are an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(header, { minLength: 1, maxLength: 6 }),
        fc.uint8Array({ maxLength: 2048 }),
        async (headers, noise) => {
          const pack = tarStream.pack();
          const packable = headers.filter(
            (h) => h.type !== 'pax-header' && typeof h.name === 'string' && h.name !== '',
          );
          for (const h of packable) {
            pack.entry(
              {
                name: h.name as string,
                type: h.type as tarStream.Header['type'],
                linkname: h.linkname as string,
                mode: h.mode as number,
                uid: h.uid as number,
                gid: h.gid as number,
                size: 0,
              },
              Buffer.alloc(0),
            );
          }
          pack.finalize();
          const read = await readArchiveHeaders(pack as unknown as Readable, WHERE);
          expectRefusedOrSafe(read);
          const same = (a: ArchiveHeader, b: ArchiveHeader) =>
            a.name === b.name && (a.type ?? 'file') === (b.type ?? 'file');
          // Where tar kept every name and type, the verdict is the one on the headers given.
          if (read.length === packable.length && read.every((h, i) => same(h, packable[i]!))) {
            expect(verdict(read)).toBe(verdict(packable));
          }
          try {
            checkArchiveMembers(
              await readArchiveHeaders(Readable.from([noise]), WHERE),
              ROOTS,
              WHERE,
            );
          } catch (err) {
            expect(err).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("GNU tar's own reading of the archive", () => {
  it('gnuTarNames is what LC_ALL=C tar --quoting-style=escape -tf prints, for any names', async () => {
    const segmentChars = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', ' ', '\\', '-', '>', 'é', '✓', '\u{1F600}'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      ),
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          segmentChars.filter((x) => x !== '.' && x !== '..' && !x.includes('/')),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (names) => {
          const members = names.map((n, i) => ({
            name: `etc/kubernetes/ssl/${n}`,
            type: i === 0 ? 'directory' : 'file',
          }));
          const checked = (() => {
            try {
              return checkArchiveMembers(members, ROOTS, WHERE);
            } catch {
              return undefined;
            }
          })();
          if (!checked) return; // control characters: refused before tar is asked
          const pack = tarStream.pack();
          for (const m of members) pack.entry({ name: m.name, type: m.type as 'file' }, '');
          pack.finalize();
          const chunks: Buffer[] = [];
          for await (const c of pack as unknown as AsyncIterable<Buffer>) chunks.push(c);
          const listed = await new Promise<string>((resolve, reject) => {
            const tar = execFile(
              'tar',
              ['--quoting-style=escape', '-tf', '-'],
              { env: { ...process.env, LC_ALL: 'C' } },
              (err, stdout) => (err ? reject(err) : resolve(stdout)),
            );
            tar.stdin!.end(Buffer.concat(chunks));
          });
          const gnu = listed
            .split('\n')
            .filter((l) => l !== '')
            .map((l) => l.replace(/\/$/, ''));
          expect(gnu).toEqual(gnuTarNames(checked.members));
        },
      ),
      { numRuns: 60 },
    );
  });
});
