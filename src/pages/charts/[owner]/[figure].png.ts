// The PNG twin of every chart in a published essay or issue, for feeds and email: the chart's own SVG
// in the light theme at 2×, rasterised by resvg and cached by a hash of that SVG. Charts whose props
// are code (known only while the page renders) have no twin; their feed form shows the values table.
// In a build every twin is handed to the card worker pool here, before the first page renders, and
// the pool writes the file: Astro gets a route per twin only without a pool, in `astro dev` (see
// src/site/chart-twins.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedEssays } from '../../../site/essays.ts';
import { issueEntries } from '../../../site/issues.ts';
import { chartTwinPaths, chartTwinResponse, type ChartTwinProps } from '../../../site/chart-twins.ts';

export const getStaticPaths = (async () => chartTwinPaths([...(await publishedEssays()), ...(await issueEntries())])) satisfies GetStaticPaths;

export const GET: APIRoute<ChartTwinProps> = ({ props }) => chartTwinResponse(props);
