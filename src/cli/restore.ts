// `npm run restore -- <backup>`: puts a backup in place of DATA_DIR's data, with the bot stopped.
import { config as loadDotenv } from 'dotenv';
import { ConfigError, parseConfig } from '../config.ts';
import { listBackups } from '../ops/backup.ts';
import { restoreBackup, RestoreError } from '../ops/restore.ts';

async function main(args: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const { dataDir } = parseConfig(process.env);
  const backup = args.find((a) => !a.startsWith('-'));
  if (backup === undefined) {
    const all = await listBackups(dataDir);
    process.stdout.write('usage: npm run restore -- <backup folder or name>\n');
    process.stdout.write(all.length === 0 ? `no backups in ${dataDir}/backups\n` : `backups in ${dataDir}/backups (newest last):\n`);
    for (const b of all) process.stdout.write(`  ${b.name}  ${b.files} files, ${b.bytes} bytes\n`);
    return 2;
  }
  const done = await restoreBackup(dataDir, backup, new Date());
  process.stdout.write(`restored ${done.files} files (${done.bytes} bytes) from ${done.from} into ${dataDir}\n`);
  if (done.setAside) process.stdout.write(`the data that was there before is kept in ${done.setAside}\n`);
  process.stdout.write('run `npm run check`, then start the bot\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof RestoreError || err instanceof ConfigError) process.stderr.write(`courtwall restore: ${err.message}\n`);
    else process.stderr.write(`courtwall restore failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
