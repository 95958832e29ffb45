import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QualityPage } from './QualityPage.js';
import './quality.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QualityPage />
  </StrictMode>,
);
