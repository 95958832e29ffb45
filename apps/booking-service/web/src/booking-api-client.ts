import type { BookingApiAnswer, BookingApiResults } from '@talon/protocol';

type Results = BookingApiResults;

async function call<T extends object>(path: string, init?: RequestInit): Promise<BookingApiAnswer<T>> {
  try {
    const response = await fetch(path, init);
    return (await response.json()) as BookingApiAnswer<T>;
  } catch {
    return { ok: false, code: 'internal', message: 'network' };
  }
}

/** The page speaks only the public API, the same one the company's website may use. */
export const bookingApi = {
  offices: () => call<Results['GET /api/offices']>('/api/offices'),
  slots: (officeId: string, serviceId: string, date: string) =>
    call<Results['GET /api/offices/:officeId/slots']>(
      `/api/offices/${encodeURIComponent(officeId)}/slots?serviceId=${encodeURIComponent(serviceId)}&date=${date}`,
    ),
  book: (body: { officeId: string; serviceId: string; slotStart: number; name: string; phone: string; personalDataConsent: boolean }) =>
    call<Results['POST /api/bookings']>('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  /** The code and the last 4 digits of the booking's phone: the code alone opens nothing. */
  cancel: (code: string, phone4: string) =>
    call<Results['POST /api/bookings/:code/cancel']>(`/api/bookings/${encodeURIComponent(code)}/cancel?phone4=${encodeURIComponent(phone4)}`, { method: 'POST' }),
  calendarPath: (code: string, phone4: string, language: 'ru' | 'en') =>
    `/api/bookings/${encodeURIComponent(code)}/calendar.ics?phone4=${encodeURIComponent(phone4)}&lang=${language}`,
  qrPath: (code: string, phone4: string) => `/api/bookings/${encodeURIComponent(code)}/qr.svg?phone4=${encodeURIComponent(phone4)}`,
};
