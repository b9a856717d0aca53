import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArtifactClient } from '@actions/artifact';
import { InputError, OperationError } from '../errors.js';
import { LocalStore } from './local.js';
import { checkObjectName, compareSetNames } from './set-name.js';
import type { PendingSet, ReadOptions, Store } from './store.js';

/** `artifact://` (or `artifact://<name-prefix>`): sets kept as artifacts of the workflow run. */
export const ARTIFACT_SCHEME = 'artifact://';

/**
 * One artifact per set, named after it. The artifact service only exists inside a GitHub
 * Actions job, so objects are first written to a private staging directory on the runner
 * and uploaded in one go by `commit`; the service makes an artifact visible only once its
 * upload is finalized, which is the completeness guarantee here.
 */
export class ArtifactStore implements Store {
  readonly location = ARTIFACT_SCHEME;
  constructor(
    private readonly client: ArtifactClient,
    private readonly stagingRoot = process.env.RUNNER_TEMP ?? tmpdir(),
    private readonly retentionDays?: number,
  ) {}

  async begin(setName: string): Promise<PendingSet> {
    checkObjectName(setName);
    const staging = await mkdtemp(join(this.stagingRoot, 'kube-rescue-artifact-'));
    const local = new LocalStore(staging);
    const pending = await local.begin(setName);
    return {
      write: (object, data, options) => pending.write(object, data, options),
      commit: async () => {
        await pending.commit();
        const dir = join(staging, setName);
        const files = (await readdir(dir)).sort().map((f) => join(dir, f));
        try {
          // Objects are already compressed or encrypted: zipping again only costs time.
          await this.client.uploadArtifact(setName, files, dir, {
            compressionLevel: 0,
            ...(this.retentionDays ? { retentionDays: this.retentionDays } : {}),
          });
        } catch (err) {
          throw new OperationError(
            `Uploading the backup set ${setName} as a workflow artifact failed: ${(err as Error).message}.`,
            { cause: err },
          );
        } finally {
          await rm(staging, { recursive: true, force: true });
        }
      },
      abort: async () => {
        await rm(staging, { recursive: true, force: true });
      },
    };
  }

  async list(): Promise<string[]> {
    const { artifacts } = await this.client.listArtifacts({ latest: true });
    return artifacts.map((a) => a.name).sort(compareSetNames);
  }

  /** Downloads the set's artifact once per store instance; reads come from the copy. */
  private readonly downloaded = new Map<string, Promise<string>>();
  private download(setName: string): Promise<string> {
    let dir = this.downloaded.get(setName);
    if (!dir) {
      dir = (async () => {
        const { artifact } = await this.client.getArtifact(setName).catch((err) => {
          throw new OperationError(
            `No workflow artifact named ${setName} in this run's repository: ${(err as Error).message}.`,
          );
        });
        const path = await mkdtemp(join(this.stagingRoot, 'kube-rescue-download-'));
        await this.client.downloadArtifact(artifact.id, { path });
        return path;
      })();
      this.downloaded.set(setName, dir);
    }
    return dir;
  }

  async read(setName: string, object: string, options?: ReadOptions): Promise<Readable> {
    const dir = await this.download(setName);
    return new LocalStore(dirname(dir)).read(basename(dir), checkObjectName(object), options);
  }

  async stat(setName: string, object: string): Promise<{ bytes: number } | null> {
    const dir = await this.download(setName);
    return new LocalStore(dirname(dir)).stat(basename(dir), checkObjectName(object));
  }

  async objects(setName: string): Promise<{ name: string; bytes: number }[]> {
    const dir = await this.download(setName);
    const out: { name: string; bytes: number }[] = [];
    for (const name of (await readdir(dir)).sort()) {
      out.push({ name, bytes: (await stat(join(dir, name))).size });
    }
    return out;
  }

  async remove(setName: string): Promise<void> {
    await this.client.deleteArtifact(setName);
  }

  urlOf(setName: string): string {
    return `${ARTIFACT_SCHEME}${setName}`;
  }

  /** An artifact of its own, holding one file of that name. */
  async readSidecar(name: string): Promise<string | null> {
    checkObjectName(name);
    const found = await this.client.getArtifact(name).catch(() => undefined);
    if (!found) return null;
    const path = await mkdtemp(join(this.stagingRoot, 'kube-rescue-download-'));
    try {
      await this.client.downloadArtifact(found.artifact.id, { path });
      return await readFile(join(path, name), 'utf8');
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  }

  /**
   * Artifacts cannot be replaced: the old one is deleted, then the new one uploaded. A runner
   * lost between the two loses the journal; the next run then refuses nothing but resumes
   * nothing either, which the restore's log says.
   */
  async writeSidecar(name: string, text: string): Promise<void> {
    checkObjectName(name);
    const staging = await mkdtemp(join(this.stagingRoot, 'kube-rescue-artifact-'));
    try {
      const file = join(staging, name);
      await writeFile(file, text, { mode: 0o600 });
      await this.client.deleteArtifact(name).catch(() => undefined);
      await this.client.uploadArtifact(name, [file], staging, {
        ...(this.retentionDays ? { retentionDays: this.retentionDays } : {}),
      });
    } catch (err) {
      throw new OperationError(
        `Uploading ${name} as a workflow artifact failed: ${(err as Error).message}.`,
        { cause: err },
      );
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  sidecarUrl(name: string): string {
    return `${ARTIFACT_SCHEME}${name}`;
  }
}

/** The real client: only inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN is set there). */
export async function defaultArtifactClient(): Promise<ArtifactClient> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN) {
    throw new InputError(
      'artifact:// destinations work only inside a GitHub Actions job (the artifact service is not reachable elsewhere). Use a directory or s3:// URL here.',
    );
  }
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}
