import type { SuggestionStatus } from '../../../shared/domain/suggestion/suggestion';
import { t } from '../i18n';

export function StatusBadge({ status }: { status: SuggestionStatus }) {
  return <span class={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
