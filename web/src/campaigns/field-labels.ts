/**
 * What the campaign editor's error summary calls a field path, from the shared schema or the server:
 * "第 2 题 · 选项 3", "征集点 1 · 名称". The words are the campaign dictionary's; `t` looks them up.
 */
import type { UiKey } from '../i18n';

type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

const topLabels: Record<string, UiKey> = {
  id: 'camp.f.id',
  title: 'camp.f.title',
  titleEn: 'camp.f.titleEn',
  theme: 'camp.f.theme',
  themeEn: 'camp.f.themeEn',
  categories: 'camp.f.categories',
  opensAt: 'camp.f.opensAt',
  closesAt: 'camp.f.closesAt',
  targetDepartmentIds: 'camp.f.departments',
  responsePolicy: 'camp.f.policy',
  stations: 'camp.f.stations',
  questionnaire: 'camp.qb.heading',
  version: 'camp.f.version',
};

const partLabels: Record<string, UiKey> = {
  id: 'camp.q.id',
  type: 'camp.q.type',
  label: 'camp.q.label',
  help: 'camp.q.help',
  required: 'camp.q.required',
  options: 'camp.q.options',
  rows: 'camp.q.rows',
  columns: 'camp.q.columns',
  min: 'camp.q.min',
  max: 'camp.q.max',
  maxLength: 'camp.q.maxLength',
  minLabel: 'camp.q.minLabel',
  maxLabel: 'camp.q.maxLabel',
  unit: 'camp.q.unit',
  integer: 'camp.q.integer',
  showIf: 'camp.q.condition',
};

const itemLabels: Record<string, UiKey> = { options: 'camp.q.optionN', rows: 'camp.q.rowN', columns: 'camp.q.columnN' };

export function fieldLabel(path: string, t: Translate): string {
  const parts = path.split('.');
  const [head, second, third, fourth, fifth] = parts;
  if (head === 'stations' && second !== undefined && /^\d+$/.test(second)) {
    return `${t('camp.stationN', { n: Number(second) + 1 })}${third ? ` · ${t(third === 'id' ? 'camp.f.stationId' : 'camp.f.stationName')}` : ''}`;
  }
  if (head === 'questionnaire' && second === 'intro') return t('camp.qb.introText');
  if (head === 'questionnaire' && second === 'questions' && third !== undefined && /^\d+$/.test(third)) {
    const question = t('camp.questionN', { n: Number(third) + 1 });
    if (!fourth) return question;
    if (itemLabels[fourth] && fifth !== undefined && /^\d+$/.test(fifth)) return `${question} · ${t(itemLabels[fourth]!, { n: Number(fifth) + 1 })}`;
    return `${question} · ${partLabels[fourth] ? t(partLabels[fourth]!) : fourth}`;
  }
  return topLabels[head ?? ''] ? t(topLabels[head!]!) : path;
}
