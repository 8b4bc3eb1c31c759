/**
 * The names of the staff actions, in the order the console offers them: each is one record of the table in
 * index.ts, which must have exactly these (the compiler checks both ways). The names live apart from the records
 * so that the route table — and the fallback function that answers 404 or 405 from it — does not bundle every
 * action's schema and decision.
 */
export const staffActionNames = [
  'sign',
  'screen',
  'reply',
  'requestInfo',
  'requestExtension',
  'decideExtension',
  'cohandlerOpinion',
  'progressNote',
  'sendBack',
  'instruct',
  'resumeWorkflow',
  // Adoption records (issue 10, point 4).
  'adopt',
  'adoptionProgress',
  'correctAdoption',
  'featureIdea',
  'unfeatureIdea',
] as const;

export type StaffActionName = (typeof staffActionNames)[number];
