import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from './language.js';
import './base.css';

/** Every screen starts the same way: one root, one language provider. */
export function mountScreen(screen: ReactNode): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('the page has no #root');
  createRoot(element).render(
    <StrictMode>
      <LanguageProvider>{screen}</LanguageProvider>
    </StrictMode>,
  );
}
