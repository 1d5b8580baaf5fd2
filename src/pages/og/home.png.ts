// The site's own card, used by the home page and by every page without a card of its own.
import type { APIRoute } from 'astro';
import { cardResponse, homeCard } from '../../site/cards.ts';

export const GET: APIRoute = () => cardResponse(homeCard());
