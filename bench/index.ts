/**
 * `npm run bench -- [recovery] …`: the backup bench (bench/backup.ts) by default, the
 * recovery bench (bench/recovery.ts) when the first argument is `recovery`.
 */
if (process.argv[2] === 'recovery') {
  process.argv.splice(2, 1);
  await import('./recovery.js');
} else {
  await import('./backup.js');
}
