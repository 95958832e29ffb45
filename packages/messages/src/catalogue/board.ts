/** Texts of the board screen; keys start with `board.`. */
export const boardRu = {
} as const;

export const boardEn: Record<keyof typeof boardRu, string> = {
};
