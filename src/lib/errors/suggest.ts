// "did you mean `energy`?" for a mistyped id: the closest allowed value within a small edit distance.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The allowed value closest to `input`, if it is close enough to be a likely typo. */
export function suggest(input: string, allowed: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    const score = distance(needle, candidate.toLowerCase());
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** `; did you mean "license"?` when `input` is a likely typo of an allowed value, else `.`, to end a sentence
 *  that a list of the allowed values follows: `unknown type "numbr"; did you mean "number"? Types: ...`. */
export function didYouMean(input: string, allowed: readonly string[]): string {
  const hint = suggest(input, allowed);
  return hint ? `; did you mean "${hint}"?` : '.';
}
