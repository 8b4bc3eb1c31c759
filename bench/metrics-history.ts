/**
 * Synthetic casework for bench:metrics: `count` suggestions submitted over the year before `now`, each with the
 * timeline the rates read (submission, screening, assignment, signature, reply, and the close by a rating or at
 * the end of the rating window), a share rejected or merged, some extended, some reopened, some still open. Lean on
 * purpose (a million of them are held in memory), and deterministic: suggestion i is always the same.
 */
import type { Suggestion, SuggestionStatus, TimelineEntry } from '../shared/domain/suggestion/suggestion';
import type { SuggestionHistory } from '../shared/ports';

const departments = ['housing', 'transport', 'traffic-police', 'urban-mgmt', 'health', 'medical-insurance', 'education', 'forestry', 'industry', 'telecom', 'ecology', 'civil-affairs'];
const categories = ['traffic', 'housing', 'urban-management', 'environment', 'health', 'education', 'elderly-and-children', 'economy'];
const channels = ['web', 'qr', 'hotline', 'miniapp', 'offline'] as const;
const hour = 3_600_000;
const day = 24 * hour;

function random(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt, 0xc2b2ae35);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

const entry = (at: number, seq: number, action: string, fromStatus: SuggestionStatus | null, toStatus: SuggestionStatus): TimelineEntry => ({
  at: new Date(at).toISOString(),
  seq: String(seq).padStart(4, '0'),
  action,
  actor: { type: 'system', id: 'bench' },
  fromStatus,
  toStatus,
  visibility: 'public',
});

export function history(i: number, now: Date, count: number): SuggestionHistory {
  const submittedAt = now.getTime() - day - Math.floor(random(i, 1) * 365 * day);
  const id = `S${String(i).padStart(8, '0')}`;
  const department = departments[Math.floor(random(i, 2) * departments.length)]!;
  const timeline: TimelineEntry[] = [entry(submittedAt, 1, 'submit', null, 'submitted'), entry(submittedAt + hour, 2, 'beginScreening', 'submitted', 'screening')];
  let status: SuggestionStatus = 'screening';
  let t = submittedAt + hour;
  const s: Suggestion = {
    id,
    orgId: 'bench',
    trackingCode: id,
    pinHash: '',
    title: '',
    content: '',
    category: categories[Math.floor(random(i, 3) * categories.length)]!,
    channel: channels[Math.floor(random(i, 4) * channels.length)]!,
    status,
    dueAt: new Date(t + 2 * day).toISOString(),
    submittedAt: new Date(submittedAt).toISOString(),
    updatedAt: new Date(t).toISOString(),
    version: 1,
  };
  const fate = random(i, 5);
  const age = now.getTime() - submittedAt;
  if (fate < 0.05) {
    t += 20 * hour;
    timeline.push(entry(t, 3, 'reject', status, 'rejected'));
    status = 'rejected';
  } else if (fate < 0.09 && i > 0) {
    t += 20 * hour;
    timeline.push(entry(t, 3, 'merge', status, 'merged'));
    status = 'merged';
    s.mergedInto = `S${String(Math.floor(random(i, 6) * i)).padStart(8, '0')}`;
  } else {
    t += 4 * hour + random(i, 7) * 20 * hour;
    timeline.push(entry(t, 3, 'assign', status, 'assigned'));
    status = 'assigned';
    s.leadDepartmentId = department;
    s.tier = 'deadline';
    if (random(i, 8) < 0.1) s.cohandlerDepartmentIds = [departments[(departments.indexOf(department) + 1) % departments.length]!];
    if (age > 3 * day) {
      t += (random(i, 9) < 0.9 ? 2 : 40) * hour;
      timeline.push(entry(t, 4, 'sign', status, 'signed'));
      status = 'signed';
      const due = t + 15 * day + (random(i, 10) < 0.1 ? 10 * day : 0);
      s.dueAt = new Date(due).toISOString();
      const replyAt = t + random(i, 11) * 20 * day;
      if (replyAt < now.getTime() - day) {
        timeline.push(entry(replyAt, 5, 'reply', status, 'replied'));
        status = 'replied';
        s.reply = { text: '', at: new Date(replyAt).toISOString(), departmentId: department, dueAt: new Date(due).toISOString(), ...(random(i, 12) < 0.12 ? { adopted: true } : {}) };
        t = replyAt;
        const closeAt = replyAt + (1 + random(i, 13) * 6) * day;
        if (closeAt < now.getTime()) {
          if (random(i, 14) < 0.7) {
            const r = random(i, 15);
            s.rating = { rating: r < 0.7 ? 'satisfied' : r < 0.9 ? 'basic' : 'dissatisfied', resolution: r < 0.75 ? 'yes' : r < 0.92 ? 'partly' : 'no', at: new Date(closeAt).toISOString() };
            timeline.push(entry(closeAt, 6, 'rate', status, 'closed'));
          } else timeline.push(entry(closeAt, 6, 'autoClose', status, 'closed'));
          status = 'closed';
          t = closeAt;
        } else s.dueAt = new Date(closeAt).toISOString();
      }
    } else s.dueAt = new Date(t + day).toISOString();
  }
  s.status = status;
  s.updatedAt = new Date(Math.max(t, submittedAt)).toISOString();
  void count;
  return { suggestion: s, timeline };
}

/** A change that moves a suggestion's figures: an open one is answered and rated; a finished one is reopened. */
export function changed(h: SuggestionHistory, at: Date): SuggestionHistory {
  const s = { ...h.suggestion, updatedAt: at.toISOString(), version: h.suggestion.version + 1 };
  const seq = h.timeline.length + 1;
  if (s.status === 'closed' || s.status === 'rejected' || s.status === 'merged') {
    // A citizen's late rating changes its mind: the facts move (rating and resolution).
    s.rating = { rating: 'dissatisfied', resolution: 'no', at: at.toISOString() };
    return { suggestion: s, timeline: [...h.timeline] };
  }
  s.status = 'closed';
  s.reply = { text: '', at: at.toISOString(), departmentId: s.leadDepartmentId ?? 'housing', dueAt: s.dueAt };
  s.rating = { rating: 'satisfied', resolution: 'yes', at: at.toISOString() };
  return { suggestion: s, timeline: [...h.timeline, entry(at.getTime(), seq, 'reply', h.suggestion.status, 'replied'), entry(at.getTime() + 1, seq + 1, 'rate', 'replied', 'closed')] };
}
