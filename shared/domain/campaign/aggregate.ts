/**
 * A campaign's aggregate as flat counters: what one response, one suggestion, one scan or one new participant adds
 * (docs/campaigns.md lists the names), and how the summed counters read as CampaignFigures. The store adds a
 * contribution on one of the campaign's counter shards in the same conditional transaction that records the thing
 * counted, so every count is exact under retries; figures are the sum over the shards.
 *
 * Names: `r` `s` `p` `scan`; `d#<day>#r|s`; `st#<station>#r|s|scan` (`st##…`: no station); `ch#<channel>`;
 * `cat#<category>`; `q#<qid>#n` `q#<qid>#o#<option>` `q#<qid>#v#<value>` `q#<qid>#sum` `q#<qid>#c#<row>#<column>`.
 * No id a counter name is built from can hold `#` (their patterns forbid it), so a name parses back unambiguously.
 */
import type { Answers, Questionnaire } from '../questionnaire/questionnaire';
import { emptyFigures, type CampaignFigures, type QuestionFigures } from './figures';

export type Counters = Record<string, number>;

/**
 * The counter shards of one campaign, each its own partition. A partition takes 1,000 write units a second; a
 * response's transactional ADD costs 2 per KB of its shard item, so 32 shards carry several thousand responses a
 * second — far above a campaign's announcement peak — while figures stay one BatchGet of 32 small items.
 */
export const counterShards = 32;

/** A deterministic shard of an id (FNV-1a): a retry of the same response lands on the same shard. */
export function shardOf(id: string, shards: number = counterShards): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export interface ResponsePlace {
  /** The office day it was received (YYYY-MM-DD). */
  day: string;
  stationId?: string;
}

/** What a response adds: its count by day and station, and each answered question's counts. */
export function responseContributions(questionnaire: Questionnaire, answers: Answers, place: ResponsePlace): Counters {
  const out: Counters = { r: 1, [`d#${place.day}#r`]: 1, [`st#${place.stationId ?? ''}#r`]: 1 };
  for (const question of questionnaire.questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    const q = `q#${question.id}`;
    out[`${q}#n`] = 1;
    switch (question.type) {
      case 'single':
        out[`${q}#o#${answer as string}`] = 1;
        break;
      case 'multiple':
        for (const option of answer as string[]) out[`${q}#o#${option}`] = 1;
        break;
      case 'rating':
        out[`${q}#v#${answer as number}`] = 1;
        out[`${q}#sum`] = answer as number;
        break;
      case 'number':
        out[`${q}#sum`] = answer as number;
        break;
      case 'matrix':
        for (const [row, column] of Object.entries(answer as Record<string, string>)) out[`${q}#c#${row}#${column}`] = 1;
        break;
      default:
        // Text: counted as answered; the text itself is browsed from the responses.
        break;
    }
  }
  return out;
}

export interface SuggestionPlace {
  day: string;
  stationId?: string;
  channel: string;
  category: string;
}

/** What a campaign's suggestion adds: its count by day, station, channel and category. */
export function suggestionContributions(place: SuggestionPlace): Counters {
  return { s: 1, [`d#${place.day}#s`]: 1, [`st#${place.stationId ?? ''}#s`]: 1, [`ch#${place.channel}`]: 1, [`cat#${place.category}`]: 1 };
}

/** What one opening of the page from a poster's QR code adds. */
export function scanContributions(stationId: string | undefined): Counters {
  return { scan: 1, [`st#${stationId ?? ''}#scan`]: 1 };
}

/** What a person seen for the first time in this campaign adds. */
export const participantContribution: Counters = { p: 1 };

/** Counters summed (the shards of one campaign). */
export function sumCounters(parts: Iterable<Counters>): Counters {
  const out: Counters = {};
  for (const part of parts) for (const [name, value] of Object.entries(part)) out[name] = (out[name] ?? 0) + value;
  return out;
}

/**
 * A contribution in groups of at most `size` counters. DynamoDB caps an update expression at 4 KB (some 400
 * `ADD #n :v` terms): a response to a long questionnaire adds its groups to consecutive shards in the one
 * transaction — the sum over the shards is the same.
 */
export function counterGroups(counters: Counters, size: number): Counters[] {
  const entries = Object.entries(counters);
  const groups: Counters[] = [];
  for (let i = 0; i < entries.length; i += size) groups.push(Object.fromEntries(entries.slice(i, i + size)));
  return groups;
}

function questionOf(figures: CampaignFigures, id: string): QuestionFigures {
  return (figures.questions[id] ??= { answered: 0 });
}

/** The figures the summed counters say. Names it does not know are ignored (a later version's counters). */
export function figuresFromCounters(counters: Counters): CampaignFigures {
  const figures = emptyFigures();
  for (const [name, value] of Object.entries(counters)) {
    if (!Number.isFinite(value)) continue;
    const parts = name.split('#');
    const [head, a, b, c, d] = parts;
    if (parts.length === 1) {
      if (head === 'r') figures.responses = value;
      else if (head === 's') figures.suggestions = value;
      else if (head === 'p') figures.participants = value;
      else if (head === 'scan') figures.scans = value;
    } else if (head === 'd' && parts.length === 3 && (b === 'r' || b === 's')) {
      const day = (figures.byDay[a!] ??= { responses: 0, suggestions: 0 });
      day[b === 'r' ? 'responses' : 'suggestions'] = value;
    } else if (head === 'st' && parts.length === 3 && (b === 'r' || b === 's' || b === 'scan')) {
      const station = (figures.byStation[a!] ??= { responses: 0, suggestions: 0, scans: 0 });
      station[b === 'r' ? 'responses' : b === 's' ? 'suggestions' : 'scans'] = value;
    } else if (head === 'ch' && parts.length === 2) {
      figures.byChannel[a!] = value;
    } else if (head === 'cat' && parts.length === 2) {
      figures.byCategory[a!] = value;
    } else if (head === 'q') {
      const question = questionOf(figures, a!);
      if (b === 'n' && parts.length === 3) question.answered = value;
      else if (b === 'sum' && parts.length === 3) question.sum = value;
      else if (b === 'o' && parts.length === 4) (question.options ??= {})[c!] = value;
      else if (b === 'v' && parts.length === 4) (question.scale ??= {})[c!] = value;
      else if (b === 'c' && parts.length === 5) ((question.cells ??= {})[c!] ??= {})[d!] = value;
    }
  }
  return figures;
}
