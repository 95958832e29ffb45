/** «+7 *** ***-45-67»: enough for a visitor to recognise their number, useless to anyone else. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '***';
  return `+7 *** ***-${digits.slice(-4, -2)}-${digits.slice(-2)}`;
}
