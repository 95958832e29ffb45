/** Texts of the booking screen; keys start with `booking.`. */
export const bookingRu = {
} as const;

export const bookingEn: Record<keyof typeof bookingRu, string> = {
};
