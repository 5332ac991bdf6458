import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp } from './app/app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const { App } = createApp();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
