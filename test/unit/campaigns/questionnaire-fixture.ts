/**
 * A questionnaire with every question type and a display condition, shared by the unit tests, the integration tests
 * and the benchmark (bench/questionnaire.ts).
 */
import { questionnaireSchema, type Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const everyTypeQuestionnaire: Questionnaire = questionnaireSchema.parse({
  intro: text('请花两分钟回答', 'Two minutes, please'),
  questions: [
    {
      id: 'mode',
      type: 'single',
      required: true,
      label: text('您平时怎么出行？', 'How do you usually travel?'),
      options: [
        { id: 'bus', label: text('公交', 'Bus') },
        { id: 'metro', label: text('地铁', 'Metro') },
        { id: 'bike', label: text('骑车', 'Bike') },
      ],
    },
    {
      id: 'bus_issues',
      type: 'multiple',
      required: true,
      min: 1,
      max: 2,
      showIf: { questionId: 'mode', anyOf: ['bus'] },
      label: text('公交有哪些问题？', 'What are the problems with buses?'),
      options: [
        { id: 'late', label: text('晚点', 'Late') },
        { id: 'crowded', label: text('拥挤', 'Crowded') },
        { id: 'dirty', label: text('不干净', 'Dirty') },
      ],
    },
    { id: 'stop', type: 'shortText', required: false, label: text('您常用的站点', 'Your usual stop') },
    { id: 'idea', type: 'longText', required: false, maxLength: 500, label: text('您的建议', 'Your idea') },
    { id: 'score', type: 'rating', required: true, min: 1, max: 5, label: text('总体满意度', 'Overall satisfaction') },
    { id: 'minutes', type: 'number', required: false, integer: true, min: 0, max: 300, label: text('单程几分钟？', 'Minutes one way?') },
    {
      id: 'services',
      type: 'matrix',
      required: true,
      label: text('各项服务', 'Services'),
      rows: [
        { id: 'info', label: text('到站信息', 'Arrival info') },
        { id: 'seats', label: text('候车座椅', 'Seats') },
      ],
      columns: [
        { id: 'good', label: text('满意', 'Good') },
        { id: 'ok', label: text('一般', 'OK') },
        { id: 'bad', label: text('不满意', 'Bad') },
      ],
    },
  ],
});

/** A complete, valid set of answers (the bus branch). */
export const busAnswers = {
  mode: 'bus',
  bus_issues: ['late', 'crowded'],
  stop: '  人民路站  ',
  idea: '增加早高峰班次',
  score: 4,
  minutes: 35,
  services: { seats: 'bad', info: 'good' },
};

/** The i-th of a varied, valid set of answers (every branch, option, scale step and matrix cell turns up). */
export function variedAnswers(i: number): Record<string, unknown> {
  const modes = ['bus', 'metro', 'bike'] as const;
  const mode = modes[i % 3]!;
  const issues = [['late'], ['crowded'], ['dirty'], ['late', 'dirty'], ['crowded', 'dirty']][i % 5]!;
  const columns = ['good', 'ok', 'bad'];
  return {
    mode,
    ...(mode === 'bus' ? { bus_issues: issues } : {}),
    ...(i % 4 === 0 ? { stop: `站点${i % 17}号` } : {}),
    ...(i % 7 === 0 ? { idea: `建议${i}：${i % 2 ? '增加夜班车' : '优化换乘'}` } : {}),
    score: 1 + (i % 5),
    ...(i % 3 === 0 ? { minutes: i % 120 } : {}),
    services: { info: columns[i % 3]!, seats: columns[(i >> 1) % 3]! },
  };
}
