// Stable URLs of the social cards, shared by the card endpoints, page metadata and feeds.

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export const CARD_PATHS = {
  home: '/og/home.png',
  essay: (slug: string) => `/og/essays/${slug}.png`,
  topic: (id: string) => `/og/topics/${id}.png`,
  issue: (id: string) => `/og/issues/${id}.png`,
} as const;

export function cardImage(site: string, path: string, alt: string) {
  return { url: new URL(path, site).href, type: 'image/png', width: CARD_WIDTH, height: CARD_HEIGHT, alt };
}
