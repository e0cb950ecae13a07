/**
 * The current step, shared by the audience and presenter windows: read from
 * ?step=<id> on load (an unknown id lands on the first step), written back with
 * history.replaceState (so a reload or a shared link lands on the same step without
 * filling the history), and kept in step with the other window over BroadcastChannel.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useAppStore } from "../state/store.ts";
import { openStepChannel, type StepChannel } from "./presentationSync.ts";
import { applyNavAction, presentationSearch, stepIndexFromId, type NavAction } from "./stepModel.ts";

export interface StepNavigation {
  index: number;
  /** The step has been read from the URL: the app has taken over the prerendered deck. */
  live: boolean;
  /** Go to a step by index (clamped) and tell the other window. */
  goTo: (index: number) => void;
  /** Next, previous, first, last. */
  act: (action: NavAction) => void;
}

const noChanges = () => () => {};
const stepInUrl = () => new URLSearchParams(window.location.search).get("step");

export function useStepNavigation(steps: readonly { id: string }[], options: { presenter: boolean }): StepNavigation {
  // The step ?step= asks for; undefined while the prerendered deck, which has no step of
  // its own, is hydrated (React renders with the server's snapshot first).
  const asked = useSyncExternalStore(noChanges, stepInUrl, () => undefined);
  const [chosen, setStepId] = useState<string | null>(null);
  const stepId = asked === undefined ? undefined : (chosen ?? asked);
  const index = stepIndexFromId(steps, stepId ?? null);
  const theme = useAppStore((s) => s.theme);
  const channel = useRef<StepChannel | null>(null);
  const current = stepId === undefined ? undefined : steps[index]?.id;
  const currentRef = useRef(current);
  useEffect(() => {
    currentRef.current = current;
  });

  useEffect(() => {
    const c = openStepChannel(
      (id) => {
        if (steps.some((s) => s.id === id)) setStepId(id);
      },
      // The audience tells a presenter window that has just opened where it is.
      () => {
        if (!options.presenter && currentRef.current) c.post(currentRef.current);
      },
    );
    channel.current = c;
    if (options.presenter) c.hello();
    return () => {
      c.close();
      if (channel.current === c) channel.current = null;
    };
  }, [steps, options.presenter]);

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
  return { index, goTo, act, live: stepId !== undefined };
}
