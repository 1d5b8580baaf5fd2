// The MDX components mapping: every embed by name, so essays and issues use <LineChart …/> without
// an import line. Passed to every <Content /> (pages, feeds, email). The names and props are listed
// once more, as data, in src/lib/embeds/registry.ts for `npm run check`; a test keeps the lists equal.
import AreaChart from './AreaChart.astro';
import BarChart from './BarChart.astro';
import Callout from './Callout.astro';
import DataTable from './DataTable.astro';
import Figure from './Figure.astro';
import LineChart from './LineChart.astro';
import Metric from './Metric.astro';
import NewsList from './NewsList.astro';
import ScatterChart from './ScatterChart.astro';
import Sparkline from './Sparkline.astro';
import Story from '../issue/Story.astro';

export const embeds = { AreaChart, BarChart, Callout, DataTable, Figure, LineChart, Metric, NewsList, ScatterChart, Sparkline, Story };
