/** Texts of the admin screen; keys start with `admin.`. */
export const adminRu = {
} as const;

export const adminEn: Record<keyof typeof adminRu, string> = {
};
