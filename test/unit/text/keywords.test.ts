import { describe, expect, it } from 'vitest';
import { isKeyword, keywordsOf, keywordsOfText, maxKeywords } from '../../../shared/domain/text/keywords';
import { placesOf } from '../../../shared/domain/text/places';
import { jiebaSegmenter } from '../../../shared/text/jieba-segmenter';

const jieba = jiebaSegmenter();
const segment = (text: string) => jieba.segment(text);

describe('keywords of a suggestion (jieba)', () => {
  it('keeps the subject words and drops stop words, single characters, numbers and punctuation', () => {
    const words = keywordsOf('人民路的路灯不亮了', '晚上出行很不安全，已经 3 天了，希望有关部门尽快维修！', segment);
    expect(words).toEqual(expect.arrayContaining(['路灯', '不亮', '晚上', '出行', '安全', '维修']));
    for (const dropped of ['的', '了', '3', '，', '！', '希望', '有关部门', '尽快', '已经', '路']) expect(words).not.toContain(dropped);
  });

  it('counts a word once however often it is written, title first', () => {
    const words = keywordsOf('路灯不亮', '路灯不亮，路灯坏了，路灯', segment);
    expect(words.filter((w) => w === '路灯')).toHaveLength(1);
    expect(words[0]).toBe('路灯');
  });

  it('gives traditional and full-width input the same keywords as simplified', () => {
    const simplified = keywordsOf('幸福街道路灯不亮', '小区门口的路灯坏了', segment);
    expect(keywordsOf('幸福街道路燈不亮', '小區門口的路燈壞了', segment)).toEqual(simplified);
    expect(keywordsOf('幸福街道　路灯不亮！', '小区门口的路灯坏了。', segment)).toEqual(simplified.length ? keywordsOf('幸福街道 路灯不亮', '小区门口的路灯坏了', segment) : []);
  });

  it('keeps Latin words lower-cased, without English stop words', () => {
    expect(keywordsOf('WiFi 覆盖', 'The WiFi in the park is weak', segment)).toEqual(expect.arrayContaining(['wifi', 'park', 'weak']));
    expect(keywordsOf('WiFi', 'the park', segment)).not.toContain('the');
  });

  it('stops at the cap', () => {
    const many = Array.from({ length: 100 }, (_, i) => `词${String.fromCharCode(0x4e00 + i * 37)}${String.fromCharCode(0x4e00 + i * 53)}`);
    expect(keywordsOfText(many.join(' '), (t) => t.split(' ')).length).toBe(maxKeywords);
  });
});

describe('isKeyword', () => {
  it.each([['路灯', true], ['路', false], ['12345', false], ['3.5', false], ['50%', false], ['……', false], ['建议', false], ['a', false], ['wifi', true]])('%s -> %s', (word, expected) => {
    expect(isKeyword(word)).toBe(expected);
  });
});

describe('placesOf', () => {
  it('reads the street and its community, dropping district above and building below', () => {
    expect(placesOf('示范区幸福街道阳光社区5栋2单元301')).toEqual(['幸福街道', '幸福街道阳光社区']);
    expect(placesOf('某某省某某市示范区幸福街道')).toEqual(['幸福街道']);
    expect(placesOf('城关镇东风村三组')).toEqual(['城关镇', '城关镇东风村']);
  });

  it('takes a community or 小区 alone when no street is named', () => {
    expect(placesOf('阳光社区')).toEqual(['阳光社区']);
    expect(placesOf('幸福小区3号楼')).toEqual(['幸福小区']);
  });

  it('normalises first: traditional and full-width addresses name the same place', () => {
    expect(placesOf('示範區幸福街道陽光社區５棟')).toEqual(['幸福街道', '幸福街道阳光社区']);
  });

  it('names no place for an address without a street or community', () => {
    expect(placesOf('人民路12号')).toEqual([]);
    expect(placesOf(undefined)).toEqual([]);
    expect(placesOf('')).toEqual([]);
  });
});
