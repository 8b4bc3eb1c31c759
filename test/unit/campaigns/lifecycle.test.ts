/**
 * The campaign lifecycle under simulated time: the organizer's steps, the clock's opening and closing, the window
 * that decides acceptance, and what may change once a campaign is open.
 */
import { describe, expect, it } from 'vitest';
import { changeCampaignState, dueCampaignAction, editCampaign, isAccepting, requireAccepting } from '../../../shared/domain/campaign/lifecycle';
import { ConflictError, IllegalTransitionError, ValidationError } from '../../../shared/domain/errors';
import type { Campaign } from '../../../shared/domain/campaign/campaign';
import { campaign, draft, questionnaire } from './fixtures';

const at = (iso: string) => new Date(iso);
const beforeOpening = at('2026-12-06T23:59:59.999Z');
const opening = at('2026-12-07T00:00:00.000Z');
const duringWindow = at('2026-12-20T08:00:00.000Z');
const closing = at('2027-01-04T00:00:00.000Z');

/** What the scheduled job would do at each instant, applied as it applies it. */
function tick(c: Campaign, now: Date): Campaign {
  const action = dueCampaignAction(c, now);
  return action ? changeCampaignState(c, { action, at: now, by: 'system' }) : c;
}

describe('a campaign through its four weeks', () => {
  it('is scheduled by the organizer, opened and closed by the clock on time, and published by the organizer', () => {
    let c = changeCampaignState(campaign(), { action: 'schedule', at: at('2026-12-01T02:00:00Z'), by: '王组织' });
    expect(c.state).toBe('scheduled');
    c = tick(c, beforeOpening);
    expect(c.state).toBe('scheduled');
    expect(isAccepting(c, beforeOpening)).toBe(false);
    c = tick(c, opening);
    expect(c.state).toBe('open');
    expect(tick(c, duringWindow)).toBe(c); // nothing due: a repeated run changes nothing
    expect(isAccepting(c, duringWindow)).toBe(true);
    expect(isAccepting(c, closing)).toBe(false); // the window decides, before the clock's next run
    c = tick(c, closing);
    expect(c.state).toBe('closed');
    expect(c.closesAt).toBe('2027-01-04T00:00:00.000Z'); // the scheduled closing keeps its time
    c = changeCampaignState(c, { action: 'publish', at: at('2027-01-10T02:00:00Z'), by: '王组织', results: { summary: '共收到建议 1286 条' } });
    expect(c.state).toBe('published');
    expect(c.results).toMatchObject({ summary: '共收到建议 1286 条', publishedBy: '王组织', publishedAt: '2027-01-10T02:00:00.000Z' });
    expect(c.history.map((h) => `${h.from}>${h.to}@${h.by}`)).toEqual(['draft>scheduled@王组织', 'scheduled>open@system', 'open>closed@system', 'closed>published@王组织']);
  });

  it('closes at once a campaign whose whole window passed between two runs', () => {
    const c = changeCampaignState(campaign(), { action: 'schedule', at: at('2026-12-01T00:00:00Z'), by: '王组织' });
    expect(dueCampaignAction(c, at('2027-02-01T00:00:00Z'))).toBe('close');
  });

  it('never opens a draft, and a draft takes nothing', () => {
    expect(dueCampaignAction(campaign(), duringWindow)).toBeUndefined();
    expect(isAccepting(campaign(), duringWindow)).toBe(false);
  });

  it('closes early when the organizer says so, with the reason and the closing time moved to then', () => {
    const open = campaign({ state: 'open' });
    const closed = changeCampaignState(open, { action: 'close', at: duringWindow, by: '王组织', reason: '目标已达成' });
    expect(closed.closesAt).toBe(duringWindow.toISOString());
    expect(closed.history.at(-1)).toMatchObject({ from: 'open', to: 'closed', reason: '目标已达成' });
  });

  it('refuses steps out of order', () => {
    expect(() => changeCampaignState(campaign(), { action: 'publish', at: duringWindow, by: 'x', results: { summary: 's' } })).toThrow(IllegalTransitionError);
    expect(() => changeCampaignState(campaign({ state: 'open' }), { action: 'unschedule', at: duringWindow, by: 'x' })).toThrow(IllegalTransitionError);
    expect(() => changeCampaignState(campaign({ state: 'published' }), { action: 'close', at: duringWindow, by: 'x' })).toThrow(IllegalTransitionError);
    expect(() => changeCampaignState(campaign({ state: 'scheduled' }), { action: 'open', at: beforeOpening, by: 'system' })).toThrow(ConflictError);
  });

  it('refuses to schedule a campaign whose closing time has passed, and to publish without a summary', () => {
    expect(() => changeCampaignState(campaign(), { action: 'schedule', at: at('2027-01-05T00:00:00Z'), by: 'x' })).toThrow(ValidationError);
    expect(() => changeCampaignState(campaign({ state: 'closed' }), { action: 'publish', at: duringWindow, by: 'x' })).toThrow(ValidationError);
  });
});

describe('the window', () => {
  it('answers 409 naming the window in Beijing time, before and after', () => {
    const c = campaign({ state: 'scheduled' });
    const before = (() => { try { requireAccepting(c, beforeOpening); } catch (e) { return e as ConflictError; } })();
    expect(before).toBeInstanceOf(ConflictError);
    expect(before!.status).toBe(409);
    expect(before!.code).toBe('campaign_window');
    expect(before!.messageKey).toBe('error.campaignNotYet');
    expect(before!.params).toMatchObject({ opensAt: '2026-12-07 08:00', closesAt: '2027-01-04 08:00' });
    expect(() => requireAccepting(campaign({ state: 'open' }), closing)).toThrow(expect.objectContaining({ messageKey: 'error.campaignClosed' }));
    expect(() => requireAccepting(campaign({ state: 'open' }), duringWindow)).not.toThrow();
    // Opening is inclusive, closing exclusive.
    expect(isAccepting(campaign({ state: 'scheduled' }), opening)).toBe(true);
  });
});

describe('editing', () => {
  it('changes anything before it opens', () => {
    const edited = editCampaign(campaign({ state: 'scheduled' }), draft({ title: '新标题', opensAt: '2026-12-08T00:00:00.000Z', questionnaire: undefined }), at('2026-12-02T00:00:00Z'));
    expect(edited).toMatchObject({ title: '新标题', opensAt: '2026-12-08T00:00:00.000Z' });
    expect(edited.questionnaire).toBeUndefined();
  });

  it('once open keeps the opening time and every question and option responses may hold', () => {
    const open = campaign({ state: 'open' });
    expect(() => editCampaign(open, draft({ opensAt: '2026-12-08T00:00:00.000Z' }), duringWindow)).toThrow(expect.objectContaining({ fields: { opensAt: { rule: 'fixedWhenOpen' } } }));
    expect(() => editCampaign(open, draft({ closesAt: '2026-12-19T00:00:00.000Z' }), duringWindow)).toThrow(expect.objectContaining({ fields: { closesAt: { rule: 'closesInPast' } } }));
    const fewer = { questions: questionnaire.questions.slice(1) };
    expect(() => editCampaign(open, draft({ questionnaire: fewer }), duringWindow)).toThrow(expect.objectContaining({ fields: { 'questionnaire.questions': { rule: 'keptWhenOpen' } } }));
    const firstWithoutAnOption = { questions: [{ ...questionnaire.questions[0]!, options: (questionnaire.questions[0] as { options: { id: string; label: { 'zh-CN': string } }[] }).options.slice(0, 2) }, ...questionnaire.questions.slice(1)] } as typeof questionnaire;
    expect(() => editCampaign(open, draft({ questionnaire: firstWithoutAnOption }), duringWindow)).toThrow(expect.objectContaining({ fields: { 'questionnaire.questions.0.options': { rule: 'keptWhenOpen' } } }));
    // Rewording, adding a question, extending the window: fine.
    const more = { questions: [...questionnaire.questions.map((q) => ({ ...q, label: { 'zh-CN': `${q.label['zh-CN']}（改）` } })), { id: 'age', type: 'number' as const, required: false, integer: true, label: { 'zh-CN': '年龄' } }] };
    const edited = editCampaign(open, draft({ questionnaire: more, closesAt: '2027-01-11T00:00:00.000Z' }), duringWindow);
    expect(edited.questionnaire?.questions).toHaveLength(6);
    expect(edited.closesAt).toBe('2027-01-11T00:00:00.000Z');
  });

  it('changes nothing once closed', () => {
    expect(() => editCampaign(campaign({ state: 'closed' }), draft(), duringWindow)).toThrow(IllegalTransitionError);
  });
});
