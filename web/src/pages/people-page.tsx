/**
 * Admin: the organisation's directory. Departments (where suggestions are assigned) and staff (who signs in, in
 * which role and department, where reminders go). A new person gets a one-time initial password, shown here
 * once for the admin to hand over; "reset password" on an existing person does the same. Every change is
 * audited by the server. The forms check with the server's own schemas first.
 */
import '../zod-without-eval';
import { useRef, useState } from 'preact/hooks';
import { ruleText, type Locale } from '../../../shared/domain/i18n/messages';
import { departmentEntrySchema, departmentIdPattern, staffEntrySchema, usernamePattern } from '../../../shared/domain/staff/directory-entries';
import { staffRoles } from '../../../shared/domain/staff/staff';
import { toFieldProblems } from '../../../shared/domain/validation';
import type { Department, SaveStaffResponse, StaffProfile, StaffRole } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { Field, focusFirstInvalid } from '../components/field';
import { StaffPage } from '../components/staff-page';
import { useI18n } from '../i18n';
import { getDepartments, getStaffList, putDepartment, putStaffMember } from '../staff-api';
import { departmentName, forgetDepartments, useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

type Problems = Record<string, string>;

function problemsOf(locale: Locale, issues: Parameters<typeof toFieldProblems>[0]): Problems {
  return Object.fromEntries(Object.entries(toFieldProblems(issues)).map(([field, problem]) => [field, ruleText(locale, problem)]));
}

/**
 * What both forms share: the problems found here or by the server (per field), a general message, the busy flag,
 * and the save itself — nothing is sent while a field has a problem, and focus goes to the first one.
 */
function useSaveForm() {
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = () => setTimeout(() => focusFirstInvalid(formRef.current));

  async function save<T>(found: Problems, send: () => Promise<T>, onSaved: (value: T) => void): Promise<void> {
    setProblems(found);
    setMessage(undefined);
    if (Object.keys(found).length) {
      focusFirstProblem();
      return;
    }
    setBusy(true);
    try {
      onSaved(await send());
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      const fields = caught.fields ?? {};
      setProblems(fields);
      if (Object.keys(fields).length) focusFirstProblem();
      else setMessage(caught.message);
    } finally {
      setBusy(false);
    }
  }
  return { problems, message, busy, formRef, save };
}

/** The end of both forms: the server's general message, save, and cancel while editing. */
function FormEnd({ message, busy, editing, onCancel }: { message?: string; busy: boolean; editing: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert message={message} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('act.sending') : t('people.save')}
        </button>
        {editing && (
          <button type="button" class="button" onClick={onCancel}>
            {t('people.cancel')}
          </button>
        )}
      </div>
    </>
  );
}

function DepartmentForm({ editing, onSaved, onCancel }: { editing?: Department; onSaved: (departments: Department[], id: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const [id, setId] = useState(editing?.id ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [en, setEn] = useState(editing?.en ?? '');
  const { problems, message, busy, formRef, save } = useSaveForm();

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const found: Problems = {};
    if (!departmentIdPattern.test(id.trim())) found.departmentId = ruleText(locale, { rule: id.trim() ? 'departmentIdFormat' : 'required' });
    const parsed = departmentEntrySchema.safeParse({ name, en });
    if (!parsed.success) Object.assign(found, problemsOf(locale, parsed.error.issues));
    await save(found, () => putDepartment(id.trim(), { name: name.trim(), en: en.trim() }), (saved) => onSaved(saved.departments, id.trim()));
  }

  return (
    <form noValidate ref={formRef} class="form card" onSubmit={submit} data-testid="department-form" aria-labelledby="department-form-heading">
      <h3 id="department-form-heading">{editing ? t('people.dept.edit', { name: editing.name }) : t('people.dept.add')}</h3>
      <Field id="d-id" label={t('people.dept.id')} hint={t('people.dept.idHint')} error={problems.departmentId}>
        {(control) => <input {...control} type="text" value={id} disabled={!!editing} autoComplete="off" onInput={(e) => setId(e.currentTarget.value)} />}
      </Field>
      <Field id="d-name" label={t('people.dept.name')} error={problems.name}>
        {(control) => <input {...control} type="text" value={name} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id="d-en" label={t('field.en')} error={problems.en}>
        {(control) => <input {...control} type="text" value={en} maxLength={80} lang="en" onInput={(e) => setEn(e.currentTarget.value)} />}
      </Field>
      <FormEnd message={message} busy={busy} editing={!!editing} onCancel={onCancel} />
    </form>
  );
}

function PersonForm({
  editing,
  departments,
  myUsername,
  onSaved,
  onCancel,
}: {
  editing?: StaffProfile;
  departments: Department[];
  myUsername?: string;
  onSaved: (saved: SaveStaffResponse) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [username, setUsername] = useState(editing?.username ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<StaffRole | ''>(editing?.role ?? '');
  const [departmentId, setDepartmentId] = useState(editing?.departmentId ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [resetPassword, setResetPassword] = useState(false);
  const [active, setActive] = useState(editing?.active !== false);
  const { problems, message, busy, formRef, save } = useSaveForm();
  const isHandler = role === 'handler';

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const body = {
      name,
      role: role || undefined,
      ...(isHandler && departmentId ? { departmentId } : {}),
      email,
      ...(phone.trim() ? { phone } : {}),
      ...(editing && resetPassword ? { resetPassword: true } : {}),
      ...(editing ? { active } : {}),
    };
    const found: Problems = {};
    const user = username.trim();
    if (!usernamePattern.test(user)) found.username = ruleText(locale, { rule: user ? 'usernameFormat' : 'required' });
    const parsed = staffEntrySchema.safeParse(body);
    if (!parsed.success) Object.assign(found, problemsOf(locale, parsed.error.issues));
    await save(found, () => putStaffMember(user, parsed.data!), onSaved);
  }

  return (
    <form noValidate ref={formRef} class="form card" onSubmit={submit} data-testid="person-form" aria-labelledby="person-form-heading">
      <h3 id="person-form-heading">{editing ? t('people.person.edit', { name: editing.name }) : t('people.person.add')}</h3>
      <Field id="p-username" label={t('field.username')} hint={editing ? undefined : t('people.person.usernameHint')} error={problems.username}>
        {(control) => (
          <input {...control} type="text" value={username} disabled={!!editing} autoComplete="off" autoCapitalize="none" onInput={(e) => setUsername(e.currentTarget.value)} />
        )}
      </Field>
      <Field id="p-name" label={t('field.name')} error={problems.name}>
        {(control) => <input {...control} type="text" value={name} maxLength={40} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id="p-role" label={t('field.role')} error={problems.role} hint={editing ? t('people.person.roleHint') : undefined}>
        {(control) => (
          <select {...control} value={role} disabled={editing?.username === myUsername} onChange={(e) => setRole(e.currentTarget.value as StaffRole)}>
            <option value="">{t('people.choose')}</option>
            {staffRoles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {isHandler && (
        <Field id="p-department" label={t('field.departmentId')} error={problems.departmentId}>
          {(control) => (
            <select {...control} value={departmentId} onChange={(e) => setDepartmentId(e.currentTarget.value)}>
              <option value="">{t('people.choose')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {locale === 'en' ? d.en : d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="p-email" label={t('field.email')} hint={t('people.person.emailHint')} error={problems.email}>
        {(control) => <input {...control} type="email" value={email} autoComplete="off" onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Field id="p-phone" label={t('field.phone')} optional hint={t('people.person.phoneHint')} error={problems.phone}>
        {(control) => <input {...control} type="tel" inputMode="numeric" value={phone} autoComplete="off" onInput={(e) => setPhone(e.currentTarget.value)} />}
      </Field>
      {editing && (
        <div class="field">
          <label class="check">
            <input type="checkbox" id="p-reset" checked={resetPassword} onChange={(e) => setResetPassword(e.currentTarget.checked)} />{' '}
            {t('people.person.reset')}
          </label>
        </div>
      )}
      {editing && editing.username !== myUsername && (
        <div class="field">
          <label class="check">
            <input type="checkbox" id="p-active" checked={!active} onChange={(e) => setActive(!e.currentTarget.checked)} /> {t('people.person.disable')}
          </label>
          <p class="hint">{t('people.person.disableHint')}</p>
        </div>
      )}
      <FormEnd message={message} busy={busy} editing={!!editing} onCancel={onCancel} />
    </form>
  );
}

/** The directory as the page shows it; a save changes its copy (the staff list is absent until it has loaded). */
interface Directory {
  departments: Department[];
  staff?: StaffProfile[];
}

/** Departments and staff, fetched together. */
async function loadDirectory(): Promise<Directory> {
  const [d, s] = await Promise.all([getDepartments(), getStaffList()]);
  return { departments: d.departments, staff: s.staff };
}

export function PeoplePage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const directory = useLoad(loadDirectory);
  const departments = directory.data?.departments ?? [];
  const staff = directory.data?.staff;
  const error = directory.error;
  const [editingDepartment, setEditingDepartment] = useState<Department>();
  const [editingPerson, setEditingPerson] = useState<StaffProfile>();
  const [notice, setNotice] = useState<{ text: string; password?: string }>();
  // Forms are keyed so that "edit" and "saved" start them afresh.
  const [formKey, setFormKey] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  function announce(text: string, password?: string): void {
    setNotice({ text, ...(password ? { password } : {}) });
    setFormKey((k) => k + 1);
    setTimeout(() => noticeRef.current?.focus());
  }

  const department = (id?: string) => departmentName(departments, id, locale);

  return (
    <StaffPage me={me} heading={t('people.heading')}>
      <p class="hint">{t('people.intro')}</p>
      <ErrorAlert message={error} />
      {notice && (
        <div class="alert alert-info" role="status" tabIndex={-1} ref={noticeRef} data-testid="people-notice">
          <p>{notice.text}</p>
          {notice.password && (
            <p>
              {t('people.password')} <code data-testid="initial-password">{notice.password}</code>
              <br />
              <span class="hint">{t('people.passwordHint')}</span>
            </p>
          )}
        </div>
      )}

      <h2>{t('people.staff')}</h2>
      {staff === undefined && !error && <p>{t('common.loading')}</p>}
      {staff && (
        <DataTable
          label={t('people.staff')}
          testId="people-table"
          columns={[t('field.username'), t('field.name'), t('field.role'), t('field.departmentId'), t('field.email'), t('field.phone'), { hidden: t('people.edit') }]}
        >
          {staff.map((person) => (
            <tr key={person.username} data-testid="person-row">
              <td>
                <code>{person.username}</code>
              </td>
              <td>
                {person.name}
                {person.active === false && <span class="tag"> {t('people.disabled')}</span>}
              </td>
              <td>{t(`role.${person.role}`)}</td>
              <td>{department(person.departmentId) ?? '—'}</td>
              <td>{person.email ?? '—'}</td>
              <td>{person.phone ?? '—'}</td>
              <td>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setEditingPerson(person);
                    setFormKey((k) => k + 1);
                    setTimeout(() => document.getElementById('p-name')?.focus());
                  }}
                >
                  {t('people.edit')}
                  <span class="visually-hidden"> {person.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PersonForm
        key={`person-${formKey}`}
        editing={editingPerson}
        departments={departments}
        myUsername={me?.username}
        onCancel={() => {
          setEditingPerson(undefined);
          setFormKey((k) => k + 1);
        }}
        onSaved={(saved) => {
          setEditingPerson(undefined);
          directory.setData((current) => ({
            departments: current?.departments ?? [],
            staff: [...(current?.staff ?? []).filter((p) => p.username !== saved.person.username), saved.person].sort((a, b) => a.username.localeCompare(b.username)),
          }));
          announce(t(saved.created ? 'people.person.created' : 'people.person.saved', { name: saved.person.name }), saved.initialPassword);
        }}
      />

      <h2>{t('people.departments')}</h2>
      <ul class="plain-list" data-testid="department-list">
        {departments.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong> <span lang="en">{d.en}</span> <code class="hint">{d.id}</code>{' '}
            <button
              type="button"
              class="button"
              onClick={() => {
                setEditingDepartment(d);
                setFormKey((k) => k + 1);
                setTimeout(() => document.getElementById('d-name')?.focus());
              }}
            >
              {t('people.edit')}
              <span class="visually-hidden"> {d.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <DepartmentForm
        key={`dept-${formKey}`}
        editing={editingDepartment}
        onCancel={() => {
          setEditingDepartment(undefined);
          setFormKey((k) => k + 1);
        }}
        onSaved={(saved, id) => {
          setEditingDepartment(undefined);
          directory.setData((current) => ({ ...current, departments: saved }));
          forgetDepartments();
          announce(t('people.dept.saved', { name: saved.find((d) => d.id === id)?.name ?? id }));
        }}
      />
    </StaffPage>
  );
}
