import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { restoreSession } from './lib/api.ts';
import { initTheme } from './lib/theme.ts';
import './styles.css';

initTheme();
// The access token lives in memory only: after a reload the httpOnly refresh cookie restores it.
void restoreSession();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<App />);
