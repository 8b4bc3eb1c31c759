/**
 * The organisation directory through the API, as an office admin would keep it: add a department, add a handler
 * in it (who signs in with the one-time initial password and works that department's queue), change a role,
 * reset a password; refused to everyone but admins; bad input named by field with nothing written; audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, submitForScreening, type TestStack } from './harness';

let t: TestStack;
let admin: string;
let dispatcher: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  [admin, dispatcher] = await Promise.all([t.token('admin'), t.token('dispatcher')]);
});
afterAll(async () => t?.stop());

const signIn = (username: string, password: string) => t.api('/idp/login', { method: 'POST', json: { username, password } });
const newPassword = (username: string, session: string, password: string) =>
  t.api('/idp/new-password', { method: 'POST', json: { username, session, newPassword: password }, lang: 'en' });

describe('the organisation directory', () => {
  it('adds a department that screening can then assign to', async () => {
    const saved = await t.api('/api/staff/departments/water', { method: 'PUT', token: admin, json: { name: '水务局', en: 'Water Authority' } });
    expect(saved.status).toBe(200);
    expect(saved.body.departments).toContainEqual({ id: 'water', name: '水务局', en: 'Water Authority' });
    const listed = await t.api('/api/staff/departments', { token: dispatcher });
    expect(listed.body.departments.map((d: { id: string }) => d.id)).toContain('water');
    const renamed = await t.api('/api/staff/departments/water', { method: 'PUT', token: admin, json: { name: '区水务局', en: 'District Water Authority' } });
    expect(renamed.body.departments).toContainEqual({ id: 'water', name: '区水务局', en: 'District Water Authority' });
  });

  it('adds a handler who signs in with the one-time password and sees the department queue', async () => {
    const created = await t.api('/api/staff/people/liu.yang', {
      method: 'PUT',
      token: admin,
      json: { name: '水务局 刘洋', role: 'handler', departmentId: 'water', email: 'liu.yang@demo.jianyi.local', phone: '13800000009' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created: true, person: { username: 'liu.yang', role: 'handler', departmentId: 'water', orgId: 'demo' } });
    const password: string = created.body.initialPassword;
    expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{16}$/);

    expect((await signIn('liu.yang', 'wrong-password')).status).toBe(401);
    // The initial password works once: the first sign-in asks for a password of their own (as Cognito does).
    const first = await signIn('liu.yang', password);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });
    expect(first.body.idToken).toBeUndefined();
    const weak = await newPassword('liu.yang', first.body.session, 'weak');
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.body.error.fields)).toEqual(['newPassword']);
    expect((await newPassword('dispatcher', first.body.session, 'Liu#Yang2026ok')).status).toBe(401); // not their session
    expect((await newPassword('liu.yang', 'forged', 'Liu#Yang2026ok')).status).toBe(401);
    const login = await newPassword('liu.yang', first.body.session, 'Liu#Yang2026ok');
    expect(login.status).toBe(200);
    expect((await signIn('liu.yang', password)).status).toBe(401);
    expect((await signIn('liu.yang', 'Liu#Yang2026ok')).body.idToken).toEqual(expect.any(String));
    const me = await t.api('/api/staff/me', { token: login.body.idToken });
    expect(me.body).toMatchObject({ username: 'liu.yang', role: 'handler', departmentId: 'water' });
    const queue = await t.api('/api/staff/suggestions', { token: login.body.idToken });
    expect(queue.status).toBe(200);
    // The new person is in the directory, so reminders for the department reach them.
    const people = await t.api('/api/staff/people', { token: admin });
    expect(people.body.staff).toContainEqual(expect.objectContaining({ username: 'liu.yang', email: 'liu.yang@demo.jianyi.local' }));
  });

  it('changes a role (from the next sign-in) and resets a password without creating anyone', async () => {
    const updated = await t.api('/api/staff/people/liu.yang', {
      method: 'PUT',
      token: admin,
      json: { name: '水务局 刘洋', role: 'viewer', email: 'liu.yang@demo.jianyi.local', resetPassword: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.created).toBe(false);
    expect(updated.body.person).not.toHaveProperty('departmentId');
    const first = await signIn('liu.yang', updated.body.initialPassword);
    expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
    const login = await newPassword('liu.yang', first.body.session, 'Liu#Yang2026two');
    expect(login.status).toBe(200);
    const me = await t.api('/api/staff/me', { token: login.body.idToken });
    expect(me.body.role).toBe('viewer');
    // An update without a reset shows no password.
    const again = await t.api('/api/staff/people/liu.yang', { method: 'PUT', token: admin, json: { name: '刘洋', role: 'viewer', email: 'liu.yang@demo.jianyi.local' } });
    expect(again.body.initialPassword).toBeUndefined();
  });

  it('lets the person replace the initial password with their own (the pool’s policy applies)', async () => {
    const reset = await t.api('/api/staff/people/liu.yang', { method: 'PUT', token: admin, json: { name: '刘洋', role: 'viewer', email: 'liu.yang@demo.jianyi.local', resetPassword: true } });
    const initial: string = reset.body.initialPassword;
    const change = (password: string, newPassword: string) =>
      t.api('/idp/change-password', { method: 'POST', json: { username: 'liu.yang', password, newPassword }, lang: 'en' });
    const wrong = await change('not-the-password', 'Mine#Secret2026');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual({ password: 'the current password is not right' });
    const weak = await change(initial, 'weakpassword');
    expect(weak.status).toBe(400);
    expect(Object.keys(weak.body.error.fields)).toEqual(['newPassword']);
    expect((await change(initial, 'Mine#Secret2026')).status).toBe(200);
    expect((await signIn('liu.yang', initial)).status).toBe(401);
    expect((await signIn('liu.yang', 'Mine#Secret2026')).body.idToken).toEqual(expect.any(String)); // no challenge: their own now
  });

  it('names the field and the rule for bad input, and writes nothing', async () => {
    const before = await t.snapshot();
    const put = (username: string, json: unknown) => t.api(`/api/staff/people/${username}`, { method: 'PUT', token: admin, json, lang: 'en' });
    const noDepartment = await put('new.person', { name: '新人', role: 'handler', email: 'n@x.cn' });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.fields).toEqual({ departmentId: 'Department: a handler needs a department' });
    const unknown = await put('new.person', { name: '新人', role: 'handler', departmentId: 'nowhere', email: 'n@x.cn' });
    expect(unknown.body.error.fields).toEqual({ departmentId: 'Department: no such department' });
    const notHandler = await put('new.person', { name: '新人', role: 'dispatcher', departmentId: 'water', email: 'n@x.cn' });
    expect(Object.keys(notHandler.body.error.fields)).toEqual(['departmentId']);
    const bad = await put('new.person', { name: '', role: 'boss', email: 'not-an-email', phone: '123' });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'name', 'phone', 'role']);
    const badName = await put('Bad Name!', { name: '新人', role: 'viewer', email: 'n@x.cn' });
    expect(badName.status).toBe(400);
    expect(Object.keys(badName.body.error.fields)).toEqual(['username']);
    const resetNew = await put('new.person', { name: '新人', role: 'viewer', email: 'n@x.cn', resetPassword: true });
    expect(Object.keys(resetNew.body.error.fields)).toEqual(['resetPassword']);
    const badDept = await t.api('/api/staff/departments/Water%20Dept', { method: 'PUT', token: admin, json: { name: '水', en: 'W' }, lang: 'en' });
    expect(Object.keys(badDept.body.error.fields)).toEqual(['departmentId']);
    const emptyDept = await t.api('/api/staff/departments/parks', { method: 'PUT', token: admin, json: { name: '' }, lang: 'en' });
    expect(Object.keys(emptyDept.body.error.fields).sort()).toEqual(['en', 'name']);
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses everyone but admins, and an admin taking away their own admin role', async () => {
    for (const [who, token] of [['dispatcher', dispatcher], ['supervisor', await t.token('supervisor')]] as const) {
      expect((await t.api('/api/staff/people', { token })).status, who).toBe(403);
      expect((await t.api('/api/staff/people/x.y.z', { method: 'PUT', token, json: { name: 'x', role: 'viewer', email: 'x@x.cn' } })).status, who).toBe(403);
      expect((await t.api('/api/staff/departments/parks', { method: 'PUT', token, json: { name: '园林局', en: 'Parks' } })).status, who).toBe(403);
    }
    expect((await t.api('/api/staff/people')).status).toBe(401);
    const self = await t.api('/api/staff/people/admin', { method: 'PUT', token: admin, json: { name: '管理员 王敏', role: 'viewer', email: 'admin@demo.jianyi.local' }, lang: 'en' });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toBe('You cannot take away your own admin role or disable your own account; ask another admin');
    const selfDisable = await t.api('/api/staff/people/admin', { method: 'PUT', token: admin, json: { name: '管理员 王敏', role: 'admin', email: 'admin@demo.jianyi.local', active: false }, lang: 'en' });
    expect(selfDisable.status).toBe(409);
  });

  it('refuses a username another organisation already uses', async () => {
    // A login record without a profile here stands for an account of another organisation.
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    await t.stack.documents.send(new PutCommand({ TableName: t.stack.tableName, Item: { pk: 'LOGIN#taken.name', sk: 'LOGIN', orgId: 'other', passwordHash: 'x' } }));
    const taken = await t.api('/api/staff/people/taken.name', { method: 'PUT', token: admin, json: { name: '重名', role: 'viewer', email: 't@x.cn' }, lang: 'en' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('The username taken.name is taken');
    const people = await t.api('/api/staff/people', { token: admin });
    expect(people.body.staff.map((p: { username: string }) => p.username)).not.toContain('taken.name');
  });

  it('disables the account of someone who left (no sign-in, no notifications) and enables it again', async () => {
    const put = (json: Record<string, unknown>) =>
      t.api('/api/staff/people/liu.yang', { method: 'PUT', token: admin, json: { name: '刘洋', role: 'handler', departmentId: 'water', email: 'liu.yang@demo.jianyi.local', ...json } });
    const before = await signIn('liu.yang', 'Mine#Secret2026');
    expect(before.status).toBe(200);
    const disabled = await put({ active: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body.person.active).toBe(false);
    expect((await signIn('liu.yang', 'Mine#Secret2026')).status).toBe(401);
    // A token issued before is refused too (within a minute: here at once, nothing remembered the account yet).
    const stale = await t.api('/api/staff/reply-templates', { token: before.body.idToken, lang: 'en' });
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toBe('This account is disabled; ask your admin');
    const listed = (await t.api('/api/staff/people', { token: admin })).body.staff.find((p: { username: string }) => p.username === 'liu.yang');
    expect(listed.active).toBe(false);
    // Nobody in the water authority is told of an assignment now.
    const { id } = await submitForScreening(t, dispatcher);
    const assigned = await t.api(`/api/staff/suggestions/${id}/screen`, {
      method: 'POST',
      token: dispatcher,
      json: { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'water', cohandlerDepartmentIds: ['transport'] },
    });
    expect(assigned.status).toBe(200);
    await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      return o.body.messages.some((m: { suggestionId: string; to: string }) => m.suggestionId === id && m.to === 'transport@demo.jianyi.local') ? true : undefined;
    });
    const outbox = await t.api('/api/local/outbox');
    expect(outbox.body.messages.filter((m: { suggestionId: string; to: string }) => m.suggestionId === id && m.to === 'liu.yang@demo.jianyi.local')).toEqual([]);

    expect((await put({ active: true })).body.person).not.toHaveProperty('active');
    expect((await signIn('liu.yang', 'Mine#Secret2026')).status).toBe(200);
  });

  it('audits every change', async () => {
    const audit = await t.api('/api/staff/audit?limit=200', { token: admin });
    const actions = audit.body.entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`);
    expect(actions).toEqual(expect.arrayContaining(['department.create water', 'department.update water', 'staff.create liu.yang', 'staff.update liu.yang']));
  });
});
