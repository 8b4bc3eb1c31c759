/**
 * The web app's own strings and the current-language store. The strings come by audience: the citizen pages'
 * (./citizen-*, with the first page load) and the staff console's (./staff, registered when the console's chunk
 * loads), each in zh-CN (default) and en. Field rules, status and action names come from the shared messages
 * (the API uses the same), so `t` looks in both dictionaries.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  defaultLocale,
  isMessageKey,
  locales,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../../shared/domain/i18n/messages';
import { citizenEn } from './citizen-en';
import { citizenZhCN, type CitizenKey } from './citizen-zh-cn';
// A type only: the staff strings themselves stay out of this module's chunk.
import type { StaffKey } from './staff-zh-cn';
import type { DashboardKey } from './dashboard-zh-cn';
import type { CampaignKey } from './campaign-zh-cn';
import type { CitizenCampaignKey } from './citizen-campaign-zh-cn';

// Campaigns (issue 11): media — the case library's strings come with the citizen ones (its nav link is on every
// page); the poster's and report's with the staff console (./staff.ts).
import { casesEn } from './cases-en';
import { casesZhCN, type CasesKey } from './cases-zh-cn';
import type { CampaignMediaKey } from './campaign-media-zh-cn';

export type UiKey = CitizenKey | StaffKey | DashboardKey | CampaignKey | CitizenCampaignKey | CasesKey | CampaignMediaKey;
export type TextKey = UiKey | MessageKey;

// All dictionaries share one lookup, so their keys must never collide.
type Collision =
  | (CitizenKey & StaffKey)
  | (CitizenKey & DashboardKey)
  | (StaffKey & DashboardKey)
  | (CampaignKey & (CitizenKey | StaffKey | DashboardKey | CitizenCampaignKey))
  | (CitizenCampaignKey & (CitizenKey | StaffKey | DashboardKey))
  | (UiKey & MessageKey)
  // Campaigns (issue 11): media
  | (CasesKey & (CitizenKey | StaffKey | DashboardKey | CampaignMediaKey))
  | (CampaignMediaKey & (CitizenKey | StaffKey | DashboardKey));
const noCollision: [Collision] extends [never] ? true : false = true;
void noCollision;

/** The strings registered so far: the citizen ones from the start, the staff ones once the console loaded. */
const ui: Record<Locale, Partial<Record<UiKey, string>>> = { 'zh-CN': { ...citizenZhCN, ...casesZhCN }, en: { ...citizenEn, ...casesEn } };

/** Adds one audience's dictionaries (every key in every language, as the types demand) to the lookup. */
export function addMessages<K extends UiKey>(dictionaries: Record<Locale, Record<K, string>>): void {
  for (const locale of locales) Object.assign(ui[locale], dictionaries[locale]);
}

function isUiKey(key: string): key is UiKey {
  return key in ui[defaultLocale];
}

const storageKey = 'jianyi.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && (locales as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage can be blocked (private mode); the default is fine.
  }
  return defaultLocale;
}

let current: Locale = initialLocale();
const listeners = new Set<(locale: Locale) => void>();

/** The language the UI shows now; the API client sends it as Accept-Language. */
export function currentLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered, still switched.
  }
  document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

export function t(key: TextKey, params: MessageParams = {}, locale: Locale = current): string {
  if (isUiKey(key)) {
    return ui[locale][key]!.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  }
  // A staff key before the console's strings are registered is a bug in the code that asked: say which.
  if (!isMessageKey(key)) throw new Error(`No string "${key}" yet: the staff strings come with web/src/i18n/staff.ts`);
  return translate(locale, key, params);
}

/** Translates a key built at run time (e.g. `status.${status}`), falling back to the raw value. */
export function tDynamic(key: string, fallback: string, params: MessageParams = {}): string {
  if (isUiKey(key) || isMessageKey(key)) return t(key, params);
  return fallback;
}

/** Re-renders the calling component when the language changes. */
export function useI18n(): { locale: Locale; t: typeof t; setLocale: typeof setLocale } {
  const [locale, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return { locale, t, setLocale };
}

// Guarded so the e2e test can import the dictionaries in Node to know what the page says.
if (typeof document !== 'undefined') document.documentElement.lang = current;
