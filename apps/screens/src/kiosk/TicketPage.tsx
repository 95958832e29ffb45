import type { IssuedTicket, KioskState } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import type { PaperState } from './kiosk-flow.js';
import { localDocument, localName } from './localized.js';
import { waitText } from './wait-text.js';

/**
 * The ticket as the visitor must remember it if the paper never comes: the number first and
 * biggest, then what it is for and how long it may take.
 */
export function TicketPage({ issued, paper, state, onDone }: { issued: IssuedTicket; paper: PaperState; state: KioskState; onDone: () => void }) {
  const { t, language } = useLanguage();
  const { ticket } = issued;
  const timeZone = state.office.timeZone;
  // The server names the ticket in Russian; a visitor who switched to English reads the config's English names.
  const service = state.services.find((s) => s.id === ticket.serviceId);
  const category = state.categories.find((c) => c.id === ticket.categoryId);
  const serviceName = service ? localName(service, language) : ticket.serviceName;
  const categoryName = category ? localName(category, language) : ticket.categoryName;
  const categoryDocument = category ? localDocument(category, language) : ticket.categoryDocument;
  return (
    <div className="kiosk-ticket" data-testid="ticket" data-paper={paper} data-kind={ticket.kind}>
      <p className="kiosk-ticket__label">{t('kiosk.ticketNumber')}</p>
      <p className="kiosk-ticket__number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="kiosk-ticket__service">{serviceName}</p>
      {ticket.kind === 'priority' && categoryName && (
        <p className="kiosk-note kiosk-note--accent" data-testid="ticket-priority">
          {t('kiosk.priorityChosen', { category: categoryName })}
          {categoryDocument && (
            <>
              <br />
              {t('kiosk.showDocument', { document: categoryDocument })}
            </>
          )}
        </p>
      )}
      {ticket.kind === 'booking' && ticket.bookingSlotStart !== undefined && (
        <p className="kiosk-note kiosk-note--accent" data-testid="ticket-booking">
          {t('kiosk.bookingTicket', { time: formatTime(ticket.bookingSlotStart, timeZone) })}
        </p>
      )}
      {issued.lateBooking && <p className="kiosk-note">{t('kiosk.lateBookingTicket')}</p>}
      {issued.remoteArrival && (
        <p className="kiosk-note kiosk-note--accent" data-testid="ticket-remote">
          {t('remote.kiosk.arrived')}
        </p>
      )}
      <ul className="kiosk-ticket__facts">
        <li data-testid="people-ahead">{issued.peopleAhead > 0 ? t('kiosk.peopleAhead', { count: issued.peopleAhead }) : t('kiosk.noOneAhead')}</li>
        <li data-testid="estimated-wait">
          {/* The range the office told (from its own recent errors), as printed on the ticket. */}
          {waitText(issued, t) ?? t('kiosk.estimateUnknown')}
        </li>
      </ul>
      {issued.mayNotBeServedToday && issued.closesAt !== undefined && (
        <p className="kiosk-note kiosk-note--warn" role="alert" data-testid="may-not-be-served">
          {t('kiosk.mayNotBeServed', { time: formatTime(issued.closesAt, timeZone) })}
        </p>
      )}
      <PaperNote paper={paper} number={ticket.number} />
      <p className="kiosk-lead">{t('kiosk.watchBoard')}</p>
      <button type="button" className="kiosk-action" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </div>
  );
}

function PaperNote({ paper, number }: { paper: PaperState; number: string }) {
  const { t } = useLanguage();
  switch (paper) {
    case 'printing':
      return (
        <p className="kiosk-note" role="status" data-testid="paper-note">
          {t('kiosk.printing')}
        </p>
      );
    case 'printed':
      return (
        <p className="kiosk-note kiosk-note--ok" role="status" data-testid="paper-note">
          {t('kiosk.printed')}
        </p>
      );
    case 'not-printed':
      return (
        <p className="kiosk-note kiosk-note--warn" role="alert" data-testid="paper-note">
          {t('kiosk.rememberNumber', { number })}
        </p>
      );
    case 'no-printer':
      return (
        <p className="kiosk-note" role="status" data-testid="paper-note">
          {t('kiosk.noPrinter', { number })}
        </p>
      );
  }
}
