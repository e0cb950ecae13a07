/**
 * Map filters and camera presets. Period: a radio group (All, then each period in the
 * data). Mode: checkboxes for the modes in the data; the last one ticked cannot be
 * unticked (an empty map answers no question). Views: toggle buttons for the presets.
 * All of them write to the store, so the map, the list and the URL follow.
 */
import { useId } from "react";
import type { ExitRoutesDataset } from "../schema/datasets.ts";
import { useAppStore } from "../state/store.ts";
import { MODE_LABELS } from "./flowModel.ts";
import { cameraById } from "./mapCamera.ts";
import { useFlowModel, useMapFilters } from "./useFlowModel.ts";
import "./map.css";

export interface MapControlsProps {
  data: ExitRoutesDataset;
}

export function MapControls({ data }: MapControlsProps) {
  const model = useFlowModel(data);
  const filters = useMapFilters(model);
  const cameraId = useAppStore((s) => s.camera);
  const setPeriod = useAppStore((s) => s.setPeriod);
  const toggleMode = useAppStore((s) => s.toggleMode);
  const setCamera = useAppStore((s) => s.setCamera);
  const name = useId();
  const camera = cameraById(data.cameras, cameraId);
  const active = filters.modes.length === 0 ? model.modes : filters.modes;

  const period = [{ id: "all", label: "All periods" }, ...data.periods].find((p) => p.id === filters.period);
  // A disclosure folded on a narrow graphic (a phone), always open on a wide one: CSS
  // decides by the graphic's width (map.css), so it works before and without a script.
  return (
    <details className="map-controls">
      <summary className="map-controls__summary">
        <span className="map-controls__summary-title">Filters and views</span>
        <span className="map-controls__summary-state">
          {period?.label ?? "All periods"} · {camera.label}
        </span>
      </summary>
      <fieldset className="map-controls__group">
        <legend>When</legend>
        <div className="map-controls__options">
          {[{ id: "all", label: "All", period: "" }, ...data.periods].map((p) => (
            <label key={p.id} className="map-controls__choice" title={p.period || undefined}>
              <input
                type="radio"
                name={`${name}-period`}
                value={p.id}
                checked={filters.period === p.id}
                onChange={() => setPeriod(p.id)}
              />
              <span>{p.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {model.modes.length > 1 && (
        <fieldset className="map-controls__group">
          <legend>How people travelled</legend>
          <div className="map-controls__options">
            {model.modes.map((m) => {
              const checked = active.includes(m);
              const last = checked && active.length === 1;
              return (
                <label key={m} className="map-controls__choice">
                  <input
                    type="checkbox"
                    checked={checked}
                    aria-describedby={last ? `${name}-last` : undefined}
                    onChange={() => {
                      if (!last) toggleMode(m, model.modes);
                    }}
                  />
                  <span>{MODE_LABELS[m]}</span>
                </label>
              );
            })}
          </div>
          {active.length === 1 && (
            <p id={`${name}-last`} className="map-controls__hint">
              At least one mode stays selected.
            </p>
          )}
        </fieldset>
      )}
      {data.cameras.length > 1 && (
        <div className="map-controls__group map-controls__views" role="group" aria-labelledby={`${name}-views`}>
          <p id={`${name}-views`} className="map-controls__legend">
            View
          </p>
          <div className="map-controls__options">
            {data.cameras.map((c) => (
              <button
                key={c.id}
                type="button"
                className="map-controls__view"
                aria-pressed={camera.id === c.id}
                onClick={() => setCamera(c.id)}
              >
                {c.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </details>
  );
}
