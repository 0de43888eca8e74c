import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawn } from 'child_process';
import { csvOf } from './helpers';

/**
 * `npm run import -- file [--dry-run] [--mapping mapping.json]`: the office's scripts import
 * through the same job as the admin page. Each run starts Strapi in its own process on the
 * test database (this test boots none itself).
 */
const root = path.resolve(__dirname, '../..');
const PREFIX = `K${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`;

const cli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/import.js'), ...args], { cwd: root, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
  it('dry run, real run, the same file again; rejected rows beside the file; a mapping', async () => {
    const file = path.join(dir, 'roster.csv');
    fs.writeFileSync(
      file,
      csvOf([
        ['姓名', 'Matric', '手机'],
        ['王芳', `${PREFIX}-1`, '+86 139 1234 5678'],
        ['李振东', `${PREFIX}-2`, '138-1234-5678'],
        ['陈静', `${PREFIX}-3`, ''],
        ['坏号码', `${PREFIX}-4`, '12345'],
      ])
    );
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ Matric: 'studentNo' }));

    const dry = await cli([file, '--dry-run', '--mapping', mapping]);
    expect(dry.stderr).toContain('100%');
    expect(dry.stdout).toMatch(/roster.csv: done \(dry run: nothing written\) in [\d.]+ s \(\d+ rows\/s\)/);
    expect(dry.stdout).toContain('rows 4, new 3, updated 0, unchanged 0, rejected 1');
    const rejected = path.join(dir, 'roster.rejected.csv');
    expect(dry.stdout).toContain(`rejected rows: ${rejected}`);
    expect(fs.readFileSync(rejected, 'utf8')).toContain(`5,坏号码,${PREFIX}-4,12345,手机: bad phone number: 12345`);
    expect(dry.code).toBe(0);

    const real = await cli([file, `--mapping=${mapping}`, '--rejected', path.join(dir, 'out.csv'), '--lang', 'zh-Hans']);
    expect(real.stdout).toContain('rows 4, new 3, updated 0, unchanged 0, rejected 1');
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toContain('手机：电话号码有误：12345');
    expect(real.code).toBe(0);

    const again = await cli([file, '--mapping', mapping]);
    expect(again.stdout).toContain('rows 4, new 0, updated 0, unchanged 3, rejected 1');
    expect(again.code).toBe(0);
  }, 240000);

  it('says what is wrong with a file it cannot import, or with its arguments', async () => {
    const file = path.join(dir, 'roster.txt');
    fs.writeFileSync(file, 'not a spreadsheet');
    const wrong = await cli([file]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('roster.txt: only .csv and .xlsx files can be imported');
    const usage = await cli(['--frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import --');
  }, 120000);
});
