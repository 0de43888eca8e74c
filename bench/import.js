#!/usr/bin/env node
/**
 * Import benchmark: a registrar's files through the import job, against creating the same
 * alumni one row at a time through the Document Service.
 *
 *   npm run bench:import -- [--db=postgres|sqlite|both] [--rows=300000] [--xlsx-rows=100000] [--sample=2000] [--profile=DIR] [--only=csv,xlsx,single] [--files=DIR]
 *
 *   1. Writes the files, from the demo generator's alumni (`generateDemo`, deterministic): a
 *      CSV of --rows rows (UTF-8 with BOM, Chinese headers 姓名, 学号, 性别, 学院, 专业, 学历,
 *      毕业年份, 班级, 手机, 邮箱, 微信, 工作单位, 职务, 国家/地区, 省份, 城市, 行业; phones and
 *      years written in the ways registrars write them, colleges sometimes by code) with some
 *      rows the import must reject (a bad phone or e-mail, an unknown college, an impossible
 *      year, a student number twice, no name) and some naming classes the network lacks
 *      (created: the office allows new classes); and an XLSX of --xlsx-rows rows (every third
 *      alumnus; exceljs' streaming writer, shared strings as Excel writes them) whose 学院 and
 *      班级 cells are merged down their runs, as registrars' sheets are.
 *   2. For each file, on a fresh database holding the network's colleges, classes and industry
 *      groups (the demo's, 8,000 classes at 300,000 alumni): the import end to end as the
 *      command line runs it (the service's enqueue + run: read, check, match, compare, write
 *      in one transaction), in a process of its own, with its peak RSS (getrusage maxrss: the
 *      process's high-water mark, Strapi included) and the alumni counted afterwards. Then the
 *      duplicate scan, when the plugin has one (see DUPLICATE SCAN below).
 *   3. On another fresh database: --sample rows of the CSV (spread over the file), each looked
 *      up and written through the Document Service as a script would (college by name or
 *      code, class by name, year and college, created when missing; industry by name; the
 *      alumnus by student number; then `strapi.documents('plugin::liaison.alumnus').create`),
 *      extrapolated to the file's rows.
 *
 * Every phase runs in production mode (NODE_ENV=production with fresh secrets) with Node's
 * flags as `npm run import` has them (a 384 MB heap; --server: the server's, as `npm start` gives them;
 * --node-args=A,B: more), each in its own process on its own database.
 * PostgreSQL: `liaison_bench_<ts>_*` on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards; SQLite: temp files. Figures go to bench/results/import-<date>.json.
 * --profile=DIR writes each phase's CPU profile there (node --cpu-prof).
 * Targets (issue 15, this 2-core machine): CSV ≥ 5,000 rows/s, XLSX ≥ 2,000 rows/s, peak
 * memory < 600 MB for either.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, distDir, args, log, runChild, writeResults, runScript, productionSecrets, pad, fmt } = require('./lib');

const HEAD = ['姓名', '学号', '性别', '学院', '专业', '学历', '毕业年份', '班级', '手机', '邮箱', '微信', '工作单位', '职务', '国家/地区', '省份', '城市', '行业'];
const COL = Object.fromEntries(HEAD.map((h, i) => [h, i]));
const GENDER = { male: '男', female: '女', undisclosed: '' };
const DEGREE = { associate: '专科', bachelor: '本科', master: '硕士', doctor: '博士' };
const ALUMNUS = 'plugin::liaison.alumnus';
const COLLEGE = 'plugin::liaison.college';
const COHORT = 'plugin::liaison.cohort';
const INDUSTRY = 'plugin::liaison.industry-group';
const TARGETS = { csv: 5000, xlsx: 2000, peakMb: 600 };
/**
 * Node's flags: those `npm run import` gives scripts/import.js (package.json: a heap of 384 MB,
 * which the import's live data, about 250 MB at 300,000 rows, fits; without it V8 lets the
 * heap grow to twice that before it collects); `--server` runs each phase
 * with the flags `npm start` gives the server (scripts/start.js), as an import started from
 * the admin runs, in the server's process.
 */
const CLI_NODE_ARGS = require('../package.json').scripts.import.split(/\s+/).filter((word) => word.startsWith('--'));
const NODE_ARGS = args.server === 'true' ? ['--max-semi-space-size=64'] : CLI_NODE_ARGS;

const mb = (bytes) => bytes / 2 ** 20;

// ------------------------------------------------------------------ the files

/** A registrar's row for a demo alumnus, with the problems some rows have (by their place in the file). */
function rowOf(data, a, i, countryName, previous) {
  const cohort = data.cohorts[a.cohort];
  const college = data.colleges[cohort.college];
  const phone = a.phone;
  const mobile = /^1\d{10}$/.test(phone);
  const cells = [
    i % 53 === 0 ? ` ${a.name} ` : a.name,
    a.studentNo,
    GENDER[a.gender] ?? '',
    i % 41 === 0 ? college.code : college.name,
    a.major,
    DEGREE[a.degree],
    i % 7 === 0 ? `${cohort.gradYear}届` : String(cohort.gradYear),
    cohort.className,
    !mobile ? phone : i % 4 === 1 ? `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` : i % 4 === 2 ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone,
    i % 5 === 0 ? a.email.charAt(0).toUpperCase() + a.email.slice(1) : a.email,
    a.wechat ?? '',
    a.employer ?? '',
    a.jobTitle ?? '',
    countryName(a.country),
    a.province ?? '',
    a.city ?? '',
    a.industry === null ? '' : data.industries[a.industry].name,
  ];
  // What the import must reject, about 3 rows in 100 (and some abroad phones the demo writes unreadably).
  if (i % 97 === 5) cells[COL['手机']] = '139123';
  if (i % 101 === 7) cells[COL['邮箱']] = `${a.email.split('@')[0]}@`;
  if (i % 211 === 11) cells[COL['学院']] = '继续教育学院（已撤销）';
  if (i % 307 === 13) cells[COL['毕业年份']] = '2099';
  if (i % 401 === 17 && previous) cells[COL['学号']] = previous[COL['学号']];
  if (i % 503 === 19) cells[COL['姓名']] = '';
  // A class the network does not have yet: created by the import (the office allows it).
  if (i % 331 === 23) cells[COL['班级']] = `${a.major}${cohort.gradYear - 4}级插班`;
  return cells;
}

async function writeFiles(dir, rows, xlsxRows, sample) {
  const demo = require(path.join(distDir, 'src', 'demo'));
  const { stringify } = require('csv-stringify');
  const ExcelJS = require('exceljs');
  log(`  generating ${rows} alumni (the demo generator)…`);
  const data = demo.generateDemo({ alumni: rows, today: new Date().toISOString().slice(0, 10) });
  const regions = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
  const names = new Map();
  const countryName = (code) => {
    if (!names.has(code)) names.set(code, regions.of(code) ?? code);
    return names.get(code);
  };

  // The network the files are matched against (the demo's colleges, classes, industry groups).
  const reference = { colleges: data.colleges, cohorts: data.cohorts, industries: data.industries };
  fs.writeFileSync(path.join(dir, 'reference.json'), JSON.stringify(reference));

  const csvFile = path.join(dir, '2025届校友名单.csv');
  const xlsxFile = path.join(dir, '校友名单（合并单元格）.xlsx');
  const sampleRows = [];
  const every = Math.max(1, Math.floor(rows / sample));
  const xlsxEvery = Math.max(1, Math.floor(rows / xlsxRows));

  // CSV: UTF-8 with BOM, as Excel saves "CSV UTF-8".
  const out = fs.createWriteStream(csvFile);
  out.write('\ufeff');
  const csv = stringify({ record_delimiter: 'windows' });
  csv.pipe(out);
  const write = (line) => (csv.write(line) ? null : new Promise((resolve) => csv.once('drain', resolve)));
  await write(HEAD);

  // XLSX: streamed, shared strings; 学院 and 班级 merged down their runs (at most 40 rows).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('校友名单');
  sheet.addRow(HEAD).commit();
  const merged = [COL['学院'], COL['班级']];
  const runs = merged.map(() => ({ start: 0, value: null }));
  let sheetRow = 1;
  let committed = 1;
  let merges = 0;
  let xlsxWritten = 0;
  const closeRun = (k, end) => {
    const run = runs[k];
    if (run.value && end > run.start) {
      sheet.mergeCells(run.start, merged[k] + 1, end, merged[k] + 1);
      merges++;
    }
  };

  let previous = null;
  for (let i = 0; i < rows; i++) {
    const cells = rowOf(data, data.alumni[i], i, countryName, previous);
    previous = cells;
    const pending = write(cells);
    if (pending) await pending;
    if (i % every === 0 && sampleRows.length < sample) sampleRows.push({ row: i + 2, cells });
    if (i % xlsxEvery === 0 && xlsxWritten < xlsxRows) {
      xlsxWritten++;
      sheetRow++;
      const values = [...cells];
      merged.forEach((col, k) => {
        const run = runs[k];
        if (values[col] && values[col] === run.value && sheetRow - run.start < 40) values[col] = null;
        else {
          closeRun(k, sheetRow - 1);
          runs[k] = { start: sheetRow, value: values[col] };
        }
      });
      const year = Number(values[COL['毕业年份']]);
      if (Number.isInteger(year)) values[COL['毕业年份']] = year; // a number cell, as Excel keeps a year
      sheet.addRow(values);
      const oldest = Math.min(...runs.map((r) => r.start));
      if (oldest - 1 > committed) {
        sheet.getRow(oldest - 1).commit();
        committed = oldest - 1;
      }
    }
  }
  csv.end();
  await new Promise((resolve) => out.on('finish', resolve));
  merged.forEach((_, k) => closeRun(k, sheetRow));
  sheet.commit();
  await workbook.commit();
  fs.writeFileSync(path.join(dir, 'sample.json'), JSON.stringify(sampleRows));
  return {
    csv: { file: csvFile, rows, bytes: fs.statSync(csvFile).size },
    xlsx: { file: xlsxFile, rows: xlsxWritten, bytes: fs.statSync(xlsxFile).size, merges },
    sample: sampleRows.length,
    reference: { colleges: data.colleges.length, cohorts: data.cohorts.length, industries: data.industries.length },
  };
}

// ------------------------------------------------------------------ child: one phase

/** The network's colleges, classes and industry groups, written by the demo loader. */
async function seedReference(strapi, dir) {
  const demo = require(path.join(distDir, 'src', 'demo'));
  const reference = JSON.parse(fs.readFileSync(path.join(dir, 'reference.json'), 'utf8'));
  const empty = Object.fromEntries(demo.DEMO_TYPES.map(({ key }) => [key, []]));
  await strapi.db.transaction(({ trx }) => demo.writeDemo(strapi, trx, { ...empty, ...reference }, {}));
}

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const dir = args.dir;
  const strapi = await createStrapi({ appDir, distDir }).load();
  // The machine is shared: its load (1-minute average) before and after, beside the figures.
  const result = { phase: args.child, db: strapi.db.dialect.client, loadBefore: os.loadavg()[0] };
  try {
    await seedReference(strapi, dir);
    if (args.child === 'import') Object.assign(result, await importFile(strapi, args.file));
    else Object.assign(result, await oneByOne(strapi, JSON.parse(fs.readFileSync(path.join(dir, 'sample.json'), 'utf8'))));
  } finally {
    await strapi.destroy();
  }
  result.loadAfter = os.loadavg()[0];
  fs.writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

/** The import as `npm run import` runs it, timed end to end, with the process's memory. */
async function importFile(strapi, file) {
  const imports = strapi.plugin('liaison').service('imports');
  // The import takes its file away: it gets a copy.
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-import-')), path.basename(file));
  fs.copyFileSync(file, copy);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeakSampled = rssBefore;
  // What the process held when its RSS peaked: V8's heap (used, reserved), buffers outside it.
  let atPeak = null;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > rssPeakSampled) {
      rssPeakSampled = m.rss;
      atPeak = { heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
    }
  }, 100);
  let lastLog = 0;
  const started = process.hrtime.bigint();
  const { documentId } = await imports.enqueue({ path: copy, fileName: path.basename(file), dryRun: false, create: { cohorts: true }, user: null, source: 'cli' });
  await imports.run(documentId, {
    onProgress: (p) => {
      if (Date.now() - lastLog < 10_000) return;
      lastLog = Date.now();
      log(`    ${Math.round(p.progress * 100)}%, ${p.counts.rows} rows read`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  const done = await imports.findOne(documentId, null, 'en');
  if (done.status !== 'done') throw new Error(`import ${done.status}: ${done.failure?.message ?? ''}`);
  const alumni = await strapi.documents(ALUMNUS).count({});
  if (alumni !== done.counts.new) throw new Error(`${alumni} alumni stored, the import counted ${done.counts.new} new`);
  // A few read back through the Document Service, with their class.
  const some = await strapi.documents(ALUMNUS).findMany({ limit: 5, start: Math.floor(alumni / 2), populate: ['cohort'] });
  if (some.some((a) => !a.cohort?.documentId)) throw new Error('an imported alumnus has no class');
  const result = {
    seconds,
    rowsPerSecond: done.counts.rows / seconds,
    counts: done.counts,
    created: done.created,
    alumniStored: alumni,
    rssBeforeMb: mb(rssBefore),
    rssPeakSampledMb: mb(rssPeakSampled),
    atPeak,
    // getrusage: the process's high-water mark (kilobytes on Linux).
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };

  // ---------------------------------------------------------------- DUPLICATE SCAN
  // Issue 15 times the import "with the duplicate check": the duplicate scan of
  // plugins/liaison/server/src/duplicates/ over the imported alumni, when the plugin has it
  // (`scan()` finds and stores every probable pair and resolves with its outcome; a real
  // import that changed records has just started one, which this call joins; a build
  // without the duplicates service says the scan was skipped).
  let duplicates = null;
  try {
    duplicates = strapi.plugin('liaison').service('duplicates');
  } catch {
    duplicates = null;
  }
  if (typeof duplicates?.scan === 'function') {
    const scanStarted = process.hrtime.bigint();
    const scan = await duplicates.scan();
    result.duplicateScan = { seconds: Number(process.hrtime.bigint() - scanStarted) / 1e9, result: scan ?? null };
    result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  } else {
    result.duplicateScan = { skipped: 'the plugin has no duplicates service with a scan() yet' };
  }
  // ---------------------------------------------------------------- end of DUPLICATE SCAN
  return result;
}

/** Cleans a cell as a script would before writing it: null for empty. */
const clean = (text) => {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};
const GENDER_OF = { 男: 'male', 女: 'female' };
const DEGREE_OF = { 专科: 'associate', 本科: 'bachelor', 硕士: 'master', 博士: 'doctor' };
const COUNTRY_OF = new Map();

/** Each sampled row looked up and written through the Document Service, one at a time. */
async function oneByOne(strapi, sample) {
  const docs = (uid) => strapi.documents(uid);
  if (!COUNTRY_OF.size) {
    const names = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
    for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') COUNTRY_OF.set(names.of(a + b), a + b);
  }
  let rejected = 0;
  let created = 0;
  let updated = 0;
  let classes = 0;
  const started = process.hrtime.bigint();
  for (const { cells } of sample) {
    const cell = (name) => clean(cells[COL[name]]);
    const name = cell('姓名');
    const studentNo = cell('学号');
    const year = Number(/^(\d{4})/.exec(cell('毕业年份') ?? '')?.[1]);
    let phone = (cell('手机') ?? '').replace(/[\s-]/g, '').replace(/^\+86/, '');
    const email = cell('邮箱')?.toLowerCase() ?? null;
    if (!name || !studentNo || !(year >= 1900 && year <= 2033) || (phone && !/^(1\d{10}|\+[1-9]\d{6,14})$/.test(phone)) || (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) {
      rejected++;
      continue;
    }
    const collegeText = cell('学院');
    const college = await docs(COLLEGE).findFirst({ filters: { $or: [{ name: collegeText }, { code: collegeText }] }, fields: ['code'] });
    if (!college) {
      rejected++;
      continue;
    }
    const className = cell('班级');
    let cohort = await docs(COHORT).findFirst({ filters: { className, gradYear: year, college: { documentId: college.documentId } }, fields: ['code'] });
    if (!cohort) {
      cohort = await docs(COHORT).create({
        data: { className, gradYear: year, degreeLevel: DEGREE_OF[cell('学历')] ?? 'bachelor', code: `${college.code}${year}X${String(++classes).padStart(3, '0')}`, college: college.documentId },
        fields: ['code'],
      });
    }
    const industryName = cell('行业');
    const industry = industryName ? await docs(INDUSTRY).findFirst({ filters: { name: industryName }, fields: ['code'] }) : null;
    const data = {
      name,
      studentNo,
      gender: GENDER_OF[cell('性别')] ?? 'undisclosed',
      major: cell('专业'),
      degree: DEGREE_OF[cell('学历')] ?? null,
      phone: phone || null,
      email,
      wechat: cell('微信'),
      employer: cell('工作单位'),
      jobTitle: cell('职务'),
      country: COUNTRY_OF.get(cell('国家/地区')) ?? null,
      province: cell('省份'),
      city: cell('城市'),
      cohort: cohort.documentId,
      industry: industry?.documentId ?? null,
    };
    const existing = await docs(ALUMNUS).findFirst({ filters: { studentNo }, fields: ['studentNo'] });
    try {
      if (existing) {
        await docs(ALUMNUS).update({ documentId: existing.documentId, data });
        updated++;
      } else {
        await docs(ALUMNUS).create({ data });
        created++;
      }
    } catch {
      rejected++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { sampleRows: sample.length, seconds, msPerRow: (seconds * 1000) / sample.length, created, updated, rejected, classesCreated: classes };
}

// ------------------------------------------------------------------ parent

async function main() {
  const dbs = (args.db || 'postgres') === 'both' ? ['postgres', 'sqlite'] : [args.db || 'postgres'];
  for (const db of dbs) if (!['postgres', 'sqlite'].includes(db)) throw new Error('--db must be postgres, sqlite or both');
  const rows = Number(args.rows || 300000);
  const xlsxRows = Number(args['xlsx-rows'] || 100000);
  const sample = Number(args.sample || 2000);
  if (xlsxRows > rows) throw new Error('--xlsx-rows cannot be more than --rows (the XLSX takes every n-th row of the CSV)');

  log('Compiling the app…');
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: false });

  // --files=DIR keeps the files there and uses them again next time (same sizes).
  const keep = args.files ? path.resolve(args.files) : null;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-import-files-'));
  const made = keep && path.join(keep, `files-${rows}-${xlsxRows}-${sample}.json`);
  const results = [];
  let files;
  try {
    if (made && fs.existsSync(made)) {
      files = JSON.parse(fs.readFileSync(made, 'utf8'));
      log(`Using the files in ${keep}`);
    } else {
      log(`Writing the files (${rows} CSV rows, ${xlsxRows} XLSX rows)…`);
      if (keep) fs.mkdirSync(keep, { recursive: true });
      files = await writeFiles(dir, rows, xlsxRows, sample);
      if (made) fs.writeFileSync(made, JSON.stringify(files));
    }
    log(`  CSV ${fmt(mb(files.csv.bytes))} MB, XLSX ${fmt(mb(files.xlsx.bytes))} MB with ${files.xlsx.merges} merged ranges; ${files.reference.cohorts} classes in the network`);
    // Production mode, as `npm start` runs it.
    const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
    const extra = args['node-args'] ? args['node-args'].split(',') : [];
    const options = { env: { NODE_ENV: 'production', ...productionSecrets() }, nodeArgs: [...NODE_ARGS, ...profile, ...extra] };
    for (const db of dbs) {
      const run = {};
      const only = (args.only || 'csv,xlsx,single').split(',');
      for (const kind of ['csv', 'xlsx'].filter((k) => only.includes(k))) {
        log(`\n[${db}] import of the ${kind.toUpperCase()} (${files[kind].rows} rows)`);
        run[kind] = await runChild(__filename, db, `import_${kind}`, 'import', { dir, file: files[kind].file }, options);
        const r = run[kind];
        log(`[${db}] ${kind}: ${fmt(r.seconds)} s, ${fmt(r.rowsPerSecond, 0)} rows/s, peak RSS ${fmt(r.peakRssMb, 0)} MB (before ${fmt(r.rssBeforeMb, 0)} MB), load ${fmt(r.loadBefore)}→${fmt(r.loadAfter)}; ` +
          `new ${r.counts.new}, rejected ${r.counts.rejected}, classes created ${r.created.cohorts}` +
          (r.duplicateScan.seconds !== undefined ? `; duplicate scan ${fmt(r.duplicateScan.seconds)} s` : '; duplicate scan skipped'));
        if (r.atPeak) {
          log(`    during the import: peak RSS ${fmt(r.rssPeakSampledMb, 0)} MB sampled, when V8's heap used ${fmt(r.atPeak.heapUsedMb, 0)} of ${fmt(r.atPeak.heapTotalMb, 0)} MB ` +
            `and buffers outside it ${fmt(r.atPeak.arrayBuffersMb, 0)} MB`);
        }
      }
      if (!only.includes('csv') || !only.includes('xlsx') || !only.includes('single')) {
        // A partial run (profiling, say): its figures, no table.
        results.push({ database: db, partial: true, ...run });
        continue;
      }
      log(`\n[${db}] ${sample} rows one at a time through strapi.documents().create`);
      const single = await runChild(__filename, db, 'single', 'single', { dir }, options);
      log(`[${db}] one by one: ${fmt(single.seconds)} s, ${fmt(single.msPerRow)} ms a row (${single.created} created, ${single.rejected} rejected)`);
      const perRow = single.msPerRow / 1000;
      results.push({
        database: db,
        csv: { ...run.csv, oneByOneSeconds: perRow * files.csv.rows, ratio: (perRow * files.csv.rows) / run.csv.seconds },
        xlsx: { ...run.xlsx, oneByOneSeconds: perRow * files.xlsx.rows, ratio: (perRow * files.xlsx.rows) / run.xlsx.seconds },
        oneByOne: single,
      });
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }

  if (results.some((r) => r.partial)) return writeResults('import-partial', { rows, xlsxRows: files.xlsx.rows, results });
  const header = `${pad('database', 11)}${pad('file', 6)}${pad('rows', 9)}${pad('seconds', 9)}${pad('rows/s', 9)}${pad('target', 8)}${pad('peak MB', 9)}${pad('one by one s (extrapolated)', 29)}ratio`;
  const lines = results.flatMap((r) =>
    ['csv', 'xlsx'].map((kind) => {
      const f = r[kind];
      const met = `speed ${f.rowsPerSecond >= TARGETS[kind] ? 'met' : 'NOT met'}, memory ${f.peakRssMb < TARGETS.peakMb ? 'met' : 'NOT met'}`;
      return `${pad(r.database, 11)}${pad(kind, 6)}${pad(f.counts.rows, 9)}${pad(fmt(f.seconds), 9)}${pad(fmt(f.rowsPerSecond, 0), 9)}${pad(`≥${TARGETS[kind]}`, 8)}${pad(fmt(f.peakRssMb, 0), 9)}${pad(fmt(f.oneByOneSeconds, 0), 29)}${fmt(f.ratio, 0)}×  ${met}`;
    })
  );
  const scans = results.map((r) => `${r.database}: ${r.csv.duplicateScan.seconds !== undefined ? `${fmt(r.csv.duplicateScan.seconds)} s` : 'skipped (no duplicates service yet)'}`);
  process.stdout.write(
    `\nImport of a registrar's CSV (${rows} rows) and XLSX (${files.xlsx.rows} rows, ${files.xlsx.merges} merged ranges); one by one measured on ${sample} rows, extrapolated\n` +
      `${header}\n${lines.join('\n')}\nDuplicate scan after the CSV import: ${scans.join('; ')}\n` +
      `Targets: CSV ≥ ${TARGETS.csv} rows/s, XLSX ≥ ${TARGETS.xlsx} rows/s, peak RSS < ${TARGETS.peakMb} MB\n`
  );
  writeResults('import', { rows, xlsxRows: files.xlsx.rows, sample, files: { csvBytes: files.csv.bytes, xlsxBytes: files.xlsx.bytes, xlsxMerges: files.xlsx.merges, reference: files.reference }, targets: TARGETS, results });
}

runScript(child, main);
