/** The categories a suggestion can be filed under (the practice's common areas). */
export const categories = [
  'traffic',
  'housing',
  'urban-management',
  'health',
  'education',
  'environment',
  'economy',
  'telecom',
  'elderly-and-children',
  'public-safety',
  'other',
] as const;
export type Category = (typeof categories)[number];

export const categoryNames: Record<Category, { 'zh-CN': string; en: string }> = {
  traffic: { 'zh-CN': '交通出行', en: 'Traffic and transport' },
  housing: { 'zh-CN': '住房建设', en: 'Housing' },
  'urban-management': { 'zh-CN': '城市管理', en: 'Urban management' },
  health: { 'zh-CN': '医疗卫生', en: 'Health' },
  education: { 'zh-CN': '教育', en: 'Education' },
  environment: { 'zh-CN': '生态环境', en: 'Environment' },
  economy: { 'zh-CN': '经济发展', en: 'Economy' },
  telecom: { 'zh-CN': '通信网络', en: 'Telecom' },
  'elderly-and-children': { 'zh-CN': '一老一小', en: 'Elderly and children' },
  'public-safety': { 'zh-CN': '公共安全', en: 'Public safety' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
