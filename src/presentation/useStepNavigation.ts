/**
 * The current step, shared by the audience and presenter windows: read from
 * ?step=<id> on load (an unknown id lands on the first step), written back with
 * history.replaceState (so a reload or a shared link lands on the same step without
 * filling the history), and kept in step with the other window over BroadcastChannel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useAppStore } from "../state/store.ts";
import { openStepChannel, type StepChannel } from "./presentationSync.ts";
import { applyNavAction, presentationSearch, stepIndexFromId, type NavAction } from "./stepModel.ts";

export interface StepNavigation {
  index: number;
  /** Go to a step by index (clamped) and tell the other window. */
  goTo: (index: number) => void;
  /** Next, previous, first, last. */
  act: (action: NavAction) => void;
}

export function useStepNavigation(steps: readonly { id: string }[], options: { presenter: boolean }): StepNavigation {
  const [stepId, setStepId] = useState<string | null>(() => new URLSearchParams(window.location.search).get("step"));
  const index = stepIndexFromId(steps, stepId);
  const theme = useAppStore((s) => s.theme);
  const channel = useRef<StepChannel | null>(null);

  useEffect(() => {
    const c = openStepChannel((id) => {
      if (steps.some((s) => s.id === id)) setStepId(id);
    });
    channel.current = c;
    return () => {
      c.close();
      if (channel.current === c) channel.current = null;
    };
  }, [steps]);

  const current = steps[index]?.id;
  useEffect(() => {
    if (!current) return;
    const search = presentationSearch({ step: current, presenter: options.presenter, theme });
    if (search !== window.location.search)
      history.replaceState(history.state, "", `${window.location.pathname}${search}${window.location.hash}`);
  }, [current, options.presenter, theme]);

  const goTo = useCallback(
    (i: number) => {
      const step = steps[Math.min(Math.max(0, i), steps.length - 1)];
      if (!step) return;
      setStepId(step.id);
      channel.current?.post(step.id);
    },
    [steps],
  );
  const act = useCallback(
    (action: NavAction) => goTo(applyNavAction(index, action, steps.length)),
    [goTo, index, steps.length],
  );
  return { index, goTo, act };
}
