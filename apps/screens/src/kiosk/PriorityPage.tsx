import type { CategoryView } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { BigButton } from './BigButton.js';
import { localDocument, localName } from './localized.js';

/** Who may go ahead: each category with the document the desk will ask to see. */
export function PriorityPage({ categories, onPick }: { categories: CategoryView[]; onPick: (category: CategoryView) => void }) {
  const { t, language } = useLanguage();
  return (
    <div className="kiosk-page">
      <p className="kiosk-lead">{t('kiosk.priorityLead')}</p>
      <div className="kiosk-grid">
        {categories.map((category) => (
          <BigButton
            key={category.id}
            title={localName(category, language)}
            hint={t('kiosk.showDocument', { document: localDocument(category, language) })}
            onPress={() => onPick(category)}
            testId={`category-${category.id}`}
          />
        ))}
      </div>
    </div>
  );
}
