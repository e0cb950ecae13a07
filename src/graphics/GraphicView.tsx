/**
 * One graphic, whole: its dataset loaded in its own panel, inside the shared frame,
 * with the chart/table switch bound to the store. The explorer, the embeds, the
 * presentation and the prerenderer all render graphics through this one component.
 */
import type { ReactNode } from "react";
import type { DatasetOf, GraphicMeta } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { Artboards } from "../ui/Artboards.tsx";
import { GraphicFrame } from "../ui/GraphicFrame.tsx";
import { GraphicPanel } from "../ui/GraphicPanel.tsx";
import type { GraphicNotes } from "../ui/Notes.tsx";
import type { GraphicId } from "./registry.ts";

export interface ChartProps<G extends GraphicId> {
  data: DatasetOf<G>;
  /** The width the chart is laid out at: one of the artboards (src/ui/Artboards.tsx). */
  width: number;
  onOpenFigure: (id: string) => void;
  highlight: readonly string[];
}

/** What a graphic is: the module in src/graphics/ named in the registry exports one of these. */
export interface GraphicDefinition<G extends GraphicId = GraphicId> {
  id: G;
  /** How the graphic is named in messages: "the border-stop chart". */
  name: string;
  /** Reserved height while loading, to avoid layout shift. */
  minHeight: number;
  describe: (data: DatasetOf<G>) => string;
  /** The chart, laid out at `width`; drawn once per artboard unless `sizesItself`. */
  chart: (props: ChartProps<G>) => ReactNode;
  /** The graphic fills the width it is given by its own means (the map), rather than on artboards. */
  sizesItself?: boolean;
  /** The chart as a slide shows it (the map: map and key, no controls). Default: `chart`. */
  slideChart?: (props: ChartProps<G>) => ReactNode;
  table: (props: { data: DatasetOf<G>; onOpenFigure: (id: string) => void }) => ReactNode;
  /** The notes printed under it, when not all of its dataset's (the map: what it draws). */
  notes?: (data: DatasetOf<G>) => GraphicNotes;
}

export interface GraphicViewOptions<G extends GraphicId = GraphicId> {
  /** Heading level: 1 in an embed. */
  level?: 1 | 2;
  /** Figure or category ids to emphasise (presentation steps). */
  highlight?: readonly string[];
  /** Extra toolbar actions. */
  actions?: (meta: GraphicMeta) => ReactNode;
  /** Draw the graphic's slide variant. */
  slide?: boolean;
  /** The notes to print under it, when not all of its own (a slide: what this step draws). */
  notes?: (data: DatasetOf<G>) => GraphicNotes;
}

const NO_HIGHLIGHT: readonly string[] = [];

export function GraphicView<G extends GraphicId>({
  def,
  options = {},
}: {
  def: GraphicDefinition<G>;
  options?: GraphicViewOptions<G>;
}) {
  return (
    <GraphicPanel dataset={def.id} name={def.name} minHeight={def.minHeight}>
      {(data) => <GraphicBody def={def} data={data} options={options} />}
    </GraphicPanel>
  );
}

function GraphicBody<G extends GraphicId>({
  def,
  data,
  options,
}: {
  def: GraphicDefinition<G>;
  data: DatasetOf<G>;
  options: GraphicViewOptions<G>;
}) {
  const asTable = useAppStore((s) => s.tables.includes(def.id));
  const setTable = useAppStore((s) => s.setTable);
  const openFigure = useAppStore((s) => s.openFigure);
  const meta = (data as { meta: GraphicMeta }).meta;
  const Chart = (options.slide && def.slideChart) || def.chart;
  const Table = def.table;
  const highlight = options.highlight ?? NO_HIGHLIGHT;
  return (
    <GraphicFrame
      dataset={def.id}
      meta={meta}
      notes={options.notes?.(data) ?? def.notes?.(data) ?? meta}
      description={def.describe(data)}
      asTable={asTable}
      onToggleTable={(t) => setTable(def.id, t)}
      table={<Table data={data} onOpenFigure={openFigure} />}
      level={options.level ?? 2}
      actions={options.actions?.(meta)}
    >
      {def.sizesItself ? (
        <Chart data={data} width={0} onOpenFigure={openFigure} highlight={highlight} />
      ) : (
        <Artboards
          render={(width) => <Chart data={data} width={width} onOpenFigure={openFigure} highlight={highlight} />}
        />
      )}
    </GraphicFrame>
  );
}
