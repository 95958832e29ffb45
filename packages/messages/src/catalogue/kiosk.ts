/** Texts of the kiosk screen; keys start with `kiosk.`. */
export const kioskRu = {
} as const;

export const kioskEn: Record<keyof typeof kioskRu, string> = {
};
