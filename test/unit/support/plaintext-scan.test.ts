import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaintextScan } from '../../support/plaintext-scan.js';

// The scanner the dress rehearsal's test relies on to show that no plaintext of the user's
// backup lands on the runner: it must see each kind of plaintext, also in a file that exists
// only briefly, and nothing in a file that holds none.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plaintext-scan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tarOf(name: string, body: string): Promise<Buffer> {
  const tar = pack();
  tar.entry({ name, size: body.length }, body);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const c of tar) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('PlaintextScan', () => {
  it('finds a bbolt file, a tar archive and a needle, also in a file removed at once, and nothing else', async () => {
    const needle = 'MHcCAQEEIBkW3dress4rehearsal5needle6of7a8private9key0AoGCCqGSM49';
    const scan = new PlaintextScan([dir], [needle]).start();
    const bbolt = Buffer.alloc(4096);
    bbolt.writeUInt32LE(0xed0cdaed, 16);
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 'b', 'snapshot.db'), bbolt);
    await writeFile(join(dir, 'archive.tar'), await tarOf('etc/ssl/etcd/ssl/ca-key.pem', 'k'));
    await writeFile(join(dir, 'leak.log'), `line\n${needle}\n`);
    await writeFile(join(dir, 'clean.age'), Buffer.from('age-encryption.org/v1\n-> X25519 …'));
    // Written and removed at once: only the watcher can see it.
    const brief = join(dir, 'brief.db');
    await writeFile(brief, bbolt);
    await new Promise((r) => setTimeout(r, 30));
    await rm(brief);
    const found = await scan.stop();
    expect(found.get(join(dir, 'a', 'b', 'snapshot.db'))).toBe('an etcd snapshot (bbolt)');
    expect(found.get(join(dir, 'archive.tar'))).toMatch(
      /^a tar archive \(first member "etc\/ssl\/etcd\/ssl\/ca-key\.pem"\)/,
    );
    expect(found.get(join(dir, 'leak.log'))).toMatch(/^a private key of the backup/);
    expect(found.get(brief)).toBe('an etcd snapshot (bbolt)');
    expect(found.has(join(dir, 'clean.age'))).toBe(false);
    expect(found.size).toBe(4);
  });
});
