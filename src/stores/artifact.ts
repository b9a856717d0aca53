import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArtifactClient } from '@actions/artifact';
import { InputError, OperationError } from '../errors.js';
import {
  type CrossRunAccess,
  crossRunAccessFrom,
  crossRunNeedsToken,
  listRepositoryArtifacts,
  statusOf,
  tokenRefused,
} from './artifact-runs.js';
import { LocalStore } from './local.js';
import { checkObjectName, compareSetNames, parseSetName } from './set-name.js';
import type { PendingSet, ReadOptions, Store } from './store.js';

/** `artifact://`: sets kept as artifacts of the repository's workflow runs. */
export const ARTIFACT_SCHEME = 'artifact://';

/** An artifact found: in another run (`runId`, reached with `findBy`), or in this one. */
interface Located {
  id: number;
  runId?: number;
}

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
    /** With a token: sets of earlier runs of the repository too. */
    private readonly crossRun?: CrossRunAccess,
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

  /**
   * Set names only (`<cluster>-<timestamp>`): plan files, reports and journals are artifacts
   * too, and reading each would download it. With a token: every run of the repository (see
   * artifact-runs.ts), and this run's own through the job's artifact service; without one,
   * refused, since a list of this run alone would hide every earlier set.
   */
  async list(): Promise<string[]> {
    if (!this.crossRun) throw crossRunNeedsToken('list the backup sets kept as artifacts');
    const names = new Set(
      (await listRepositoryArtifacts(this.crossRun)).map((a) => a.name).filter(parseSetName),
    );
    const { artifacts } = await this.client.listArtifacts({ latest: true });
    for (const a of artifacts) if (parseSetName(a.name)) names.add(a.name);
    return [...names].sort(compareSetNames);
  }

  /** `findBy` for an artifact of another run. */
  private findBy(runId: number) {
    const { token, owner, repo } = this.crossRun!;
    return {
      findBy: { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo },
    };
  }

  /**
   * The newest artifact of that name: among every run of the repository with a token, else
   * (or when the REST list does not show it yet) in this run. Null when there is none.
   */
  private async locate(name: string): Promise<Located | null> {
    if (this.crossRun) {
      const [newest] = await listRepositoryArtifacts(this.crossRun, name);
      if (newest) return { id: newest.id, runId: newest.runId };
    }
    try {
      const { artifact } = await this.client.getArtifact(name);
      return { id: artifact.id };
    } catch (err) {
      if ((err as Error).name === 'ArtifactNotFoundError') return null;
      throw new OperationError(
        `Looking up the workflow artifact ${name} failed: ${(err as Error).message}.`,
        { cause: err },
      );
    }
  }

  /** Downloads one located artifact into a new private directory. */
  private async fetchArtifact(name: string, found: Located): Promise<string> {
    const path = await mkdtemp(join(this.stagingRoot, 'kube-rescue-download-'));
    try {
      if (found.runId === undefined) {
        await this.client.downloadArtifact(found.id, { path });
      } else {
        // getArtifact with findBy confirms the run still holds it under that name (the newest
        // of that name in the run), as the toolkit finds artifacts of other runs.
        const by = this.findBy(found.runId);
        const { artifact } = await this.client.getArtifact(name, by);
        await this.client.downloadArtifact(artifact.id, { path, ...by });
      }
      return path;
    } catch (err) {
      await rm(path, { recursive: true, force: true });
      throw this.failure(err, `download the artifact ${name}`);
    }
  }

  /** A failed call of the client, in terms of the token input where GitHub refused it. */
  private failure(err: unknown, what: string): Error {
    const status = statusOf(err);
    if (this.crossRun && status !== undefined && [401, 403, 404].includes(status))
      return tokenRefused(status, (err as Error).message, what, this.crossRun);
    if (err instanceof InputError || err instanceof OperationError) return err;
    return new OperationError(`Could not ${what}: ${(err as Error).message}.`, { cause: err });
  }

  /** Downloads the set's artifact once per store instance; reads come from the copy. */
  private readonly downloaded = new Map<string, Promise<string>>();
  private download(setName: string): Promise<string> {
    let dir = this.downloaded.get(setName);
    if (!dir) {
      dir = (async () => {
        const found = await this.locate(setName);
        if (!found) {
          if (!this.crossRun)
            throw crossRunNeedsToken(
              `find the backup set ${setName}, which is not an artifact of this run`,
            );
          throw new InputError(
            `No workflow artifact named ${setName} in ${this.crossRun.owner}/${this.crossRun.repo}: it was never uploaded, has expired, or was pruned. 'command: list' with 'destination: artifact://' shows the sets there are.`,
          );
        }
        return this.fetchArtifact(setName, found);
      })();
      // A failure is not kept: the next read asks again.
      dir.catch(() => this.downloaded.delete(setName));
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

  /** Retention: deletes the set's artifact in the run that holds it (`actions: write`). */
  async remove(setName: string): Promise<void> {
    const found = await this.locate(setName);
    if (!found) return;
    try {
      if (found.runId === undefined) await this.client.deleteArtifact(setName);
      else await this.client.deleteArtifact(setName, this.findBy(found.runId));
    } catch (err) {
      throw this.failure(err, `delete the artifact ${setName}`);
    }
  }

  urlOf(setName: string): string {
    return `${ARTIFACT_SCHEME}${setName}`;
  }

  /**
   * An artifact of its own, holding one file of that name: the newest of that name, of any run
   * with a token (a restore re-run as a new workflow run finds the journal of the last one).
   * Only "no such artifact" reads as absent; any other failure is said, since a journal taken
   * for absent would start a half-finished restore afresh.
   */
  async readSidecar(name: string): Promise<string | null> {
    checkObjectName(name);
    const found = await this.locate(name);
    if (!found) return null;
    const path = await this.fetchArtifact(name, found);
    try {
      return await readFile(join(path, name), 'utf8');
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  }

  /**
   * Artifact names are unique within a run: this run's old copy is deleted, then the new one
   * uploaded (a runner lost between the two loses the journal; the next run then resumes
   * nothing, which the restore's log says). A copy in an earlier run is left there: the new
   * one is newer, and reads take the newest.
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

/** The action's `github-token` input, set once by the action before any store opens. */
let githubToken: string | undefined;
export function useGitHubToken(token: string | undefined): void {
  githubToken = token || undefined;
}

/** The store `artifact://` names: this job's artifact service, and earlier runs with a token. */
export async function openArtifactStore(): Promise<ArtifactStore> {
  const client = await defaultArtifactClient();
  return new ArtifactStore(client, undefined, undefined, crossRunAccessFrom(githubToken));
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
