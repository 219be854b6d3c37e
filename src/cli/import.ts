import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { config as loadEnv } from 'dotenv';
import { loadSeedUnits } from '../app.ts';
import { parseConfig } from '../config.ts';
import { createImportWorker } from '../import/read-off-thread.ts';
import { MAX_IMPORT_BYTES } from '../import/read-table.ts';
import { previewImport } from '../render/import-preview.ts';
import { renderTableError } from '../render/import-errors.ts';
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
  if ((await stat(file)).size > MAX_IMPORT_BYTES) {
    process.stderr.write(`${file}: ${htmlToText(renderTableError(t, { code: 'too_large', limit: MAX_IMPORT_BYTES }))}\n`);
    return 1;
  }
  const bytes = await readFile(file);
  const store = await openStore(config.dataDir, { seedUnits: await loadSeedUnits() });
  const worker = createImportWorker();
  try {
    const catalog = store.metrics.catalog();
    const units = store.org.units();
    // Whoever runs the CLI on the server holds the data directory: an admin, every unit allowed.
    const checked = await worker.run({ bytes, fileName: file, catalog, units, maxYear: new Date().getUTCFullYear() + 1 });
    if (!checked.table.ok || !('plan' in checked)) {
      process.stderr.write(`${file}: ${htmlToText(renderTableError(t, checked.table.ok ? { code: 'too_complex' } : checked.table.error))}\n`);
      return 1;
    }
    const { plan, table } = checked;
    const apply = argv.includes('--yes');
    const source = { file: basename(file), encoding: table.encoding };
    const preview = previewImport({ t, lang: config.defaultLang, catalog, units }, plan, (o) => store.metrics.observation(o), source, apply ? undefined : 'import.cliHint');
    process.stdout.write(htmlToText(preview.text) + '\n');
    if (plan.errors.length > 0) return 1;
    if (!apply) return 0;
    const importedAt = new Date().toISOString();
    const stamped = plan.observations.map((o) => ({ ...o, importedBy: 0, importedAt, source: basename(file) }));
    const result = await store.metrics.saveObservations(stamped);
    await store.audit.record({ at: importedAt, actor: 0, action: 'metrics.import', target: basename(file), detail: { rows: stamped.length, ...result, via: 'cli' } });
    process.stdout.write(htmlToText(t('import.applied', { count: stamped.length, add: result.added, replace: result.replaced, file: basename(file) })) + '\n');
    return 0;
  } finally {
    await worker.close();
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
