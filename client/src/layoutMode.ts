// The smartphone/PC layout switch (guide 2), remembered on the device.
import { useEffect, useState } from 'preact/hooks';

export type LayoutMode = 'phone' | 'pc';
const STORAGE_KEY = 'webBilling.layout';
const listeners = new Set<(m: LayoutMode) => void>();

/** The device's choice, or before any, what the window suggests: a PC-wide window gets the PC layout. */
function initial(): LayoutMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'pc' || stored === 'phone') return stored;
  } catch {
    /* storage blocked: go by the window */
  }
  return window.matchMedia?.('(min-width: 1024px)').matches ? 'pc' : 'phone';
}

let current: LayoutMode = typeof window === 'undefined' ? 'phone' : initial();

export function setLayoutMode(mode: LayoutMode): void {
  current = mode;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    /* not remembered, still switched */
  }
  for (const l of listeners) l(mode);
}

export function useLayoutMode(): LayoutMode {
  const [mode, setMode] = useState(current);
  useEffect(() => {
    listeners.add(setMode);
    setMode(current);
    return () => {
      listeners.delete(setMode);
    };
  }, []);
  return mode;
}
