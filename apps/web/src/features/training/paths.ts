/** The feature's addresses (relative to the app's root in the routes, absolute here). */
export const TRAINING_PATHS = {
  overview: '/training',
  sessions: '/training/sessions',
  session: (id: string) => `/training/sessions/${encodeURIComponent(id)}`,
  residents: '/training/residents',
  teams: '/training/teams',
} as const;
