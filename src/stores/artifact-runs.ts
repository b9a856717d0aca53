import { InputError, OperationError } from '../errors.js';

/**
 * What reaches the artifacts of earlier workflow runs: GitHub's REST API with a token. The
 * artifact service of the job itself (ACTIONS_RUNTIME_TOKEN) sees only the current run.
 */
export interface CrossRunAccess {
  /** The action's `github-token` input (secret, masked by the action before use). */
  token: string;
  owner: string;
  repo: string;
  /** This job's run (GITHUB_RUN_ID), when known. */
  runId?: number;
}

/** One artifact of the repository as the REST API lists it. */
export interface RepositoryArtifact {
  id: number;
  name: string;
  /** The workflow run that uploaded it: what `findBy` needs. */
  runId: number;
}

export const TOKEN_INPUT = 'github-token';

/** Said where an earlier run's artifacts are wanted and no token was given. */
export function crossRunNeedsToken(what: string): InputError {
  return new InputError(
    `To ${what}, kube-rescue must look at artifacts of earlier workflow runs, which needs a GitHub token, and input '${TOKEN_INPUT}' is empty. ` +
      `Leave it at its default (\${{ github.token }}) and give the job 'permissions: actions: read' ('actions: write' where retention prunes).`,
  );
}

/** A refusal of the REST API said in terms of the token input, never with the token. */
export function tokenRefused(
  status: number,
  detail: string,
  what: string,
  access: CrossRunAccess,
): InputError | OperationError {
  const where = `${access.owner}/${access.repo}`;
  if (status === 401) {
    return new InputError(
      `GitHub refused the token of input '${TOKEN_INPUT}' (401 ${detail}) to ${what} in ${where}. Pass a valid token: the default \${{ github.token }}, or a secret holding one.`,
    );
  }
  if (status === 403 || status === 404) {
    return new InputError(
      `The token of input '${TOKEN_INPUT}' may not ${what} in ${where} (${status} ${detail}). Give the job 'permissions: actions: read' ('actions: write' to prune old sets), or pass a token that has it.`,
    );
  }
  return new OperationError(`GitHub's API answered ${status} ${detail} to ${what} in ${where}.`);
}

/** The HTTP status of an error from @actions/artifact's REST calls (octokit's RequestError). */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The access from the job's environment (GITHUB_REPOSITORY, GITHUB_RUN_ID) and a token. */
export function crossRunAccessFrom(
  token: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CrossRunAccess | undefined {
  if (!token) return undefined;
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(
      `GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY ?? ''}', not owner/name: artifacts of earlier runs can be found only inside a GitHub Actions job.`,
    );
  }
  const runId = Number(env.GITHUB_RUN_ID);
  return { token, owner, repo, ...(Number.isSafeInteger(runId) && runId > 0 ? { runId } : {}) };
}

interface ListPage {
  total_count: number;
  artifacts: {
    id: number;
    name: string;
    expired?: boolean;
    workflow_run?: { id?: number; repository_id?: number; head_repository_id?: number } | null;
  }[];
}

/**
 * `GET /repos/{owner}/{repo}/actions/artifacts` (with `?name=` when given), every page, newest
 * first. Left out: expired artifacts (their content is gone) and artifacts of runs from a fork
 * (a pull request from a fork can upload artifacts to the base repository under any name).
 */
export async function listRepositoryArtifacts(
  access: CrossRunAccess,
  name?: string,
): Promise<RepositoryArtifact[]> {
  // The same base URL @actions/github uses, so one GITHUB_API_URL (GHE.com, a test) serves both.
  const api = process.env.GITHUB_API_URL || 'https://api.github.com';
  const what = name ? `find the artifact ${name}` : 'list the artifacts';
  const out: RepositoryArtifact[] = [];
  for (let page = 1; ; page++) {
    const url = new URL(
      `${api.replace(/\/+$/, '')}/repos/${encodeURIComponent(access.owner)}/${encodeURIComponent(access.repo)}/actions/artifacts`,
    );
    url.searchParams.set('per_page', '100');
    url.searchParams.set('page', String(page));
    if (name) url.searchParams.set('name', name);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${access.token}`,
          'x-github-api-version': '2022-11-28',
        },
      });
    } catch (err) {
      throw new OperationError(
        `Cannot reach GitHub's API at ${api} to ${what} of ${access.owner}/${access.repo}: ${(err as Error).message}.`,
        { cause: err },
      );
    }
    if (!res.ok) {
      const detail = await res
        .json()
        .then((b: { message?: string }) => b.message ?? res.statusText)
        .catch(() => res.statusText);
      throw tokenRefused(res.status, detail, what, access);
    }
    const body = (await res.json()) as ListPage;
    for (const a of body.artifacts) {
      const run = a.workflow_run;
      if (a.expired || !run?.id) continue;
      if (run.head_repository_id !== undefined && run.head_repository_id !== run.repository_id)
        continue;
      out.push({ id: a.id, name: a.name, runId: run.id });
    }
    if (body.artifacts.length < 100 || page * 100 >= body.total_count) break;
  }
  return out.sort((a, b) => b.id - a.id);
}
