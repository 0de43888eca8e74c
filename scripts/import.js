#!/usr/bin/env node
/**
 * Imports a registrar's file of alumni from the command line, for the office's scripts:
 *
 *   npm run import -- file.xlsx [--dry-run] [--mapping mapping.json]
 *                   [--create cohorts,colleges,industries] [--rejected out.csv] [--lang zh-Hans|en]
 *
 * Starts Strapi on the configured database (like the demo and the benchmarks: the compiled
 * app in dist/, so run `npm run build` first), runs the import as the admin API does (the same
 * checks, matching and one-transaction write, recorded in the import history), shows a
 * progress bar on stderr, prints the counts and writes the rejected rows beside the file
 * (or to --rejected). Exit code 0 when the import ran, 1 when it failed, 2 for bad arguments
 * or a file that cannot be imported.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const USAGE =
  'usage: npm run import -- <file.csv|file.xlsx> [--dry-run] [--mapping mapping.json] [--create cohorts,colleges,industries] [--rejected out.csv] [--lang zh-Hans|en]';

const parseArgs = (argv) => {
  const options = { dryRun: false, create: {} };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--mapping':
        options.mapping = value();
        break;
      case '--create':
        for (const what of String(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!['colleges', 'cohorts', 'industries'].includes(what)) throw new Error(`--create takes colleges, cohorts, industries (not ${what})`);
          options.create[what] = true;
        }
        break;
      case '--rejected':
        options.rejected = value();
        break;
      case '--lang':
        options.lang = value();
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
        rest.push(arg);
    }
  }
  if (!options.help && rest.length !== 1) throw new Error('name one file to import');
  options.file = rest[0];
  return options;
};

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const lang = options.lang === 'en' || options.lang === 'zh-Hans' ? options.lang : /^zh/i.test(process.env.LANG || '') ? 'zh-Hans' : 'en';
  const file = path.resolve(options.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    process.stderr.write(`${file}: no such file\n`);
    return 2;
  }
  let mapping = {};
  if (options.mapping) {
    try {
      mapping = JSON.parse(fs.readFileSync(path.resolve(options.mapping), 'utf8'));
      if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) throw new Error('not a JSON object');
    } catch (error) {
      process.stderr.write(`--mapping ${options.mapping}: ${error.message} (a JSON object: column header → field)\n`);
      return 2;
    }
  }

  const appDir = path.resolve(__dirname, '..');
  const distDir = path.join(appDir, 'dist');
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
    process.stderr.write('The app is not built: run `npm run build` first.\n');
    return 2;
  }
  // A script, not a server: no scheduled jobs, no demo seeded into an empty database, quiet logs.
  process.env.CRON_ENABLED = process.env.CRON_ENABLED ?? 'false';
  process.env.SEED_DEMO = process.env.SEED_DEMO ?? 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

  const { createStrapi } = require('@strapi/strapi');
  const cliProgress = require('cli-progress');
  const app = await createStrapi({ appDir, distDir }).load();
  const imports = app.plugin('liaison').service('imports');
  let code = 0;
  try {
    // The import keeps its own copy of the file (and removes it when done): never the original.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-import-')), path.basename(file));
    fs.copyFileSync(file, copy);
    let documentId;
    try {
      ({ documentId } = await imports.enqueue({
        path: copy,
        fileName: path.basename(file),
        dryRun: options.dryRun,
        mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v || null])),
        create: options.create,
        user: null,
        source: 'cli',
      }));
    } catch (error) {
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
      if (!error.id) throw error;
      for (const problem of error.all ?? [{ path: error.path, id: error.id, values: error.values }]) {
        process.stderr.write(`${imports.message(problem.id, problem.values, lang)}\n`);
      }
      return 2;
    }
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });

    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${options.dryRun ? 'dry run' : 'import '} {bar} {percentage}% | {rows} rows, {rejected} rejected`,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      cliProgress.Presets.shades_classic
    );
    bar.start(100, 0, { rows: 0, rejected: 0 });
    const started = Date.now();
    await imports.run(documentId, {
      onProgress: (p) => bar.update(Math.round(p.progress * 100), { rows: p.counts.rows, rejected: p.counts.rejected }),
    });
    const result = await imports.findOne(documentId, null, lang);
    bar.update(Math.round(result.progress * 100), { rows: result.counts.rows, rejected: result.counts.rejected });
    bar.stop();

    const c = result.counts;
    const seconds = (Date.now() - started) / 1000;
    const out = [
      `${result.fileName}: ${result.status}${result.dryRun ? ' (dry run: nothing written)' : ''} in ${seconds.toFixed(1)} s (${Math.round(c.rows / Math.max(seconds, 0.001))} rows/s)`,
      `  rows ${c.rows}, new ${c.new}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`,
    ];
    const created = result.created ?? {};
    if (created.colleges || created.cohorts || created.industries) {
      out.push(`  ${result.dryRun ? 'would create' : 'created'}: ${created.colleges} colleges, ${created.cohorts} classes, ${created.industries} industry groups`);
    }
    if (result.failure) out.push(`  ${result.failure.message}`);
    if (c.rejected > 0) {
      const target = path.resolve(options.rejected ?? path.join(path.dirname(file), `${path.basename(file).replace(/\.[^.]*$/, '')}.rejected.csv`));
      const { csv } = await imports.rejected(documentId, null, lang);
      fs.writeFileSync(target, csv);
      out.push(`  rejected rows: ${target}`);
    }
    if (!result.dryRun && c.new + c.updated > 0) {
      // The import started the duplicate check of the changed records; it finishes before the app stops.
      process.stderr.write('looking for probable duplicates…\n');
      const scan = await app.plugin('liaison').service('duplicates').scan();
      if (scan) out.push(`  probable duplicates: ${scan.pairs} pairs (${scan.added} new), see the admin's Duplicates page`);
    }
    out.push(`  import ${documentId}`);
    process.stdout.write(`${out.join('\n')}\n`);
    code = result.status === 'done' ? 0 : 1;
  } finally {
    await app.destroy();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  }
);
