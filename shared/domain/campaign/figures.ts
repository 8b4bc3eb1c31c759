/**
 * A campaign's live figures, as the organizer's results dashboard, the close report and the published summary
 * read them: responses and suggestions over time, by station, channel and category, participants, and each
 * question's counts. They are summed from the campaign's sharded counters (shared/domain/campaign/aggregate.ts
 * says which counters a response or a suggestion adds to); every count is exact under retries.
 */
export interface QuestionFigures {
  /** Responses that answered it (a hidden or skipped question is not answered). */
  answered: number;
  /** single / multiple: times each option was chosen. */
  options?: Record<string, number>;
  /** rating: how many gave each step of the scale (keys are the values as strings). */
  scale?: Record<string, number>;
  /** rating and number: the sum of the answers (mean = sum / answered). */
  sum?: number;
  /** matrix: per row, how many chose each column. */
  cells?: Record<string, Record<string, number>>;
}

export interface CampaignFigures {
  responses: number;
  suggestions: number;
  /** Distinct people (by verified phone, contact, or browser) who answered or suggested. */
  participants: number;
  /** Openings of the public page from a poster's QR code. */
  scans: number;
  /** By office day (YYYY-MM-DD). */
  byDay: Record<string, { responses: number; suggestions: number }>;
  /** By station id; `''` is "no station" (the page opened without one). */
  byStation: Record<string, { responses: number; suggestions: number; scans: number }>;
  /** Suggestions by channel and by category. */
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  /** By question id. */
  questions: Record<string, QuestionFigures>;
}

export function emptyFigures(): CampaignFigures {
  return { responses: 0, suggestions: 0, participants: 0, scans: 0, byDay: {}, byStation: {}, byChannel: {}, byCategory: {}, questions: {} };
}
