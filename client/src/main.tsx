import { render } from 'preact';
import { App } from './app';
import { prepareI18n } from './i18n';
import './styles.css';

const root = document.getElementById('app');
// English visitors: the English dictionary (its own chunk) is here before anything is drawn.
if (root) void prepareI18n().then(() => render(<App />, root));

// The service worker is only emitted by the production build (InjectManifest).
if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      /* the app works without it; offline support is simply unavailable */
    });
  });
}
