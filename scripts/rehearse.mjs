// `npm run rehearse`: the README's first quick-start command.
// Runs the bundled CLI's `rehearse` with whatever arguments follow.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'rehearse', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
