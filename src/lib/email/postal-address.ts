// The sender's postal address, printed in every issue's footer: the law requires one in commercial
// email (CAN-SPAM in the US; the large mail providers' bulk-sender rules point to it too), and a
// reader expects to see who writes to them. Set SUBSTATION_POSTAL_ADDRESS at build time, one line.

/** SUBSTATION_POSTAL_ADDRESS as one line (line breaks become commas), or undefined when unset. */
export function postalAddress(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const lines = (env.SUBSTATION_POSTAL_ADDRESS ?? '').split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim().replace(/,$/, ''));
  return lines.filter(Boolean).join(', ') || undefined;
}
