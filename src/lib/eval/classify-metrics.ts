// Quality of the classifier against hand labels: whether an item is kept (has any topic), which
// topics, which companies. Micro-averaged precision and recall; rows marked uncertain are left out of
// the topic and kept figures (a reasonable editor could go either way) but count for companies.

export interface LabelledHeadline {
  title: string;
  topics: string[];
  companies: string[];
  uncertain: boolean;
}

export interface Prediction {
  topics: string[];
  companies: string[];
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ClassifyFigures {
  kept: PrecisionRecall;
  topics: PrecisionRecall;
  companies: PrecisionRecall;
  /** Rows scored for kept and topics (not uncertain). */
  scored: number;
}

function counter(): PrecisionRecall {
  return { precision: 1, recall: 1, tp: 0, fp: 0, fn: 0 };
}

function add(into: PrecisionRecall, expected: readonly string[], got: readonly string[]) {
  for (const x of got) {
    if (expected.includes(x)) into.tp++;
    else into.fp++;
  }
  for (const x of expected) if (!got.includes(x)) into.fn++;
}

function finish(pr: PrecisionRecall): PrecisionRecall {
  return { ...pr, precision: pr.tp + pr.fp ? pr.tp / (pr.tp + pr.fp) : 1, recall: pr.tp + pr.fn ? pr.tp / (pr.tp + pr.fn) : 1 };
}

export function classifyFigures(rows: readonly LabelledHeadline[], predictions: readonly Prediction[]): ClassifyFigures {
  const kept = counter();
  const topics = counter();
  const companies = counter();
  let scored = 0;
  rows.forEach((row, i) => {
    const p = predictions[i]!;
    add(companies, row.companies, p.companies);
    if (row.uncertain) return;
    scored++;
    add(kept, row.topics.length ? ['kept'] : [], p.topics.length ? ['kept'] : []);
    add(topics, row.topics, p.topics);
  });
  return { kept: finish(kept), topics: finish(topics), companies: finish(companies), scored };
}
