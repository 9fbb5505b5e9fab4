// The smartphone/PC layout switch (guide 2), remembered on the device.
import { useEffect, useState } from 'preact/hooks';

export type LayoutMode = 'phone' | 'pc';
const STORAGE_KEY = 'webBilling.layout';
const listeners = new Set<(m: LayoutMode) => void>();

function readStored(): LayoutMode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'pc' ? 'pc' : 'phone';
  } catch {
    return 'phone';
  }
}

let current: LayoutMode = typeof window === 'undefined' ? 'phone' : readStored();

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
