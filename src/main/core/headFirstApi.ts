/**
 * The contract at a start with a library head (see store/libraryHead), for
 * both transports (the browser host and the desktop window; startHeadFirst):
 * the page's first window of the library list is answered from the head at
 * once, and the data folder is opened (index.json read and checked whole)
 * only when something else is asked for, or when the transport says so (a
 * while after it started), so the page loads meanwhile instead of waiting
 * behind the read. The head answers only while no other call has
 * been made and the core is not open yet: no change can have been made, so
 * what it shows is what index.json held; its windows carry a revision of
 * their own, so the page replaces them with the core's as soon as it asks
 * again. Every other call waits for the core. Without
 * a head, the folder opens at once. The head read at the start is handed to
 * `openCore`, so the store does not read it again.
 */
import { apiFromCall } from '../../shared/contract/apiFromCall';
import type { MethodName, TriangulateApi } from '../../shared/contract/contract';
import { headWindow, type LibraryHead } from '../store/libraryHead';

export interface HeadFirst<A extends TriangulateApi> {
  api: TriangulateApi;
  /** Opens the data folder (once) and resolves to its core (or what stands for it). */
  open(): Promise<A>;
  /** The opening, once started; null while the head alone has answered. */
  opening(): Promise<A> | null;
}

export function headFirstApi<A extends TriangulateApi>(head: LibraryHead | null, openCore: (head: LibraryHead | null) => Promise<A>): HeadFirst<A> {
  let opening: Promise<A> | null = null;
  let headAnswers = head !== null;
  const open = (): Promise<A> => {
    if (!opening) {
      opening = openCore(head);
      // Once the core is there (or could not be opened), it answers everything.
      opening.then(
        () => (headAnswers = false),
        () => (headAnswers = false),
      );
    }
    return opening;
  };
  if (!headAnswers) void open().catch(() => undefined);
  const api = apiFromCall(async (method, input) => {
    if (headAnswers && head && method === 'listArticlesWindow') {
      const window = headWindow(head, input);
      if (window) return window;
    }
    // Any other call may change the library: from now on only the core answers.
    headAnswers = false;
    const core = (await open()) as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
    return core[method](input);
  });
  return { api, open, opening: () => opening };
}
