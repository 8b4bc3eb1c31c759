/** 批量导入 (issue 12): decoding, reading, times, the mapping of a row, the report's lines, the chunks. */
import { describe, expect, it } from 'vitest';
import { chunkCountOf, chunkRange, countsOf, sumCounts } from '../../../shared/domain/imports/bulk-import';
import { hotlineMapping } from '../../../shared/domain/imports/hotline-mapping';
import { mapRow, problemText, requireUsableMapping } from '../../../shared/domain/imports/map-row';
import { decodeText, parseCsv, sniffFormat } from '../../../shared/domain/imports/read-table';
import { reportHeader, reportLine } from '../../../shared/domain/imports/import-report';
import { parseSourceTime } from '../../../shared/domain/imports/source-time';
import { ValidationError } from '../../../shared/domain/errors';
import { mappingFor } from '../../../shared/use-cases/imports/import-mappings';

// "工单编号,诉求内容" in GBK, as Excel on a Chinese Windows saves it.
const gbk = Buffer.from([0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xcb, 0xdf, 0xc7, 0xf3, 0xc4, 0xda, 0xc8, 0xdd]);

describe('decoding an export', () => {
  it('reads GBK when the bytes are not UTF-8, UTF-8 with or without a BOM', () => {
    expect(decodeText(gbk)).toBe('工单编号,诉求内容');
    expect(decodeText(Buffer.from('\ufeff工单编号', 'utf8'))).toBe('工单编号');
    expect(decodeText(Buffer.from('工单编号', 'utf8'))).toBe('工单编号');
  });
  it('tells XLSX (a ZIP) from CSV and reads quoted CSV fields', () => {
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(sniffFormat(gbk)).toBe('csv');
    expect(parseCsv('a,b\r\n1,"x, ""y"""\r\n\r\n2,z\r\n')).toEqual({ header: ['a', 'b'], rows: [['1', 'x, "y"'], ['2', 'z']] });
  });
});

describe('source times (Beijing time when no zone)', () => {
  it.each([
    ['2026-11-03 14:05', '2026-11-03T06:05:00.000Z'],
    ['2026/11/3 14:05:00', '2026-11-03T06:05:00.000Z'],
    ['2026年11月3日 14:05', '2026-11-03T06:05:00.000Z'],
    ['2026-11-03', '2026-11-02T16:00:00.000Z'],
    ['2026-11-03T14:05:00+08:00', '2026-11-03T06:05:00.000Z'],
    ['2026-11-03T06:05:00Z', '2026-11-03T06:05:00.000Z'],
    // Excel serial: 46329 is 2026-11-03; .5 is noon.
    ['46329.5', '2026-11-03T04:00:00.000Z'],
  ])('%s', (text, iso) => expect(parseSourceTime(text)?.toISOString()).toBe(iso));
  it.each(['上周三', '2026-02-30 10:00', '2026-13-01', '2026-11-03 25:00', '12'])('refuses %s', (text) => expect(parseSourceTime(text)).toBeUndefined());
});

describe('mapping a row', () => {
  const indexes = requireUsableMapping(hotlineMapping.header!, hotlineMapping);
  const row = ['GD1', '路灯不亮', '北门路灯坏了两周', '城建', '2026-11-03 14:05', '张先生', '13900000001', '人民路1号'];
  it('makes the intake body: channel import, our category, contact with consent, the original time', () => {
    const mapped = mapRow(row, indexes, hotlineMapping);
    expect(mapped).toEqual({
      ok: true,
      row: {
        recordId: 'GD1',
        submittedAt: new Date('2026-11-03T06:05:00Z'),
        body: { title: '路灯不亮', content: '北门路灯坏了两周', category: 'housing', channel: 'import', location: { address: '人民路1号' }, contact: { name: '张先生', phone: '13900000001', consent: true } },
      },
    });
  });
  it('an unmapped category takes the default; no title takes the content’s first words; no phone or email, no contact', () => {
    const mapped = mapRow(['GD2', '', '内容很长'.repeat(10), '不知道', '', '王', '', ''], indexes, hotlineMapping);
    expect(mapped.ok && mapped.row.body).toEqual({ title: '内容很长'.repeat(10).slice(0, 30), content: '内容很长'.repeat(10), category: 'other', channel: 'import' });
  });
  it('names every broken field, in zh-CN', () => {
    const mapped = mapRow(['', '', '', '', '昨天', '', '123', ''], indexes, hotlineMapping);
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(Object.keys(mapped.problems).sort()).toEqual(['contact.phone', 'content', 'recordId', 'submittedAt', 'title']);
    expect(problemText({ content: mapped.problems.content! })).toBe('建议内容：必填');
  });
  it('a mapping needs the record id and content columns, and columns the file has', () => {
    expect(() => requireUsableMapping(['a'], { ...hotlineMapping, columns: { title: 'a' } })).toThrow(ValidationError);
    try {
      requireUsableMapping(['工单编号', '诉求内容'], hotlineMapping);
    } catch (error) {
      expect(Object.keys((error as ValidationError).fields!)).toContain('mapping.title');
    }
  });
  it('the saved mapping for the same header is picked', () => {
    expect(mappingFor([hotlineMapping], hotlineMapping.header!)?.name).toBe('12345 热线');
    expect(mappingFor([hotlineMapping], ['其他'])).toBeUndefined();
  });
});

describe('chunks and report', () => {
  it('splits rows into 500-row chunks and sums counts', () => {
    expect(chunkCountOf(100_000)).toBe(200);
    expect(chunkCountOf(1)).toBe(1);
    expect(chunkRange(1, 1200)).toEqual({ from: 501, to: 1000 });
    expect(chunkRange(2, 1200)).toEqual({ from: 1001, to: 1200 });
    const counts = countsOf([{ row: 1, outcome: 'imported' }, { row: 2, outcome: 'skipped' }, { row: 3, outcome: 'invalid' }, { row: 4, outcome: 'imported' }]);
    expect(counts).toEqual({ imported: 2, skipped: 1, invalid: 1 });
    expect(sumCounts([counts, counts])).toEqual({ imported: 4, skipped: 2, invalid: 2 });
  });
  it('writes one CSV line per row, quoting and defusing formulas', () => {
    expect(reportHeader()).toBe('\ufeffrow,recordId,outcome,trackingCode,reason\r\n');
    expect(reportLine({ row: 3, recordId: 'GD3', outcome: 'imported', trackingCode: 'ABCD1234' })).toBe('3,GD3,imported,ABCD1234,\r\n');
    expect(reportLine({ row: 4, recordId: '=1+1', outcome: 'invalid', reason: '建议内容：必填；标题："x"' })).toBe('4,"\'=1+1",invalid,,"建议内容：必填；标题：""x"""\r\n');
  });
});
