import type { CategoryView, KioskServiceView, KioskState } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { BigButton } from './BigButton.js';
import type { ServicePick } from './kiosk-flow.js';
import { localDocument, localHint, localName } from './localized.js';
import type { ServiceShelf } from './service-tree.js';

/** Shelves of service buttons: the home page's, a second-level group's, or a priority visitor's. */
export function ServicePage({
  shelves,
  category,
  onPick,
  onOpenGroup,
}: {
  shelves: ServiceShelf[];
  category: CategoryView | null;
  onPick: (pick: ServicePick) => void;
  onOpenGroup: (groupId: string) => void;
}) {
  const { t, language } = useLanguage();
  return (
    <div className="kiosk-shelves">
      {category && (
        <p className="kiosk-note kiosk-note--accent" data-testid="priority-chosen">
          <strong>{t('kiosk.priorityChosen', { category: localName(category, language) })}</strong>
          <br />
          {t('kiosk.showDocument', { document: localDocument(category, language) })}
        </p>
      )}
      {shelves.map((shelf) => (
        <section key={shelf.group?.id ?? '-'} className="kiosk-shelf" aria-label={shelf.group ? localName(shelf.group, language) : t('kiosk.chooseService')}>
          {shelf.group && <h2 className="kiosk-shelf__title">{localName(shelf.group, language)}</h2>}
          <div className="kiosk-grid">
            {shelf.services.map((service) => (
              <ServiceButton key={service.id} service={service} onPress={() => onPick({ service, category })} />
            ))}
            {shelf.subgroups.map((group) => (
              <BigButton key={group.id} title={localName(group, language)} tone="quiet" onPress={() => onOpenGroup(group.id)} extra={<span aria-hidden="true" className="kiosk-button__more">›</span>} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function ServiceButton({ service, onPress }: { service: KioskServiceView; onPress: () => void }) {
  const { t, language } = useLanguage();
  return (
    <BigButton
      title={localName(service, language)}
      hint={localHint(service, language)}
      onPress={onPress}
      testId={`service-${service.id}`}
      extra={
        <span className="kiosk-button__meta" aria-hidden="true">
          {t('kiosk.waitingCount', { count: service.waiting })}
        </span>
      }
    />
  );
}

/** The home page's own way in for priority visitors and booked ones. */
export function SpecialPaths({ state, onPriority, onBooking }: { state: KioskState; onPriority: () => void; onBooking: () => void }) {
  const { t, language } = useLanguage();
  // The hint names the office's own categories, so a visitor sees at once whether it is for them.
  const categories = state.categories.map((c) => localName(c, language)).join(', ');
  return (
    <div className="kiosk-grid kiosk-grid--paths">
      {state.categories.length > 0 && <BigButton title={t('kiosk.priority')} hint={categories} tone="accent" onPress={onPriority} />}
      <BigButton title={t('kiosk.booking')} hint={t('kiosk.bookingHint')} tone="accent" onPress={onBooking} />
    </div>
  );
}
