import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { ArtifactClient } from '@actions/artifact';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../../src/stores/artifact.js';

/**
 * A FAKE of @actions/artifact's ArtifactClient interface. The real artifact service exists
 * only inside a GitHub Actions job and cannot run here; this fake keeps uploaded files in a
 * directory so the adapter's use of the interface (names, root dir, download, delete) is
 * checked. The adapter itself is exercised for real only in the action's workflows.
 */
class DirectoryArtifactFake implements ArtifactClient {
  readonly root = mkdtempSync(join(tmpdir(), 'fake-artifacts-'));
  readonly uploads: { name: string; files: string[]; options?: object }[] = [];
  private ids = new Map<string, number>();
  async uploadArtifact(name: string, files: string[], rootDirectory: string, options?: object) {
    this.uploads.push({ name, files: files.map((f) => relative(rootDirectory, f)), options });
    mkdirSync(join(this.root, name));
    for (const f of files) copyFileSync(f, join(this.root, name, relative(rootDirectory, f)));
    const id = this.ids.size + 1;
    this.ids.set(name, id);
    return { id, size: 0 };
  }
  async listArtifacts() {
    return { artifacts: [...this.ids].map(([name, id]) => ({ name, id, size: 0 })) };
  }
  async getArtifact(name: string) {
    const id = this.ids.get(name);
    if (!id) {
      // As the real client's ArtifactNotFoundError.
      const err = new Error(`Artifact not found for name: ${name}`);
      err.name = 'ArtifactNotFoundError';
      throw err;
    }
    return { artifact: { name, id, size: 0 } };
  }
  async downloadArtifact(id: number, options?: { path?: string }) {
    const name = [...this.ids].find(([, i]) => i === id)![0];
    for (const f of readdirSync(join(this.root, name))) {
      copyFileSync(join(this.root, name, f), join(options!.path!, f));
    }
    return { downloadPath: options?.path };
  }
  async deleteArtifact(name: string) {
    const id = this.ids.get(name)!;
    this.ids.delete(name);
    return { id };
  }
}

describe('ArtifactStore (against a fake of the ArtifactClient interface)', () => {
  it('uploads a set as one artifact only on commit, with every object, and reads it back', async () => {
    const fake = new DirectoryArtifactFake();
    const staging = mkdtempSync(join(tmpdir(), 'staging-'));
    const store = new ArtifactStore(fake, staging);
    const set = await store.begin('c-20261122T000000Z');
    await set.write('etcd.db.gz', Readable.from([Buffer.from('db')]));
    await set.write('manifest.json', Readable.from([Buffer.from('{}')]));
    expect(fake.uploads).toEqual([]);
    await expect(store.read('c-20261122T000000Z', 'etcd.db.gz')).rejects.toThrow(
      /find the backup set c-20261122T000000Z, which is not an artifact of this run/,
    );
    await set.commit();
    expect(fake.uploads).toEqual([
      {
        name: 'c-20261122T000000Z',
        files: ['etcd.db.gz', 'manifest.json'],
        options: { compressionLevel: 0 },
      },
    ]);
    expect(await text(await store.read('c-20261122T000000Z', 'etcd.db.gz'))).toBe('db');
    const head = await store.read('c-20261122T000000Z', 'etcd.db.gz', { firstBytes: 1 });
    expect(await text(head)).toBe('d');
    expect(await store.stat('c-20261122T000000Z', 'etcd.db.gz')).toEqual({ bytes: 2 });
    expect(await store.stat('c-20261122T000000Z', 'absent')).toBeNull();
    expect(await store.objects('c-20261122T000000Z')).toEqual([
      { name: 'etcd.db.gz', bytes: 2 },
      { name: 'manifest.json', bytes: 2 },
    ]);
    await store.remove('c-20261122T000000Z');
    await expect(
      new ArtifactStore(fake, staging).stat('c-20261122T000000Z', 'etcd.db.gz'),
    ).rejects.toThrow(/not an artifact of this run/);
    // Listing needs the token: this run's artifacts alone would hide every earlier set.
    await expect(store.list()).rejects.toThrow(/input 'github-token' is empty/);
    expect(store.urlOf('x')).toBe('artifact://x');
  });

  it('an upload failure fails the commit with the set name', async () => {
    const fake = new DirectoryArtifactFake();
    fake.uploadArtifact = async () => {
      throw new Error('Failed to CreateArtifact: 403');
    };
    const store = new ArtifactStore(fake, mkdtempSync(join(tmpdir(), 'staging-')));
    const set = await store.begin('c-20261122T000000Z');
    await set.write('manifest.json', Readable.from([Buffer.from('{}')]));
    await expect(set.commit()).rejects.toThrow(
      /Uploading the backup set c-20261122T000000Z as a workflow artifact failed: Failed to CreateArtifact: 403/,
    );
  });
});
