import { addressIn, inLanguage, nameIn, t, type Language, type MessageKey } from '@talon/messages';
import type { PublicBookingView, PublicCompanyView, PublicOfficeView, PublicSlotView } from '@talon/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { bookingApi } from './booking-api-client.js';
import { BookingLanguage, dateLocale, languageFromAddress, showLanguage, useBookingLanguage, useSay, type Say } from './booking-language.js';
import { RemoteJoin } from './RemoteJoin.js';

function errorText(say: Say, code: string): string {
  const key = `booking.error.${code}`;
  return key in KNOWN_ERRORS ? say(key as MessageKey) : say('booking.error.other');
}
const KNOWN_ERRORS = Object.fromEntries(
  ['slot-full', 'slot-unavailable', 'consent-required', 'too-many-bookings', 'invalid-payload', 'booking-not-found', 'booking-not-cancellable', 'unavailable', 'rate-limited'].map((c) => [`booking.error.${c}`, true]),
);

const timeIn = (timeZone: string, instant: number) => new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
const dayLabel = (day: string, language: Language) =>
  new Intl.DateTimeFormat(dateLocale(language), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(Date.parse(`${day}T12:00:00Z`));
const longDay = (timeZone: string, instant: number, language: Language) =>
  new Intl.DateTimeFormat(dateLocale(language), { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);

/** The page in the visitor's language (Russian, or English by `?lang=en` or the switch), every text from the catalogue. */
export function BookingPage() {
  const [language, setLanguage] = useState<Language>(() => languageFromAddress(window.location.search));
  useEffect(() => showLanguage(language), [language]);
  const other: Language = language === 'ru' ? 'en' : 'ru';
  return (
    <BookingLanguage.Provider value={language}>
      <header className="language-bar">
        <button type="button" className="language" lang={other} onClick={() => setLanguage(other)} aria-label={t(language, 'language.switchLabel')}>
          {t(language, 'language.switch')}
        </button>
      </header>
      <BookingFlow />
    </BookingLanguage.Provider>
  );
}

/** The public page: office, service, day, time, details with a separate consent, then the code and its QR. */
function BookingFlow() {
  const say = useSay();
  const language = useBookingLanguage();
  const [offices, setOffices] = useState<PublicOfficeView[] | null>(null);
  const [company, setCompany] = useState<PublicCompanyView | null>(null);
  const [retentionDays, setRetentionDays] = useState(30);
  const [loadFailed, setLoadFailed] = useState(false);
  const [officeId, setOfficeId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [day, setDay] = useState('');
  const [slots, setSlots] = useState<PublicSlotView[] | null>(null);
  const [slotStart, setSlotStart] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [booking, setBooking] = useState<PublicBookingView | null>(null);
  /** Bumped to fetch the slots again: after a booking, the place just taken must show as taken. */
  const [slotsAsked, setSlotsAsked] = useState(0);

  useEffect(() => {
    void bookingApi.offices().then((answer) => {
      if (!answer.ok) return setLoadFailed(true);
      setOffices(answer.offices);
      setRetentionDays(answer.retentionDays);
      setCompany(answer.company ?? null);
      if (answer.offices.length === 1) setOfficeId(answer.offices[0]!.id);
    });
  }, []);

  const office = offices?.find((o) => o.id === officeId);

  useEffect(() => {
    setSlots(null);
    setSlotStart(null);
    if (!officeId || !serviceId || !day) return;
    let current = true;
    void bookingApi.slots(officeId, serviceId, day).then((answer) => {
      if (current) setSlots(answer.ok ? answer.slots : []);
    });
    return () => {
      current = false;
    };
  }, [officeId, serviceId, day, slotsAsked]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!office || slotStart === null) return;
    setBusy(true);
    setError('');
    const answer = await bookingApi.book({ officeId, serviceId, slotStart, name, phone, personalDataConsent: consent });
    setBusy(false);
    if (answer.ok) return setBooking(answer.booking);
    setError(errorText(say, answer.code));
    if (answer.code === 'slot-full' || answer.code === 'slot-unavailable') {
      const fresh = await bookingApi.slots(officeId, serviceId, day);
      setSlots(fresh.ok ? fresh.slots : []);
      setSlotStart(null);
    }
  }

  if (booking) return <BookingDone booking={booking} phone4={phone.replace(/\D/g, '').slice(-4)} earlyMinutes={office?.checkInEarlyMinutes ?? 15} onCancelled={() => setSlotsAsked((n) => n + 1)} onAgain={() => { setBooking(null); setConsent(false); setSlotsAsked((n) => n + 1); }} />;

  return (
    <main className="booking">
      <h1>{say('booking.title')}</h1>
      <p className="lead">{say('booking.subtitle')}</p>
      {loadFailed && <p className="error" role="alert">{say('booking.loadFailed')}</p>}
      {!offices && !loadFailed && <p>{say('booking.loading')}</p>}
      {offices && (
        <form onSubmit={submit}>
          <label className="field">
            <span>{say('booking.office')}</span>
            <select name="office" value={officeId} onChange={(e) => { setOfficeId(e.target.value); setServiceId(''); setDay(''); }}>
              <option value="" disabled>—</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>{o.address ? `${nameIn(o, language)}, ${addressIn(o, language)}` : nameIn(o, language)}</option>
              ))}
            </select>
          </label>
          {office && (
            <label className="field">
              <span>{say('booking.service')}</span>
              <select name="service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
                <option value="" disabled>—</option>
                {office.services.map((s) => (
                  <option key={s.id} value={s.id}>{nameIn(s, language)}</option>
                ))}
              </select>
            </label>
          )}
          {office && serviceId && (
            <fieldset>
              <legend>{say('booking.day')}</legend>
              <div className="chips">
                {office.days.map((d) => (
                  <button type="button" key={d} className={d === day ? 'chip chosen' : 'chip'} aria-pressed={d === day} data-day={d} onClick={() => setDay(d)}>
                    {dayLabel(d, language)}
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {office && slots && (
            <fieldset>
              <legend>{say('booking.time')}</legend>
              {slots.length === 0 ? (
                <p>{say('booking.noSlots')}</p>
              ) : (
                <div className="chips">
                  {slots.map((s) => (
                    <button
                      type="button"
                      key={s.start}
                      className={s.start === slotStart ? 'chip chosen' : 'chip'}
                      aria-pressed={s.start === slotStart}
                      disabled={s.free === 0}
                      data-slot={s.start}
                      onClick={() => setSlotStart(s.start)}
                    >
                      {timeIn(office.timeZone, s.start)}
                      {s.capacity > 1 && <small>{say('booking.freePlaces', { count: s.free })}</small>}
                    </button>
                  ))}
                </div>
              )}
            </fieldset>
          )}
          {office && slotStart !== null && (
            <fieldset>
              <legend>{say('booking.yourDetails')}</legend>
              <label className="field">
                <span>{say('booking.name')}</span>
                <input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
              </label>
              <label className="field">
                <span>{say('booking.phone')}</span>
                <input name="phone" type="tel" autoComplete="tel" inputMode="tel" required placeholder={say('booking.phoneHint')} value={phone} onChange={(e) => setPhone(e.target.value)} />
              </label>
              <label className="consent">
                <input name="consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
                <span>
                  {company
                    ? say('booking.consentHolder', { holder: nameIn(company, language), days: retentionDays })
                    : say('booking.consent', { days: retentionDays })}
                </span>
              </label>
              {company?.privacyPolicyUrl && (
                <p className="policy">
                  <a href={company.privacyPolicyUrl} target="_blank" rel="noopener noreferrer" data-testid="privacy-policy">
                    {say('booking.privacyPolicy')}
                  </a>
                </p>
              )}
              {error && <p className="error" role="alert">{error}</p>}
              <button className="primary" type="submit" disabled={busy || !consent || !name.trim() || !phone.trim()}>
                {busy ? say('booking.submitting') : say('booking.submit')}
              </button>
            </fieldset>
          )}
        </form>
      )}
      <CancelByCode />
      <RemoteJoin language={language} />
    </main>
  );
}

/**
 * `phone4`: the last digits of the phone just typed; the QR, the calendar file and the cancel
 * button, like any look-up by code, send them as the booking's second factor.
 */
function BookingDone({
  booking,
  phone4,
  earlyMinutes,
  onAgain,
  onCancelled,
}: {
  booking: PublicBookingView;
  phone4: string;
  earlyMinutes: number;
  onAgain: () => void;
  onCancelled: () => void;
}) {
  const say = useSay();
  const language = useBookingLanguage();
  const [cancelStep, setCancelStep] = useState<'none' | 'asking' | 'busy' | 'done'>('none');
  const [cancelError, setCancelError] = useState('');
  const address = addressIn({ address: booking.officeAddress, addressEn: booking.officeAddressEn }, language);
  const when = say('booking.when', { date: longDay(booking.timeZone, booking.slotStart, language), time: timeIn(booking.timeZone, booking.slotStart) });
  const cancelled = cancelStep === 'done';

  async function cancel() {
    setCancelStep('busy');
    setCancelError('');
    const answer = await bookingApi.cancel(booking.code, phone4);
    if (!answer.ok) {
      setCancelStep('asking');
      return setCancelError(errorText(say, answer.code));
    }
    setCancelStep('done');
    onCancelled();
  }

  return (
    <main className="booking done">
      <h1>{say(cancelled ? 'booking.cancelledTitle' : 'booking.done')}</h1>
      <p className="place">
        {inLanguage(booking.officeName, booking.officeNameEn, language)}
        <br />
        {inLanguage(booking.serviceName, booking.serviceNameEn, language)}
        <br />
        <strong>{when}</strong>
      </p>
      {address && (
        <p className="address" data-testid="booking-address">
          <span className="code-label">{say('booking.address')}: </span>
          {address}
        </p>
      )}
      {cancelled ? (
        <p className="notice" role="status" data-testid="booking-cancelled">{say('booking.cancelledThis')}</p>
      ) : (
        <>
          <p className="code-label">{say('booking.code')}</p>
          <p className="code" data-testid="booking-code" aria-label={booking.code}>
            {booking.code.match(/.{1,4}/g)!.map((group, i) => (
              <span key={i}>{group}</span>
            ))}
          </p>
          <img className="qr" src={bookingApi.qrPath(booking.code, phone4)} alt={`QR: ${booking.code}`} width={200} height={200} />
          <p>{say('booking.codeHint', { early: earlyMinutes })}</p>
          <p>
            <a className="calendar" href={bookingApi.calendarPath(booking.code, phone4, language)} download={`booking-${booking.code}.ics`} data-testid="booking-calendar">
              {say('booking.addToCalendar')}
            </a>
          </p>
          {cancelStep === 'none' ? (
            <button type="button" className="secondary" onClick={() => setCancelStep('asking')}>{say('booking.cancelThis')}</button>
          ) : (
            <div className="confirm" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">{say('booking.cancelConfirm', { when })}</p>
              {cancelError && <p className="error" role="alert">{cancelError}</p>}
              <button type="button" className="danger" disabled={cancelStep === 'busy'} onClick={() => void cancel()}>{say('booking.cancelYes')}</button>
              <button type="button" className="secondary" disabled={cancelStep === 'busy'} onClick={() => setCancelStep('none')}>{say('booking.cancelNo')}</button>
            </div>
          )}
        </>
      )}
      <button type="button" className="secondary" onClick={onAgain}>{say('booking.another')}</button>
    </main>
  );
}

function CancelByCode() {
  const say = useSay();
  const [code, setCode] = useState('');
  const [phone4, setPhone4] = useState('');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  async function cancel(event: FormEvent) {
    event.preventDefault();
    const answer = await bookingApi.cancel(code.replace(/[\s-]/g, ''), phone4.trim());
    setFailed(!answer.ok);
    setMessage(answer.ok ? say('booking.cancelled', { code: answer.booking.code }) : errorText(say, answer.code));
  }
  return (
    <form className="cancel" onSubmit={cancel}>
      <h2>{say('booking.cancelTitle')}</h2>
      {/* The phone's last digits are the proof: a booking taken at the counter without one cannot be opened here. */}
      <p className="lead" id="cancel-which">{say('booking.cancelWhich')}</p>
      <label className="field">
        <span>{say('booking.cancelCode')}</span>
        {/* 12 digits; codes handed out before (6 at the office, 8 on-line) still work. Spaces are fine. */}
        <input name="cancel-code" inputMode="numeric" pattern="[0-9 \-]{6,16}" required aria-describedby="cancel-which" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <label className="field">
        <span>{say('booking.cancelPhone4')}</span>
        <input name="cancel-phone4" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} autoComplete="off" required value={phone4} onChange={(e) => setPhone4(e.target.value)} />
      </label>
      {message && <p className={failed ? 'error' : 'notice'} role="status">{message}</p>}
      <button type="submit" className="secondary">{say('booking.cancel')}</button>
    </form>
  );
}
