/**
 * Keeps the article text exactly as it is while leaving the editor editable,
 * so that the caret, Shift+arrow selection and copying all work. Every
 * transaction that would change the document is dropped, and typing, pasting,
 * dropping and the browser's own editing (beforeinput) are refused before
 * they reach the DOM.
 */
import { Plugin, PluginKey } from '@tiptap/pm/state';

export const readOnlyPluginKey = new PluginKey('triReadOnly');

export function readOnlyPlugin(): Plugin {
  return new Plugin({
    key: readOnlyPluginKey,
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
