import { categories } from '../../../shared/domain/intake/categories';
import { categoryName } from '../format';
import { useI18n } from '../i18n';

/** The options of a category select, in the page's language, after a first option for "none" (or "all"). */
export function CategoryOptions({ none }: { none: string }) {
  const { locale } = useI18n();
  return (
    <>
      <option value="">{none}</option>
      {categories.map((category) => (
        <option key={category} value={category}>
          {categoryName(category, locale)}
        </option>
      ))}
    </>
  );
}
