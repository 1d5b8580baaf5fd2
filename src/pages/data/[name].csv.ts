// /data/<name>.csv: each dataset exactly as committed, so readers can check every chart's figures.
import type { APIRoute, GetStaticPaths } from 'astro';
import { listDatasetNames, readDataset, readDatasetCsv } from '../../lib/datasets/dataset-fs.ts';

export const getStaticPaths = (() =>
  listDatasetNames().map((name) => {
    readDataset(name); // a dataset that does not validate fails the build here too
    return { params: { name } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(readDatasetCsv(params.name!), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
