import { useAppStore } from "../state/store.ts";
import type { ThemeChoice } from "../state/urlState.ts";

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: "system", label: "Auto" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Light / dark / follow the system. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <div className="segmented" role="group" aria-label="Colour theme">
      {CHOICES.map((c) => (
        <button key={c.value} type="button" aria-pressed={theme === c.value} onClick={() => setTheme(c.value)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
