/** Mounts the app into #root, and in the desktop app listens to the application menu's commands. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { runAppCommand } from './appCommands';
import { isTextField, listenToDesktopCommands } from './listenToDesktopCommands';

export function startApp(): void {
  listenToDesktopCommands(window.triangulateCommands, {
    run: runAppCommand,
    focusInTextField: () => isTextField(document.activeElement),
    textUndo: (command) => void document.execCommand(command),
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
