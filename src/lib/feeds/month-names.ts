// Month names of the languages European publishers write feed dates in, as RFC 822's English
// abbreviations, so "18. November 2026", "3 März 2026", "18 de noviembre de 2026", "3 juin 2026" and
// Polish "23 listopada 2026" (the month in the genitive, as Polish writes a date) read as dates.
// V8's parser reads a month by its first three letters when they are English ones ("novembre" as
// Nov), and nothing else: "mai", "juin", "März", "dic" were no date, so the item
// took the time of the run. Only a word between a day and a year is read as a month.

const NAMES: Record<string, string[]> = {
  Jan: ['januar', 'jänner', 'jän', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'styczeń', 'stycznia', 'sty'],
  Feb: ['februar', 'feber', 'février', 'févr', 'fevrier', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'luty', 'lutego', 'lut'],
  Mar: ['märz', 'maerz', 'mrz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrt', 'marzec', 'marca'],
  Apr: ['avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecień', 'kwietnia', 'kwi'],
  May: ['mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja'],
  Jun: ['juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwiec', 'czerwca', 'cze'],
  Jul: ['juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipiec', 'lipca', 'lip'],
  Aug: ['août', 'aout', 'agosto', 'ago', 'augustus', 'sierpień', 'sierpnia', 'sie'],
  Sep: ['septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'set', 'sept', 'wrzesień', 'września', 'wrz'],
  Oct: ['oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'październik', 'października', 'paź'],
  Nov: ['novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'lis'],
  Dec: ['dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'gru'],
};
const ENGLISH = new Map(Object.entries(NAMES).flatMap(([english, names]) => names.map((name) => [name, english] as const)));

// A day ("18", "18."), Spanish and Portuguese "de", the month word (perhaps abbreviated with a
// full stop), "de" again, and a four-digit year.
const DAY_WORD_YEAR = /\b(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]+)\.?,?\s+(?:de\s+)?(\d{4})\b/u;

/** The date with a non-English month name between its day and year written as English's abbreviation. */
export function englishMonths(text: string): string {
  const match = DAY_WORD_YEAR.exec(text);
  const english = match && ENGLISH.get(match[2]!.toLowerCase());
  if (!match || !english) return text;
  return `${text.slice(0, match.index)}${match[1]} ${english} ${match[3]}${text.slice(match.index + match[0].length)}`;
}
