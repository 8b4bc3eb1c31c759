import { useI18n } from '../i18n';
import { href } from '../router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 tabIndex={-1}>{t('common.notFoundPage')}</h1>
      <p>
        <a href={href('/')}>{t('common.home')}</a>
      </p>
    </section>
  );
}
