import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhonePage } from './PhonePage.js';
import './phone.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhonePage />
  </StrictMode>,
);
