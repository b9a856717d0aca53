// s3rver's account registry (lib/models/account.js): the act tests add a key pair of their
// own, so the AWS secret they search the runner's log for is random, not s3rver's default.
declare module 's3rver/lib/models/account.js' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
    revokeAccessKey(accessKeyId: string): void;
  }
  const account: { DUMMY_ACCOUNT: AWSAccount };
  export default account;
}
