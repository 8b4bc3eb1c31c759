/**
 * The demo's saved mapping "12345 热线" (seeded locally): the columns of a 12345 hotline's work-order export, as
 * in infra/local/samples/hotline-12345-sample.csv, and its categories in ours.
 */
import type { ImportMapping } from './bulk-import';

export const hotlineHeader = ['工单编号', '标题', '诉求内容', '诉求类别', '来电时间', '来电人', '联系电话', '地址'];

export const hotlineMapping: ImportMapping = {
  name: '12345 热线',
  columns: { recordId: '工单编号', title: '标题', content: '诉求内容', category: '诉求类别', submittedAt: '来电时间', contactName: '来电人', contactPhone: '联系电话', address: '地址' },
  categories: { 交通: 'traffic', 城建: 'housing', 城管: 'urban-management', 环保: 'environment', 教育: 'education', 医疗: 'health' },
  defaultCategory: 'other',
  header: hotlineHeader,
};
