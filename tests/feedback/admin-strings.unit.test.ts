import fs from 'fs';
import path from 'path';

/** The Feedback page and the Training page's figure speak both languages: every string in both files. */
const root = path.resolve(__dirname, '../..');
const messages = (lang: string) => JSON.parse(fs.readFileSync(path.join(root, `plugins/liaison/admin/src/translations/${lang}.json`), 'utf8'));
const sources = ['FeedbackPage.tsx', 'Dialogs.tsx', 'SettingsPanel.tsx', 'StatsTable.tsx']
  .map((f) => fs.readFileSync(path.join(root, 'plugins/liaison/admin/src/pages/Feedback', f), 'utf8'))
  .join('\n');

describe('the Feedback page speaks both languages', () => {
  it('has every id it names, and every kind and status, in English and in Chinese', () => {
    const named = [...sources.matchAll(/t\(\s*'(feedback\.[^']+)'/g)].map((m) => m[1]);
    const kinds = ['career_help', 'cooperation', 'suggestion', 'complaint', 'data_correction', 'other'].map((k) => `feedback.kind.${k}`);
    const statuses = ['open', 'overdue', 'answered'].map((s) => `feedback.status.${s}`);
    const en = messages('en');
    const zh = messages('zh-Hans');
    const ids = [...new Set([...named, ...kinds, ...statuses, 'training.officeAnswer.title', 'training.officeAnswer.median', 'training.officeAnswer.none'])];
    expect(ids.length).toBeGreaterThan(40);
    expect(ids.filter((id) => !en[id])).toEqual([]);
    expect(ids.filter((id) => !/[\u4e00-\u9fff]/.test(zh[id] ?? ''))).toEqual([]);
    expect(Object.keys(zh).filter((k) => k.startsWith('feedback.')).sort()).toEqual(Object.keys(en).filter((k) => k.startsWith('feedback.')).sort());
  });
});
