import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field(
  props: {
    id: string;
    label: string;
    error?: string;
    hint?: ReactNode;
    children?: ReactNode;
  } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { id, label, error, hint, children, ...input } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children ?? (
        <input
          id={id}
          name={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm dark:border-neutral-700 dark:bg-neutral-900 aria-[invalid=true]:border-red-600"
          {...input}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
