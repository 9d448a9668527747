/**
 * Install the service worker (built as /sw.js by `vite build`): it keeps the app's shell and the
 * attendance screens on the device. Only in a production build and a secure context (https, or
 * localhost / 127.0.0.1), where browsers allow it; a failure leaves the app as it was, online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((e: unknown) => console.warn('service worker', e));
  });
}
