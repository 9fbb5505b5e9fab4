import { render } from 'preact';
import { createApolloClient } from './apollo/client';
import { App } from './app';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App client={createApolloClient()} />, root);

// The service worker is only emitted by the production build (InjectManifest).
if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      /* the app works without it; offline support is simply unavailable */
    });
  });
}
