import type { CategoryView, KioskServiceView, KioskState, ServiceGroupView } from '@talon/protocol';
import type { CSSProperties } from 'react';
import { useLanguage } from '../shared/language.js';
import { BigButton } from './BigButton.js';
import type { ServicePick } from './kiosk-flow.js';
import { localDocument, localHint, localName } from './localized.js';
import type { ServiceShelf } from './service-tree.js';
import { usePageThatFits } from './page-that-fits.js';
import { waitText } from './wait-text.js';

type ShelfItem = { kind: 'service'; service: KioskServiceView } | { kind: 'group'; group: ServiceGroupView };

/**
 * Shelves of service buttons: the home page's, a second-level group's, or a priority visitor's.
 * When the buttons do not all fit the screen they come in pages with a «Далее» button.
 */
export function ServicePage({
  shelves,
  category,
  fitKey,
  onPick,
  onOpenGroup,
}: {
  shelves: ServiceShelf[];
  category: CategoryView | null;
  /** What changes the buttons' size (text size, language): the pages are measured again. */
  fitKey: string;
  onPick: (pick: ServicePick) => void;
  onOpenGroup: (groupId: string) => void;
}) {
  const { t, language } = useLanguage();
  const items = shelves.map((shelf) => [
    ...shelf.services.map((service): ShelfItem => ({ kind: 'service', service })),
    ...shelf.subgroups.map((group): ShelfItem => ({ kind: 'group', group })),
  ]);
  const total = items.reduce((sum, shelfItems) => sum + shelfItems.length, 0);
  const paging = usePageThatFits(total, `${fitKey}|${language}`);
  let before = 0;
  return (
    <div className="kiosk-shelves">
      {category && (
        <p className="kiosk-note kiosk-note--accent" data-testid="priority-chosen">
          <strong>{t('kiosk.priorityChosen', { category: localName(category, language) })}</strong>
          <br />
          {t('kiosk.showDocument', { document: localDocument(category, language) })}
        </p>
      )}
      {shelves.map((shelf, index) => {
        const shelfItems = items[index] ?? [];
        const first = before;
        before += shelfItems.length;
        const shown = shelfItems.filter((_, i) => first + i >= paging.start && first + i < paging.end);
        if (shown.length === 0) return null;
        return (
          <section
            key={shelf.group?.id ?? '-'}
            className="kiosk-shelf"
            style={{ '--shelf-buttons': shown.length } as CSSProperties}
            aria-label={shelf.group ? localName(shelf.group, language) : t('kiosk.chooseService')}
          >
            {shelf.group && <h2 className="kiosk-shelf__title">{localName(shelf.group, language)}</h2>}
            <div className="kiosk-grid">
              {shown.map((item) =>
                item.kind === 'service' ? (
                  <ServiceButton key={item.service.id} service={item.service} onPress={() => onPick({ service: item.service, category })} />
                ) : (
                  <BigButton
                    key={item.group.id}
                    title={localName(item.group, language)}
                    tone="quiet"
                    onPress={() => onOpenGroup(item.group.id)}
                    extra={<span aria-hidden="true" className="kiosk-button__more">›</span>}
                  />
                ),
              )}
            </div>
          </section>
        );
      })}
      {paging.pages > 1 && (
        <nav className="kiosk-pages" aria-label={t('kiosk.pageOf', { page: paging.page + 1, pages: paging.pages })} data-testid="kiosk-pages">
          <button type="button" className="kiosk-action" onClick={paging.previous} disabled={paging.page === 0}>
            <span aria-hidden="true">‹ </span>
            {t('kiosk.pagePrevious')}
          </button>
          <span className="kiosk-pages__where">{t('kiosk.pageOf', { page: paging.page + 1, pages: paging.pages })}</span>
          <button type="button" className="kiosk-action kiosk-action--accent" onClick={paging.next} disabled={paging.page === paging.pages - 1}>
            {t('kiosk.pageNext')}
            <span aria-hidden="true"> ›</span>
          </button>
        </nav>
      )}
    </div>
  );
}

function ServiceButton({ service, onPress }: { service: KioskServiceView; onPress: () => void }) {
  const { t, language } = useLanguage();
  const wait = waitText(service, t);
  return (
    <BigButton
      title={localName(service, language)}
      hint={localHint(service, language)}
      onPress={onPress}
      testId={`service-${service.id}`}
      extra={
        <span className="kiosk-button__meta" aria-hidden="true">
          {t('kiosk.waitingCount', { count: service.waiting })}
          {/* What a visitor taking a ticket now would be told; nothing while no desk serves it. */}
          {wait !== null && (
            <span className="kiosk-button__wait" data-testid={`service-wait-${service.id}`}>
              {wait}
            </span>
          )}
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
