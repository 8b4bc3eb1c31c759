import { useEffect } from 'preact/hooks';
import { useI18n, type UiKey } from './i18n';

/** Names the browser tab after the page ("提出您的建议 · 建议"); nothing while the page does not know its name yet. */
export function useDocumentTitle(title: UiKey | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    if (title) document.title = `${t(title)} · ${t('app.name')}`;
  });
}
