/**
 * Carries out the undo and redo commands (keys, the desktop Edit menu) on the
 * session's undo history, then: every screen showing a touched article
 * reloads it, the changed annotation is shown (in the article view that has
 * it, or the reader opened at it when the reader shows another article),
 * and `onStatus` gets a line such as "Undid: delete Quote".
 */
import { useRef } from 'react';
import { useAppCommand } from './appCommands';
import { requestAnnotationFocus } from './annotationFocus';
import { appUndoStack } from '../api/appUndo';
import { announceDataChanged } from './dataChanged';
import type { Route } from './hashRoute';
import { useReportError } from './reportErrorContext';

export function useUndoCommands(route: Route, navigate: (route: Route) => void, onStatus: (message: string) => void): void {
  const reportError = useReportError();
  const latest = useRef({ route, navigate, onStatus });
  latest.current = { route, navigate, onStatus };

  const step = async (kind: 'undo' | 'redo') => {
    const { onStatus: status } = latest.current;
    try {
      const done = kind === 'undo' ? await appUndoStack.undo() : await appUndoStack.redo();
      if (!done) {
        status(kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      announceDataChanged({ articleIds: done.articleIds });
      status(`${kind === 'undo' ? 'Undid' : 'Redid'}: ${done.label}`);
      const target = done.target;
      if (!target) return;
      const shown = requestAnnotationFocus(target);
      const { route: now, navigate: go } = latest.current;
      if (!shown && now.view === 'reader') go({ view: 'reader', articleId: target.articleId, annotationId: target.annotationId });
    } catch (err) {
      reportError(kind === 'undo' ? 'Could not undo' : 'Could not redo', err);
      announceDataChanged({ articleIds: [] });
    }
  };

  useAppCommand('undo', () => void step('undo'));
  useAppCommand('redo', () => void step('redo'));
}
