/** Where a story lives in the UI and the API; every response naming a story carries these. */
export const storyLinks = (id: string) => ({
  page: `/stories/${encodeURIComponent(id)}`,
  api: `/api/stories/${encodeURIComponent(id)}`,
});
