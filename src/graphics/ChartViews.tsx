/** Each chart graphic as a component, for entry points that load one lazily. */
import { borderStopsGraphic, forcesGraphic, weekBreakdownGraphic } from "./chartGraphics.tsx";
import { GraphicView, type GraphicViewOptions } from "./GraphicView.tsx";

type Props = { options?: GraphicViewOptions };

export const BorderStopsView = ({ options }: Props) => <GraphicView def={borderStopsGraphic} options={options ?? {}} />;
export const ForcesView = ({ options }: Props) => <GraphicView def={forcesGraphic} options={options ?? {}} />;
export const WeekBreakdownView = ({ options }: Props) => <GraphicView def={weekBreakdownGraphic} options={options ?? {}} />;
