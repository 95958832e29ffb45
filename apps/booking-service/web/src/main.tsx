import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BookingPage } from './BookingPage.js';
import './booking.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BookingPage />
  </StrictMode>,
);
