/** The most jobs one page of GET /api/jobs holds. */
export const LIST_LIMIT_MAX = 100
