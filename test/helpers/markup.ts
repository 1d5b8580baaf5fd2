// What no text from a feed may hold once stored: an HTML element's tag, a custom or namespaced
// element's, any end tag, comment, declaration or processing instruction, or a tag with an
// attribute value. A "<" that starts none of these is text the publisher wrote: "a < b", "<3",
// a ticker "<AAPL.O>", an address "<support@github.com>", an IRC nick "<L29Ah>".
import { htmlTagNames } from 'html-tag-names';

const ELEMENT = `(?:${htmlTagNames.join('|')})(?=[\\s/>]|$)`;
export const MARKUP = new RegExp(`<(?:[/!?]|${ELEMENT}|[A-Za-z][^\\s<>]*[:-]|[A-Za-z][^<>]*(?:=[^>]|["'\`]))`, 'i');
