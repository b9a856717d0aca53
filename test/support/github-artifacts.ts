import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A MOCK of GitHub: the subset of its REST API (GITHUB_API_URL) and of the job's artifact
// service (ACTIONS_RESULTS_URL, Twirp, plus the blob storage its signed URLs point at) that
// @actions/artifact 6 calls. GitHub's services cannot exist on this machine, and nothing here
// may talk to them: this loopback server stands in so that the real @actions/artifact client
// and our real store code run against it, holding the real zip files that client uploads.
// What it cannot show: GitHub's own behaviour (permissions, pagination limits, eventual
// consistency, retention); the tests say what is proven against this mock only.

export interface MockArtifact {
  id: number;
  name: string;
  runId: number;
  /** The zip the client uploaded (blocks committed by the blob upload). */
  zip: Buffer;
  createdAt: string;
  expired: boolean;
  /** Uploaded by a run from a fork (a pull request): its head repository differs. */
  fromFork: boolean;
}

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** The Authorization header. */
  authorization?: string;
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const REPOSITORY_ID = 1000;
const FORK_ID = 2000;

interface PendingUpload {
  runId: number;
  name: string;
  blocks: Map<string, Buffer>;
  body?: Buffer;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

export class GitHubArtifactsMock {
  readonly artifacts: MockArtifact[] = [];
  readonly requests: SeenRequest[] = [];
  /** Artifact ids removed through the REST API (`DELETE …/actions/artifacts/{id}`). */
  readonly restDeletes: number[] = [];
  /** Runs whose uploads count as a fork's. */
  readonly forkRuns = new Set<number>();
  private readonly uploads = new Map<string, PendingUpload>();
  private nextId = 9001;
  private server?: Server;
  base = '';

  constructor(
    readonly token: string,
    readonly owner = 'example',
    readonly repo = 'cluster-ops',
  ) {}

  get apiUrl(): string {
    return `${this.base}/api`;
  }

  /** An ACTIONS_RUNTIME_TOKEN for a job of run `runId` (jwt-decode reads only its claims). */
  runtimeToken(runId: number): string {
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.Results:run-${runId}:job-${runId}` })}.mock`;
  }

  /** The environment a step of run `runId` gets from the runner, pointed at this mock. */
  jobEnv(runId: number): Record<string, string> {
    return {
      GITHUB_API_URL: this.apiUrl,
      ACTIONS_RESULTS_URL: `${this.base}/`,
      ACTIONS_RUNTIME_TOKEN: this.runtimeToken(runId),
      GITHUB_REPOSITORY: `${this.owner}/${this.repo}`,
      GITHUB_RUN_ID: String(runId),
    };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: Error) => json(res, 500, { message: err.message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Live (not deleted) artifacts of that name, newest first. */
  named(name: string): MockArtifact[] {
    return this.artifacts.filter((a) => a.name === name).sort((a, b) => b.id - a.id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push({
      method: req.method ?? '',
      url: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
    });
    if (url.pathname.startsWith('/api/')) return this.rest(req, res, url);
    if (url.pathname.startsWith(TWIRP)) return this.twirp(req, res, url);
    if (url.pathname.startsWith('/upload/')) return this.blobPut(req, res, url);
    const blob = /^\/blob\/(\d+)\.zip$/.exec(url.pathname);
    if (blob && req.method === 'GET') {
      const a = this.artifacts.find((x) => x.id === Number(blob[1]));
      if (!a) return json(res, 404, { message: 'The specified blob does not exist.' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': a.zip.length });
      res.end(a.zip);
      return;
    }
    json(res, 404, { message: `mock: no route ${req.method} ${url.pathname}` });
  }

  private restView(a: MockArtifact) {
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: `${this.apiUrl}/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.apiUrl}/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}/zip`,
      expired: a.expired,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: a.createdAt,
      digest: null,
      workflow_run: {
        id: a.runId,
        repository_id: REPOSITORY_ID,
        head_repository_id: a.fromFork ? FORK_ID : REPOSITORY_ID,
        head_branch: 'main',
        head_sha: '0'.repeat(40),
      },
    };
  }

  private page(res: ServerResponse, url: URL, list: MockArtifact[]): void {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const sorted = [...list].sort((a, b) => b.id - a.id);
    json(res, 200, {
      total_count: sorted.length,
      artifacts: sorted.slice((page - 1) * perPage, page * perPage).map((a) => this.restView(a)),
    });
  }

  private async rest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.token}` && auth !== `token ${this.token}`) {
      return json(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    const path = url.pathname.slice('/api'.length);
    const repo = `/repos/${this.owner}/${this.repo}/actions`;
    if (!path.startsWith(`${repo}/`)) return json(res, 404, { message: 'Not Found' });
    const rest = path.slice(repo.length);
    const name = url.searchParams.get('name');
    const byName = (a: MockArtifact) => name === null || a.name === name;
    if (req.method === 'GET' && rest === '/artifacts') {
      return this.page(res, url, this.artifacts.filter(byName));
    }
    const runList = /^\/runs\/(\d+)\/artifacts$/.exec(rest);
    if (req.method === 'GET' && runList) {
      const run = Number(runList[1]);
      return this.page(
        res,
        url,
        this.artifacts.filter((a) => a.runId === run && byName(a)),
      );
    }
    const zip = /^\/artifacts\/(\d+)\/zip$/.exec(rest);
    if (req.method === 'GET' && zip) {
      const a = this.artifacts.find((x) => x.id === Number(zip[1]));
      if (!a) return json(res, 404, { message: 'Not Found' });
      if (a.expired) return json(res, 410, { message: 'Artifact has expired' });
      res.writeHead(302, { location: `${this.base}/blob/${a.id}.zip?sig=mock-signature` });
      res.end();
      return;
    }
    const one = /^\/artifacts\/(\d+)$/.exec(rest);
    if (req.method === 'DELETE' && one) {
      const i = this.artifacts.findIndex((x) => x.id === Number(one[1]));
      if (i < 0) return json(res, 404, { message: 'Not Found' });
      this.restDeletes.push(this.artifacts[i].id);
      this.artifacts.splice(i, 1);
      res.writeHead(204);
      res.end();
      return;
    }
    json(res, 404, { message: 'Not Found' });
  }

  /** The run a runtime token names (the job's artifact service is scoped to its run). */
  private runOf(req: IncomingMessage): number | undefined {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    try {
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      const m = /Actions\.Results:run-(\d+):/.exec(claims.scp ?? '');
      return m ? Number(m[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  private async twirp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const run = this.runOf(req);
    if (run === undefined) return json(res, 401, { code: 'unauthenticated', msg: 'bad token' });
    const method = url.pathname.slice(TWIRP.length);
    const r = JSON.parse((await body(req)).toString() || '{}');
    const inRun = (name?: string) =>
      this.artifacts.filter((a) => a.runId === run && (name === undefined || a.name === name));
    const monolith = (a: MockArtifact) => ({
      workflow_run_backend_id: `run-${run}`,
      workflow_job_run_backend_id: `job-${run}`,
      database_id: String(a.id),
      name: a.name,
      size: String(a.zip.length),
      created_at: a.createdAt,
    });
    switch (method) {
      case 'CreateArtifact': {
        if (inRun(r.name).length > 0)
          return json(res, 409, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run',
          });
        const key = `${run}-${r.name}`;
        this.uploads.set(key, { runId: run, name: r.name, blocks: new Map() });
        return json(res, 200, {
          ok: true,
          signed_upload_url: `${this.base}/upload/${encodeURIComponent(key)}?sig=mock-signature`,
        });
      }
      case 'FinalizeArtifact': {
        const key = `${run}-${r.name}`;
        const up = this.uploads.get(key);
        if (!up?.body) return json(res, 404, { code: 'not_found', msg: 'no upload' });
        this.uploads.delete(key);
        const a: MockArtifact = {
          id: this.nextId++,
          name: r.name,
          runId: run,
          zip: up.body,
          createdAt: new Date().toISOString(),
          expired: false,
          fromFork: this.forkRuns.has(run),
        };
        this.artifacts.push(a);
        return json(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      case 'ListArtifacts': {
        let list = inRun(r.name_filter ?? undefined);
        if (r.id_filter) list = list.filter((a) => a.id === Number(r.id_filter));
        return json(res, 200, { artifacts: list.map(monolith) });
      }
      case 'GetSignedArtifactURL': {
        const [a] = inRun(r.name);
        if (!a) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
        return json(res, 200, { signed_url: `${this.base}/blob/${a.id}.zip?sig=mock-signature` });
      }
      case 'DeleteArtifact': {
        const [a] = inRun(r.name);
        if (!a) return json(res, 404, { code: 'not_found', msg: 'artifact not found' });
        this.artifacts.splice(this.artifacts.indexOf(a), 1);
        return json(res, 200, { ok: true, artifact_id: String(a.id) });
      }
    }
    json(res, 404, { code: 'bad_route', msg: `mock: no method ${method}` });
  }

  /** Azure block blob uploads as the client's BlobClient.uploadStream sends them. */
  private async blobPut(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const up = this.uploads.get(decodeURIComponent(url.pathname.slice('/upload/'.length)));
    const data = await body(req);
    if (!up || req.method !== 'PUT') {
      res.writeHead(404);
      res.end();
      return;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      up.blocks.set(url.searchParams.get('blockid') ?? '', data);
    } else if (comp === 'blocklist') {
      const ids = [...data.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
        (m) => m[1],
      );
      up.body = Buffer.concat(ids.map((id) => up.blocks.get(id) ?? Buffer.alloc(0)));
    } else {
      up.body = data;
    }
    res.writeHead(201, {
      etag: '"0x1"',
      'last-modified': new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true',
      'x-ms-version': '2025-01-05',
    });
    res.end();
  }
}
