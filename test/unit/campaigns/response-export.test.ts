/** Responses as spreadsheet rows: one column per question (a matrix: per row), readable choices in the reader's language. */
import { describe, expect, it } from 'vitest';
import { responseSheet, responsesFileName } from '../../../shared/domain/campaign/response-export';
import type { CampaignResponse } from '../../../shared/domain/campaign/response';
import { checkAnswers } from '../../../shared/domain/questionnaire/answers';
import { busAnswers, everyTypeQuestionnaire as q } from './questionnaire-fixture';

const response: CampaignResponse = {
  orgId: 'demo',
  campaignId: 'bus-2026',
  id: '01JDEMO0000000000000000000',
  receivedAt: '2026-12-01T01:30:00.000Z',
  answers: checkAnswers(q, busAnswers),
  stationId: 'mall',
  locale: 'zh-CN',
};
const stations = [{ id: 'mall', name: '万达广场' }];

describe('responseSheet', () => {
  it('headings: the fixed columns, then one per question and one per matrix row (zh-CN)', () => {
    expect(responseSheet(q, stations, 'zh-CN').headings).toEqual([
      '答卷编号',
      '提交时间',
      '征集点',
      '您平时怎么出行？',
      '公交有哪些问题？',
      '您常用的站点',
      '您的建议',
      '总体满意度',
      '单程几分钟？',
      '各项服务 — 到站信息',
      '各项服务 — 候车座椅',
    ]);
  });

  it('a row: labels, not ids; several choices joined by "；"; numbers as numbers; office time; station name', () => {
    expect(responseSheet(q, stations, 'zh-CN').row(response)).toEqual([
      '01JDEMO0000000000000000000',
      '2026-12-01 09:30',
      '万达广场',
      '公交',
      '晚点；拥挤',
      '人民路站',
      '增加早高峰班次',
      4,
      35,
      '满意',
      '不满意',
    ]);
  });

  it('in English when asked, and empty cells for what was not answered', () => {
    const sheet = responseSheet(q, stations, 'en');
    expect(sheet.headings.slice(0, 4)).toEqual(['Response id', 'Received (office time)', 'Station', 'How do you usually travel?']);
    const metro = { ...response, stationId: undefined, answers: checkAnswers(q, { mode: 'metro', score: 3, services: { info: 'ok', seats: 'ok' } }) };
    expect(sheet.row(metro)).toEqual(['01JDEMO0000000000000000000', '2026-12-01 09:30', '', 'Metro', '', '', '', 3, '', 'OK', 'OK']);
  });

  it('an option the questionnaire no longer has shows its id rather than nothing', () => {
    const odd = { ...response, answers: { ...response.answers, mode: 'ferry' } };
    expect(responseSheet(q, stations, 'zh-CN').row(odd)[3]).toBe('ferry');
  });

  it('file name in office time', () => {
    expect(responsesFileName('bus-2026', '2026-12-01T01:30:00.000Z', 'csv', 'zh-CN')).toBe('答卷导出-bus-2026-20261201-0930.csv');
    expect(responsesFileName('bus-2026', '2026-12-01T01:30:00.000Z', 'xlsx', 'en')).toBe('responses-bus-2026-20261201-0930.xlsx');
  });
});
