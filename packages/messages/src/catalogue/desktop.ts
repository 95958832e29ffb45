/** Texts of the desktop screen; keys start with `desktop.`. */
export const desktopRu = {
} as const;

export const desktopEn: Record<keyof typeof desktopRu, string> = {
};
