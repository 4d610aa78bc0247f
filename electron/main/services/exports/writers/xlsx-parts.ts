import type { ColumnKind, SelectedColumn } from '../../../../../shared/domain/export-columns';

/** The fixed parts of an XLSX package (SpreadsheetML), apart from the sheet data. */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** [Content_Types].xml for a workbook of `sheets` worksheets. */
export function contentTypesXml(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('\n');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
${overrides}
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;
}

export const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;

/** xl/_rels/workbook.xml.rels: sheets take rId1..rIdN, styles and shared strings follow. */
export function workbookRelsXml(sheets: number): string {
  const sheetRels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('\n');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
${sheetRels}
<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>
<Relationship Id="rId${sheets + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`;
}

/** The shared-string table; `items` are ready-made `<t>` elements. */
export function sharedStringsXml(items: readonly string[], references: number): string {
  return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${references}" uniqueCount="${items.length}">${items.map((t) => `<si>${t}</si>`).join('')}</sst>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Excel forbids []:*?/\ in sheet names and stops at 31 characters. */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Export';
}

/** The sheet names of a workbook whose rows continue over `sheets` sheets: "Trades", "Trades (2)", ... */
export function continuedSheetNames(title: string, sheets: number): string[] {
  const base = sheetName(title);
  return Array.from({ length: sheets }, (_, i) => {
    if (i === 0) return base;
    const suffix = ` (${i + 1})`;
    // The suffix must survive Excel's 31-character cap, or two sheets would share a name.
    return `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
  });
}

export function workbookXml(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

export function corePropsXml(title: string, at: number): string {
  const when = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>Spark Journal</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created></cp:coreProperties>`;
}

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', AUD: 'A$', CAD: 'C$', CHF: 'CHF ' };

/** The money number format: the currency's symbol when the rows share one currency. */
export function moneyFormat(currency: string | null): string {
  if (!currency) return '#,##0.00;-#,##0.00';
  const symbol = CURRENCY_SYMBOLS[currency];
  const amount = currency === 'JPY' ? '#,##0' : '#,##0.00';
  return symbol ? `"${symbol}"${amount};-"${symbol}"${amount}` : `${amount} "${currency}";-${amount} "${currency}"`;
}

/** Cell style ids in styles.xml's cellXfs, by role. */
export const STYLE = { header: 1, datetime: 2, day: 3, money: 4, percent: 5 } as const;

/** The style id of money in the k-th of the report's row currencies (after the fixed ones). */
export const rowMoneyStyle = (k: number) => 6 + k;

export function stylesXml(currency: string | null, rowCurrencies: readonly string[] = []): string {
  const formats: (readonly [number, string])[] = [
    [164, 'yyyy-mm-dd hh:mm:ss'],
    [165, 'yyyy-mm-dd'],
    [166, moneyFormat(currency)],
    [167, '0.00%'],
    ...rowCurrencies.map((c, k) => [168 + k, moneyFormat(c)] as const),
  ];
  const xf = (numFmtId: number, fontId = 0) =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
  return `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${6 + rowCurrencies.length}">${xf(0)}${xf(0, 1)}${xf(164)}${xf(165)}${xf(166)}${xf(167)}${rowCurrencies.map((_, k) => xf(168 + k)).join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';
}

const WIDTHS: Record<ColumnKind, number> = {
  text: 16,
  list: 24,
  integer: 10,
  number: 12,
  money: 14,
  datetime: 20,
  day: 12,
  percent: 10,
  boolean: 9,
};

/** Everything of a sheet before its first data row: frozen header pane, widths, header row. */
export function sheetHead(columns: readonly SelectedColumn[], refs: readonly string[], selected: boolean): string {
  const cols = columns
    .map((c, i) => {
      const width = Math.min(60, Math.max(WIDTHS[c.kind], c.header.length + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const header = columns
    .map((c, i) => `<c r="${refs[i]}1" s="${STYLE.header}" t="inlineStr"><is><t>${escapeXml(c.header)}</t></is></c>`)
    .join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

export const SHEET_TAIL = '</sheetData></worksheet>';

/** A1-style column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnRef(index: number): string {
  let n = index + 1;
  let ref = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    ref = String.fromCharCode(65 + rem) + ref;
    n = Math.floor((n - 1) / 26);
  }
  return ref;
}
