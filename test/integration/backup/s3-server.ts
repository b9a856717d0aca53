import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

/** A real S3-speaking server (s3rver) on 127.0.0.1, random port, with a `backups` bucket. */
export async function startS3rver(
  directory: string,
): Promise<{ server: S3rver; endpoint: string }> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'backups', configs: [] }],
  });
  const addr: AddressInfo = await server.run();
  return { server, endpoint: `http://127.0.0.1:${addr.port}` };
}
