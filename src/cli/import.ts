import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { config as loadEnv } from 'dotenv';
import { loadSeedUnits } from '../app.ts';
import { parseConfig } from '../config.ts';
import { buildImportPlan } from '../domain/metrics/import-rows.ts';
import { readTable } from '../import/read-table.ts';
import { previewImport } from '../bot/features/import-preview.ts';
import { htmlToText } from '../text/html.ts';
import { translator } from '../text/i18n.ts';
import { openStore } from '../store/open-store.ts';

/**
 * `npm run import -- <file.csv|file.xlsx> [--yes]`: the same validation and preview as the
 * bot, applied to DATA_DIR only with --yes. Takes the data directory lock, so it refuses
 * while the bot runs (stop it, or send the file to the bot instead).
 */
async function main(argv: string[]): Promise<number> {
  loadEnv({ quiet: true });
  const config = parseConfig(process.env);
  const t = translator(config.defaultLang);
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run import -- <file.csv|file.xlsx> [--yes]\n');
    return 2;
  }
  const table = await readTable(await readFile(file), file);
  if (!table.ok) {
    process.stderr.write(`${file}: ${JSON.stringify(table.error)}\n`);
    return 1;
  }
  const store = await openStore(config.dataDir, { seedUnits: await loadSeedUnits() });
  try {
    const plan = buildImportPlan(table.rows, store.metrics.catalog(), store.org.units());
    const preview = previewImport(t, plan, (o) => store.metrics.observation(o) !== undefined, { file: basename(file), encoding: table.encoding }, 'import.cliHint');
    process.stdout.write(htmlToText(preview.text) + '\n');
    if (plan.errors.length > 0) return 1;
    if (!argv.includes('--yes')) return 0;
    const importedAt = new Date().toISOString();
    const stamped = plan.observations.map((o) => ({ ...o, importedBy: 0, importedAt, source: basename(file) }));
    const result = await store.metrics.saveObservations(stamped);
    await store.audit.record({ at: importedAt, actor: 0, action: 'metrics.import', target: basename(file), detail: { rows: stamped.length, ...result, via: 'cli' } });
    process.stdout.write(htmlToText(t('import.applied', { count: stamped.length, add: result.added, replace: result.replaced, file: basename(file) })) + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
