/** The 督办 record: created when a deadline passes (or a second dissatisfied rating); the supervisor adds instructions. */
import type { SuggestionStatus } from '../suggestion/suggestion';

export interface Escalation {
  id: string;
  suggestionId: string;
  trackingCode: string;
  title: string;
  departmentId?: string;
  status: SuggestionStatus;
  dueAt: string;
  escalatedAt: string;
  reason: 'overdue' | 'dissatisfiedTwice';
  instructions: { at: string; by: string; text: string }[];
}
