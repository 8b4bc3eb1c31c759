import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, normaliseText } from '../../../shared/domain/text/normalise';

describe('normaliseText', () => {
  it('turns full-width letters, digits and punctuation half-width', () => {
    expect(normaliseText('ＡＢＣ１２３，！？：；（）')).toBe('ABC123,!?:;()');
  });

  it('turns traditional characters (Hong Kong and Taiwan forms) simplified', () => {
    expect(normaliseText('路燈不亮，社區裏面綫路老化')).toBe('路灯不亮,社区里面线路老化');
    expect(normaliseText('衞生間')).toBe('卫生间');
  });

  it('leaves simplified mainland text as written (no phrase rewriting: 存取, 建立, 影像 stay)', () => {
    const text = '建议设立快递存取点，建立影像检查互认';
    expect(normaliseText(text)).toBe('建议设立快递存取点,建立影像检查互认');
  });

  it('unifies CJK punctuation that NFKC leaves alone', () => {
    expect(normaliseText('“路灯”、《通知》。【急】「好」…—')).toBe('"路灯",<通知>.[急]"好"...-');
  });

  it('writes Chinese numerals as digits only where they must be numbers', () => {
    expect(normaliseText('三号楼二十层，十二栋五单元，地铁二号线')).toBe('3号楼20层,12栋5单元,地铁2号线');
    expect(normaliseText('一些老人一起反映，十分不便，万一出事')).toBe('一些老人一起反映,十分不便,万一出事');
  });

  it('collapses white space, full-width spaces and line breaks included', () => {
    expect(normaliseText('  路灯\u3000\u3000不亮\n\n\t请修  ')).toBe('路灯 不亮 请修');
  });

  it('is idempotent', () => {
    const samples = ['路燈不亮，社區裏面', 'ＡＢＣ　１２３', '三号楼“路灯”…', '已经 3 天了!'];
    for (const s of samples) expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
  });
});

describe('chineseNumeralValue', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['三千二百', 3200],
    ['二〇二六', 2026],
  ])('%s = %i', (text, value) => expect(chineseNumeralValue(text)).toBe(value));

  it.each(['三四十', '十百', '', '百百'])('%s is no number', (text) => expect(chineseNumeralValue(text)).toBeUndefined());
});
