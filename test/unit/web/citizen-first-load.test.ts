/**
 * The citizen's first page load carries no staff code: following the static imports from the app's entry
 * (web/src/main.tsx) — the way the bundler does, leaving out `import type` and `import()` — reaches the citizen
 * pages and their strings only; the staff console, its pages, calls and strings come behind a dynamic import.
 * Read from the sources, so no build is needed (bench:web measures the built files).
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../../shared/domain/i18n/messages';
import { citizenZhCN } from '../../../web/src/i18n/citizen-zh-cn';
// The case library's strings ship with the citizen ones (i18n/index.ts registers them: its link is on every page).
import { casesZhCN } from '../../../web/src/i18n/cases-zh-cn';

const root = path.resolve(import.meta.dirname, '../../..');
const web = (file: string) => path.join(root, 'web/src', file);
const relative = (file: string) => path.relative(path.join(root, 'web/src'), file).split(path.sep).join('/');

/** Our own TypeScript module an import names; a package (preact, zod) or a style sheet is not ours to follow. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending).find((file) => existsSync(file));
}

/** The modules a file imports at run time, and the ones it loads with import(). */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = { static: [] as string[], dynamic: [] as string[] };
  const add = (list: string[], specifier: string) => {
    const target = resolve(file, specifier);
    if (target) list.push(target);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typesOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typesOnly) add(found.static, node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      add(found.static, node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      add(found.dynamic, node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every module a file needs before it runs (itself included), and what those load later. */
function staticGraph(entry: string): { modules: Set<string>; later: Set<string> } {
  const modules = new Set<string>();
  const later = new Set<string>();
  const walk = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const { static: imported, dynamic } = importsOf(file);
    for (const next of dynamic) later.add(next);
    for (const next of imported) walk(next);
  };
  walk(entry);
  return { modules, later };
}

const citizen = staticGraph(web('main.tsx'));
const citizenModules = [...citizen.modules].map(relative).sort();

describe("the citizen's first page load", () => {
  it('holds the citizen pages and no other page', () => {
    const pages = citizenModules.filter((file) => file.startsWith('pages/'));
    expect(pages).toEqual(['pages/answer-page.tsx', 'pages/outbox-page.tsx', 'pages/rate-page.tsx', 'pages/receipt-page.tsx', 'pages/submit-page.tsx', 'pages/track-page.tsx']);
  });

  it('holds no staff module: not the console, its calls, its data or its strings', () => {
    const staff = citizenModules.filter((file) => /^(staff-|sign-in|i18n\/staff|components\/staff-)/.test(file));
    expect(staff).toEqual([]);
    expect(citizenModules).toContain('i18n/index.ts');
    expect(citizenModules).toContain('i18n/citizen-zh-cn.ts');
  });

  it('reaches the staff console by a dynamic import, and the console brings the staff strings and pages', () => {
    expect([...citizen.later].map(relative)).toContain('staff-console.tsx');
    const console = [...staticGraph(web('staff-console.tsx')).modules].map(relative);
    expect(console).toEqual(expect.arrayContaining(['i18n/staff.ts', 'i18n/staff-zh-cn.ts', 'i18n/staff-en.ts', 'pages/staff-queue-page.tsx', 'pages/staff-actions/index.tsx', 'staff-api.ts']));
  });

  it('asks only for strings it carries: every literal key a citizen module translates is a citizen or shared one', () => {
    const missing: string[] = [];
    for (const file of citizen.modules) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/\b(?:t|text|translateUi|tDynamic)\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (!(key! in citizenZhCN) && !(key! in casesZhCN) && !isMessageKey(key!)) missing.push(`${relative(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
