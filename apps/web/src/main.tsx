import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './app/App';
import { setApiHandlers } from './lib/api';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { meKey } from './features/auth';
import { registerServiceWorker } from './lib/pwa';

setApiHandlers({
  unauthorized: () => {
    // Session gone: forget the user; the auth guard sends them to the login page.
    queryClient.setQueryData(meKey, null);
  },
  passwordChange: () => {
    void queryClient.invalidateQueries({ queryKey: meKey });
    if (window.location.pathname !== '/change-password') void router.navigate('/change-password');
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
