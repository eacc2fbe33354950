"use client";

import { useEffect, useState } from "react";

type Theme = "light" | "dark";

/** Switches light and dark; the choice is remembered, the system preference is the default. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    setTheme(document.documentElement.dataset.theme === "dark" ? "dark" : "light");
  }, []);
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="rounded-md border border-neutral-300 px-2 py-1 text-sm dark:border-neutral-700"
      onClick={() => {
        document.documentElement.dataset.theme = next;
        localStorage.setItem("theme", next);
        setTheme(next);
      }}
    >
      {theme === "dark" ? "☀" : "☾"}
    </button>
  );
}

/**
 * Runs before the first paint (inlined in <head>) so the page never flashes the wrong theme:
 * the saved choice, else the system preference.
 */
export const THEME_SCRIPT = `(()=>{try{var t=localStorage.getItem("theme");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}})()`;
