import '../../messaging/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/components.css';
import '../../components/dashboard/dashboard.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
