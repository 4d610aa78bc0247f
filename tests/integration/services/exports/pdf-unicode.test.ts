import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/main/services/handlers';
import type { TestServices } from '../../../helpers/test-services';
import { seededServices } from './helpers';
import { readPdf } from './read-back';

let current: (TestServices & { out: string }) | null = null;
afterEach(async () => {
  await current?.cleanup();
  current = null;
});

// One note, tag and account name per script; each short enough to fit its column uncut.
const NOTES = ['🚀 go 😀', '日本語のメモ', 'שלום עולם', 'صفقة رابحة', 'Ελληνικά Кирилл', 'Zoë Łódź ŞİR', 'fraktur 𝔘'];
const TAGS = ['🔥hot', '趋势', 'מגמה', 'اتجاه'];
const ACCOUNTS = ['חשבון', 'حساب'];
const TITLE = 'Rapport 交易 🚀 דוח تقرير';

it('a PDF report keeps emoji, CJK, Hebrew, Arabic, Greek and Cyrillic in notes, tags, accounts and the title', async () => {
  const t = (current = seededServices(7));
  const sqlite = t.services.db.sqlite;
  const accounts = sqlite.prepare('SELECT id FROM accounts ORDER BY id').all() as { id: number }[];
  accounts.forEach((a, i) => sqlite.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(ACCOUNTS[i], a.id));
  const tags = sqlite.prepare('SELECT id FROM tags ORDER BY id').all() as { id: number }[];
  tags.forEach((tag, i) => sqlite.prepare('UPDATE tags SET name = ? WHERE id = ?').run(TAGS[i], tag.id));
  const trades = sqlite.prepare('SELECT id FROM trades ORDER BY id').all() as { id: number }[];
  trades.forEach((trade, i) => sqlite.prepare('UPDATE trades SET notes = ? WHERE id = ?').run(NOTES[i], trade.id));
  // Every tag on a trade, so each tag name is in the table.
  for (const tag of tags) sqlite.prepare('INSERT OR IGNORE INTO trade_tags (trade_id, tag_id) VALUES (?, ?)').run(trades[0]!.id, tag.id);

  const target = join(t.out, 'unicode.pdf');
  t.desktop.answerNextSave(target);
  const created = await createHandlers(t.services)['exports:create']({
    type: 'trades',
    format: 'pdf',
    params: { filter: { accountIds: accounts.map((a) => a.id) }, sort: { key: 'id', dir: 'asc' } },
    columns: [{ key: 'id' }, { key: 'account' }, { key: 'tags' }, { key: 'notes' }, { key: 'netPnl' }],
    options: { title: TITLE },
  });
  if (!created.ok) throw new Error(created.error.message);
  const job = await t.services.exports.waitFor(created.data!.id);
  expect(job.status).toBe('completed');

  const pdf = await readPdf(target);
  const [cover, table] = [pdf.pageTexts[0]!, pdf.pageTexts.slice(1).join('\n')];
  // Read back with PDF.js through the fonts' ToUnicode maps: no character became '?'.
  expect(pdf.pageTexts.join('\n')).not.toContain('?');
  expect(pdf.pageTexts.join('\n')).not.toContain('\ufffd');
  // The title (cover and every page footer), right-to-left words whole and in logical order.
  for (const word of ['Rapport', '交易', '🚀', 'דוח', 'تقرير']) {
    expect(cover).toContain(word);
    for (const page of pdf.pageTexts) expect(page).toContain(word);
  }
  // The accounts filter on the cover names both accounts.
  expect(cover).toMatch(/Accounts: .*חשבון/);
  expect(cover).toContain('حساب');
  for (const word of [...ACCOUNTS, ...TAGS, '🚀', 'go', '😀', '日本語のメモ', 'שלום', 'עולם', 'صفقة', 'رابحة', 'Ελληνικά', 'Кирилл', 'Zoë', 'Łódź', 'ŞİR']) {
    expect(table).toContain(word);
  }
  // Several right-to-left words run right to left on the page: read left to right, the last word comes first.
  expect(table).toContain('עולם שלום');
  expect(table).toContain('رابحة صفقة');
  // A character no bundled font draws is named, not dropped.
  expect(table).toContain('fraktur [U+1D518]');
}, 60_000);
