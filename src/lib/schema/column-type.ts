// The types a dataset column can have, on their own so that cell reading and format checking can
// use them without importing the whole dataset schema (which imports the format check itself).
export const COLUMN_TYPES = ['number', 'integer', 'percent', 'date', 'string'] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];
