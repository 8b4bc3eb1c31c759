import type { CasesKey } from './cases-zh-cn';

/** The public case library's strings in English: a missing translation is a type error. */
export const casesEn: Record<CasesKey, string> = {
  'nav.cases': 'Ideas',
  'cases.heading': 'Featured ideas',
  'cases.intro': 'These suggestions were adopted and put into practice. Thank you to every resident who made one.',
  'cases.filters': 'Filter',
  'cases.campaign': 'Campaign',
  'cases.anyCampaign': 'All campaigns',
  'cases.category': 'Category',
  'cases.anyCategory': 'All categories',
  'cases.show': 'Show',
  'cases.none': 'No ideas have been featured yet.',
  'cases.more': 'Load more',
  'cases.outcome': 'What became of it',
  'cases.updates': 'Progress since',
  'cases.adoptedBy': 'Adopted by {department} on {date}',
  'cases.creditedTo': 'Suggested by {name}',
  'cases.resident': 'Suggested by a resident',
  'cases.evidence': 'Public report',
  'cases.inCampaign': 'From the campaign: {title}',
  'cases.submitCta': 'Have an idea too?',
  'cases.submitLink': 'Make a suggestion',
  'cases.creditConsent': 'Name me in the case library',
  'cases.creditConsentHint': 'If your idea is adopted and featured among the ideas, it is credited to the name you gave; otherwise to "a resident".',
};
