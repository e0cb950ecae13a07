/**
 * One graphic, whole: its dataset loaded in its own panel, inside the shared frame,
 * with the chart/table switch bound to the store. The explorer, the embeds and the
 * presentation all render graphics through this one component.
 */
import type { ReactNode } from "react";
import type { DatasetName, DatasetOf, GraphicMeta } from "../schema/datasets.ts";
import type { GraphicId } from "../schema/ledger.ts";
import { useAppStore } from "../state/store.ts";
import { GraphicFrame } from "../ui/GraphicFrame.tsx";
import { GraphicPanel } from "../ui/GraphicPanel.tsx";

export interface GraphicDefinition<N extends DatasetName> {
  id: GraphicId;
  dataset: N;
  /** How the graphic is named in messages: "the border-stop chart". */
  name: string;
  /** Reserved height while loading, to avoid layout shift. */
  minHeight: number;
  describe: (data: DatasetOf<N>) => string;
  chart: (props: {
    data: DatasetOf<N>;
    width: number;
    onOpenFigure: (id: string) => void;
    highlight: readonly string[];
  }) => ReactNode;
  table: (props: { data: DatasetOf<N>; onOpenFigure: (id: string) => void }) => ReactNode;
}

export interface GraphicViewOptions {
  /** Heading level: 1 in an embed. */
  level?: 1 | 2;
  /** Figure or category ids to emphasise (presentation steps). */
  highlight?: readonly string[];
  /** Extra toolbar actions. */
  actions?: (meta: GraphicMeta) => ReactNode;
}

export function GraphicView<N extends DatasetName>({
  def,
  options = {},
}: {
  def: GraphicDefinition<N>;
  options?: GraphicViewOptions;
}) {
  return (
    <GraphicPanel dataset={def.dataset} name={def.name} minHeight={def.minHeight}>
      {(data, width) => <GraphicBody def={def} data={data} width={width} options={options} />}
    </GraphicPanel>
  );
}

function GraphicBody<N extends DatasetName>({
  def,
  data,
  width,
  options,
}: {
  def: GraphicDefinition<N>;
  data: DatasetOf<N>;
  width: number;
  options: GraphicViewOptions;
}) {
  const asTable = useAppStore((s) => s.tables.includes(def.id));
  const setTable = useAppStore((s) => s.setTable);
  const openFigure = useAppStore((s) => s.openFigure);
  const meta = (data as { meta: GraphicMeta }).meta;
  const Chart = def.chart;
  const Table = def.table;
  return (
    <GraphicFrame
      dataset={def.dataset}
      meta={meta}
      description={def.describe(data)}
      asTable={asTable}
      onToggleTable={(t) => setTable(def.id, t)}
      table={<Table data={data} onOpenFigure={openFigure} />}
      level={options.level ?? 2}
      actions={options.actions?.(meta)}
    >
      <Chart data={data} width={width} onOpenFigure={openFigure} highlight={options.highlight ?? []} />
    </GraphicFrame>
  );
}
