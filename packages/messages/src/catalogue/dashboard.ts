/** Texts of the dashboard screen; keys start with `dashboard.`. */
export const dashboardRu = {
} as const;

export const dashboardEn: Record<keyof typeof dashboardRu, string> = {
};
