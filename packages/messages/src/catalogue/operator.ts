/** Texts of the operator screen; keys start with `operator.`. */
export const operatorRu = {
} as const;

export const operatorEn: Record<keyof typeof operatorRu, string> = {
};
