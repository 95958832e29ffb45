import { useLanguage } from '../shared/language.js';
import { withNewCategory } from './config-form.js';
import { useDraft } from './draft.js';
import { CheckField, ListProblems, RemoveItemButton, TextField } from './fields.js';

export function CategoriesSection() {
  const { t } = useLanguage();
  const { config, replace } = useDraft();
  return (
    <section aria-labelledby="ad-categories-title" className="ad-section">
      <h2 id="ad-categories-title">{t('admin.tab.categories')}</h2>
      <ListProblems path={['categories']} />
      {config.categories.map((category, index) => (
        <fieldset key={index} className="ad-card">
          <legend>{category.name}</legend>
          <div className="ad-grid">
            <TextField label={t('admin.field.id')} path={['categories', index, 'id']} />
            <TextField label={t('admin.field.name')} path={['categories', index, 'name']} wide />
            <TextField label={t('admin.field.nameEn')} path={['categories', index, 'nameEn']} optional wide />
            <TextField label={t('admin.field.document')} path={['categories', index, 'document']} wide />
            <TextField label={t('admin.field.documentEn')} path={['categories', index, 'documentEn']} optional wide />
            <CheckField label={t('admin.field.requireOutcome')} path={['categories', index, 'finishRequires', 'outcome']} />
            <CheckField label={t('admin.field.requireDocumentCheck')} path={['categories', index, 'finishRequires', 'documentCheck']} />
          </div>
          <RemoveItemButton
            list="categories"
            index={index}
            label={t('admin.removeNamed', { name: category.name })}
            confirm={t('admin.removeCategoryConfirm', { name: category.name })}
          />
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewCategory)}>
        {t('admin.addCategory')}
      </button>
    </section>
  );
}
