// Types for the two d3 modules used to format values; both come with @observablehq/plot (via d3)
// and have no bundled declarations.
declare module 'd3-format' {
  export function format(specifier: string): (value: number) => string;
}
declare module 'd3-time-format' {
  export function utcFormat(specifier: string): (date: Date) => string;
}
