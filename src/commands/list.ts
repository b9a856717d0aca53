import { text } from 'node:stream/consumers';
import { parseManifest } from '../backup/manifest.js';
import { openStore } from '../stores/open.js';
import type { S3Settings } from '../stores/s3-location.js';
import type { CommandContext } from './context.js';

export interface ListedSet {
  name: string;
  url: string;
  created: string;
  revision: number;
  bytes: number;
  encrypted: boolean;
}

/** Complete sets at `dest`, oldest first; sets whose manifest does not read are named in a warning. */
export async function list(
  dest: string,
  ctx: CommandContext,
  s3: S3Settings = {},
): Promise<ListedSet[]> {
  const store = await openStore(dest, s3);
  const out: ListedSet[] = [];
  for (const name of await store.list()) {
    const url = store.urlOf(name);
    try {
      const m = parseManifest(
        await text(await store.read(name, 'manifest.json')),
        `${url}/manifest.json`,
      );
      out.push({
        name,
        url,
        created: m.created,
        revision: m.snapshot.revision,
        bytes: m.objects.reduce((sum, o) => sum + o.bytes, 0),
        encrypted: m.objects.some((o) => o.encryption),
      });
    } catch (err) {
      ctx.progress.warn(`Skipping ${url}: ${(err as Error).message}`);
    }
  }
  return out;
}
