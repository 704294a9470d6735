import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { AppState } from './lib/app.svelte';
import { createBackend } from './lib/backend';
import { installContextMenuGuard } from './lib/contextMenu';

// No built-in context menu ("Open Link", "Reload") outside text fields, on every screen.
installContextMenuGuard();

const target = document.getElementById('app');
if (target) {
  void createBackend().then((backend) => {
    // Timing marks for bench/app.sh (start-up, read by WebDriver); nothing else reads them.
    performance.mark('keel:backend');
    mount(App, { target, props: { app: new AppState(backend) } });
  });
}
