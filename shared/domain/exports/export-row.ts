/**
 * One suggestion as one row of an export: the columns a person reads (names, not ids) in their language, dates in
 * office time (Asia/Shanghai), contact details masked as staff see them before an audited reveal.
 */
import { categoryNames, type Category } from '../intake/categories';
import type { Locale } from '../i18n/messages';
import { translate } from '../i18n/messages';
import type { Department } from '../organisation/department';
import type { Suggestion } from '../suggestion/suggestion';
import { isOverdue, maskContact } from '../suggestion/views';
import { officeOffsetMs } from '../office-day';

export const exportColumns = [
  'trackingCode',
  'title',
  'category',
  'status',
  'department',
  'cohandlers',
  'channel',
  'submittedAt',
  'dueAt',
  'overdue',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;
export type ExportColumn = (typeof exportColumns)[number];

const headings: Record<Locale, Record<ExportColumn, string>> = {
  'zh-CN': {
    trackingCode: '查询码',
    title: '标题',
    category: '类别',
    status: '状态',
    department: '主办部门',
    cohandlers: '协办部门',
    channel: '渠道',
    submittedAt: '提交时间',
    dueAt: '办理期限',
    overdue: '是否超期',
    contactName: '联系人（已遮蔽）',
    contactPhone: '手机号（已遮蔽）',
    contactEmail: '邮箱（已遮蔽）',
  },
  en: {
    trackingCode: 'Tracking code',
    title: 'Title',
    category: 'Category',
    status: 'Status',
    department: 'Lead department',
    cohandlers: 'Co-handling departments',
    channel: 'Channel',
    submittedAt: 'Submitted (office time)',
    dueAt: 'Deadline (office time)',
    overdue: 'Overdue',
    contactName: 'Contact (masked)',
    contactPhone: 'Phone (masked)',
    contactEmail: 'Email (masked)',
  },
};

const channelNames: Record<Locale, Record<string, string>> = {
  'zh-CN': { web: '网站', qr: '扫码', miniapp: '小程序', hotline: '热线', offline: '线下', import: '导入', open311: 'Open311' },
  en: { web: 'Web', qr: 'QR code', miniapp: 'Mini-program', hotline: 'Hotline', offline: 'Offline', import: 'Import', open311: 'Open311' },
};

const yesNo: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] };

export function exportHeadings(locale: Locale): string[] {
  return exportColumns.map((column) => headings[locale][column]);
}

/** 2026-12-01T01:30:00Z → 2026-12-01 09:30 (office time, minutes). */
export function officeDateTime(at: string): string {
  const shifted = new Date(new Date(at).getTime() + officeOffsetMs).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export interface RowContext {
  locale: Locale;
  /** The organisation's departments by id (names in the row, not ids). */
  departments: ReadonlyMap<string, Department>;
  now: Date;
}

function departmentName(id: string | undefined, context: RowContext): string {
  if (!id) return '';
  const department = context.departments.get(id);
  if (!department) return id;
  return context.locale === 'en' ? department.en : department.name;
}

/** The row's cells, in the order of exportColumns. */
export function exportRow(s: Suggestion, context: RowContext): string[] {
  const { locale } = context;
  const contact = s.contact ? maskContact(s.contact) : undefined;
  const category = categoryNames[s.category as Category]?.[locale] ?? s.category;
  const cells: Record<ExportColumn, string> = {
    trackingCode: s.trackingCode,
    title: s.title,
    category,
    status: translate(locale, `status.${s.status}`),
    department: departmentName(s.leadDepartmentId, context),
    cohandlers: (s.cohandlerDepartmentIds ?? []).map((id) => departmentName(id, context)).join(locale === 'en' ? ', ' : '、'),
    channel: channelNames[locale][s.channel] ?? s.channel,
    submittedAt: officeDateTime(s.submittedAt),
    dueAt: officeDateTime(s.dueAt),
    overdue: yesNo[locale][isOverdue(s, context.now) ? 0 : 1]!,
    contactName: contact?.name ?? '',
    contactPhone: contact?.phone ?? '',
    contactEmail: contact?.email ?? '',
  };
  return exportColumns.map((column) => cells[column]);
}
