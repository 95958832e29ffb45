import { nameIn } from '@talon/messages';
import { DayInput } from '../shared/DayInput.js';
import { maskPhone, phoneField, type BookingSlotView, type OfficeBookingView, type OfficeConfig } from '@talon/protocol';
import { useEffect, useId, useState } from 'react';
import { useLanguage } from '../shared/language.js';
import { formatDate, formatTime, officeDate } from '../shared/office-time.js';
import { refusalText } from '../shared/refusal-text.js';
import type { AdminCommand } from './admin-command.js';

interface TakenBooking {
  bookingId: string;
  code: string;
  slotStart: number;
  serviceName: string;
}

/** A local date "YYYY-MM-DD" in words; noon UTC of that date is that date in every zone that matters. */
function formatLocalDate(date: string, language: 'ru' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return date;
  return formatDate(Date.UTC(y, m - 1, d, 12), 'UTC', language);
}

/** A booking taken by phone or at the reception: service, day, a free slot, and the code to tell the visitor. */
export function BookingsSection({ send, config }: { send: AdminCommand; config: OfficeConfig }) {
  const { t, language } = useLanguage();
  const ids = useId();
  const bookable = config.services.filter((s) => s.bookable);
  const timeZone = config.office.timeZone;
  const [serviceId, setServiceId] = useState(bookable[0]?.id ?? '');
  const [date, setDate] = useState(() => officeDate(Date.now(), timeZone));
  const [customerName, setCustomerName] = useState('');
  const [customerPhone, setCustomerPhone] = useState('');
  const [phoneConsent, setPhoneConsent] = useState(false);
  const [slots, setSlots] = useState<BookingSlotView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [latest, setLatest] = useState<TakenBooking | null>(null);
  const [dayBookings, setDayBookings] = useState<OfficeBookingView[] | null>(null);
  const [search, setSearch] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!serviceId || !date) return;
    let current = true;
    setSlots(null);
    void send<{ slots: BookingSlotView[] }>('booking:slots', { serviceId, date }).then((ack) => {
      if (!current) return;
      if (ack.ok) {
        setSlots(ack.slots);
        setProblem(null);
      } else {
        setSlots([]);
        setProblem(refusalText(t, ack, true));
      }
    });
    return () => {
      current = false;
    };
  }, [send, serviceId, date, reload]);

  // The reception looks a caller up by code or name among all of the day's bookings, on-line ones too.
  useEffect(() => {
    if (!date) return;
    let current = true;
    void send<{ bookings: OfficeBookingView[] }>('booking:list', { date }).then((ack) => {
      if (!current) return;
      if (ack.ok) setDayBookings(ack.bookings);
      else setProblem(refusalText(t, ack, true));
    });
    return () => {
      current = false;
    };
  }, [send, date, reload]);

  // A slot pressed is only chosen: the booking is made after «Записать» in the confirmation,
  // so a slip of the mouse on a busy reception desk books nobody.
  const [chosen, setChosen] = useState<BookingSlotView | null>(null);
  // The phone is checked by the same rule the server and the booking page use, before the confirmation.
  const phone = customerPhone.trim() ? phoneField.safeParse(customerPhone) : null;

  function choose(slot: BookingSlotView) {
    if (phone && !phone.success) return setProblem(t('admin.booking.phoneInvalid'));
    if (phone && !phoneConsent) return setProblem(t('admin.booking.phoneConsentNeeded'));
    setProblem(null);
    setChosen(slot);
  }

  async function book(slot: BookingSlotView) {
    setChosen(null);
    const name = customerName.trim();
    const ack = await send<{ bookingId: string; code: string; slotStart: number }>('booking:create', {
      serviceId,
      slotStart: slot.start,
      ...(name && { customerName: name }),
      ...(phone?.success && phoneConsent && { customerPhone: phone.data, phoneConsent: true }),
    });
    if (!ack.ok) {
      setProblem(refusalText(t, ack, true));
      return;
    }
    setProblem(null);
    setCustomerName('');
    setCustomerPhone('');
    setPhoneConsent(false);
    setLatest({ bookingId: ack.bookingId, code: ack.code, slotStart: ack.slotStart, serviceName: serviceNameOf(serviceId) });
    setReload((n) => n + 1);
  }

  async function cancel(bookingId: string) {
    const ack = await send('booking:cancel', { bookingId });
    if (!ack.ok) {
      setProblem(refusalText(t, ack, true));
      return;
    }
    if (latest?.bookingId === bookingId) setLatest(null);
    setReload((n) => n + 1);
  }

  function serviceNameOf(id: string): string {
    const service = config.services.find((s) => s.id === id);
    return service ? nameIn(service, language) : id;
  }

  function statusOf(booking: OfficeBookingView): string {
    const ticket = booking.ticketNumber ?? '—';
    switch (booking.status) {
      case 'booked':
        return t('admin.booking.status.booked');
      case 'arrived':
        return t('admin.booking.status.arrived', { ticket });
      case 'late':
        return t('admin.booking.status.late', { ticket });
      case 'cancelled':
        return t('admin.booking.cancelled');
      case 'expired':
        return t('admin.booking.status.expired');
    }
  }

  // On-line codes have letters (a caller may read them in lower case); names are matched in any case.
  const wanted = search.trim().toLocaleLowerCase('ru');
  const shown = (dayBookings ?? []).filter(
    (b) => !wanted || `${b.code} ${b.customerName ?? ''}`.toLocaleLowerCase('ru').includes(wanted),
  );
  return (
    <section aria-labelledby="ad-bookings-title" className="ad-section">
      <h2 id="ad-bookings-title">{t('admin.tab.bookings')}</h2>
      <p className="ad-note">{t('admin.bookingsHint')}</p>
      <div className="ad-inline">
        <div className="ad-field">
          <label htmlFor={`${ids}-service`}>{t('admin.booking.service')}</label>
          <select id={`${ids}-service`} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            {bookable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} · {nameIn(s, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="ad-field">
          <label htmlFor={`${ids}-date`}>{t('admin.booking.date')}</label>
          <DayInput id={`${ids}-date`} value={date} onChange={setDate} placeholder={t('date.placeholder')} invalidText={t('date.invalid')} />
        </div>
        <div className="ad-field">
          <label htmlFor={`${ids}-name`}>{t('admin.booking.customer')}</label>
          <input id={`${ids}-name`} value={customerName} maxLength={200} onChange={(e) => setCustomerName(e.target.value)} />
        </div>
        <div className="ad-field">
          <label htmlFor={`${ids}-phone`}>{t('admin.booking.phone')}</label>
          <input
            id={`${ids}-phone`}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={32}
            value={customerPhone}
            aria-invalid={phone ? !phone.success : undefined}
            onChange={(e) => setCustomerPhone(e.target.value)}
          />
        </div>
      </div>
      {customerPhone.trim() && (
        <label className="ad-check">
          <input type="checkbox" checked={phoneConsent} onChange={(e) => setPhoneConsent(e.target.checked)} />
          <span>{t('admin.booking.phoneConsent', { days: config.personalData.retentionDays })}</span>
        </label>
      )}
      {problem && (
        <p role="alert" className="ad-field-problem">
          {problem}
        </p>
      )}
      {latest && (
        <div className="ad-code" role="status" data-testid="booking-code-panel">
          <span>{t('admin.booking.codeFor', { date: formatDate(latest.slotStart, timeZone, language), time: formatTime(latest.slotStart, timeZone), service: latest.serviceName })}</span>
          <strong data-testid="booking-code">{latest.code}</strong>
          <span className="ad-note">{t('admin.booking.codeHint', { minutes: config.rules.bookingCheckInEarlyMinutes })}</span>
        </div>
      )}
      {chosen && (
        <div className="ad-code" role="group" aria-label={t('admin.booking.confirmTitle')} data-testid="booking-confirm">
          <span>
            {t('admin.booking.confirm', {
              date: formatDate(chosen.start, timeZone, language),
              time: formatTime(chosen.start, timeZone),
              service: serviceNameOf(serviceId),
              name: customerName.trim() || t('admin.booking.noName'),
            })}
          </span>
          {phone?.success && <span data-testid="booking-confirm-phone">{t('admin.booking.confirmPhone', { phone: maskPhone(phone.data) })}</span>}
          <div className="ad-inline">
            <button type="button" className="ad-small" onClick={() => void book(chosen)}>
              {t('admin.booking.confirmYes')}
            </button>
            <button type="button" className="ad-small" onClick={() => setChosen(null)}>
              {t('admin.booking.confirmNo')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('admin.booking.slots')}</h3>
      {slots === null ? (
        <p className="ad-note">{t('admin.loading')}</p>
      ) : slots.length === 0 ? (
        <p className="ad-note">{t('admin.booking.noSlots')}</p>
      ) : (
        <ul className="ad-slots">
          {slots.map((slot) => {
            const free = slot.capacity - slot.booked;
            const time = formatTime(slot.start, timeZone);
            return (
              <li key={slot.start}>
                <button type="button" className="ad-slot" disabled={free <= 0} onClick={() => choose(slot)}>
                  {/* Read as «Записать на 10:00, мест: 1»; the eye sees the time alone. */}
                  <span className="visually-hidden">{t('admin.booking.bookAt')} </span>
                  <span>{time}</span>
                  <span className="ad-note">
                    <span className="visually-hidden">, </span>
                    {t('admin.booking.free', { free })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ad-inline ad-day-head">
        <h3 id={`${ids}-day`}>{t('admin.booking.dayList', { date: formatLocalDate(date, language) })}</h3>
        <div className="ad-field">
          <label htmlFor={`${ids}-search`}>{t('admin.booking.search')}</label>
          <input id={`${ids}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="button" className="ad-small" onClick={() => setReload((n) => n + 1)}>
          {t('admin.booking.refresh')}
        </button>
      </div>
      {dayBookings === null ? (
        <p className="ad-note">{t('admin.loading')}</p>
      ) : dayBookings.length === 0 ? (
        <p className="ad-note">{t('admin.booking.noneOnDay')}</p>
      ) : shown.length === 0 ? (
        <p className="ad-note">{t('admin.booking.nothingFound')}</p>
      ) : (
        <table className="ad-table" aria-labelledby={`${ids}-day`} data-testid="day-bookings">
          <thead>
            <tr>
              <th scope="col">{t('admin.booking.when')}</th>
              <th scope="col">{t('admin.booking.code')}</th>
              <th scope="col">{t('admin.booking.service')}</th>
              <th scope="col">{t('admin.booking.visitor')}</th>
              <th scope="col">{t('admin.booking.source')}</th>
              <th scope="col">{t('admin.booking.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={b.bookingId}>
                <td>{formatTime(b.slotStart, timeZone)}</td>
                <td className="ad-mono">{b.code}</td>
                <td>{serviceNameOf(b.serviceId)}</td>
                <td>
                  {b.customerName ?? '—'}
                  {b.phoneMasked && <span className="ad-note ad-phone"> · {b.phoneMasked}</span>}
                </td>
                <td>{t(b.source === 'central' ? 'admin.booking.source.central' : 'admin.booking.source.office')}</td>
                <td>{statusOf(b)}</td>
                <td>
                  {b.status === 'booked' && (
                    <button type="button" className="ad-small ad-danger" onClick={() => void cancel(b.bookingId)} aria-label={t('admin.booking.cancelCode', { code: b.code })}>
                      {t('admin.booking.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
