import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';

const KEY = Symbol('keel-app');

export function provideApp(app: AppState): void {
  setContext(KEY, app);
}

export function useApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('AppState missing from context');
  return app;
}
