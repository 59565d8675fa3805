/**
 * The Tiptap editor that shows one article's text: created once per text
 * (highlights, suggestions and shared passages change through their
 * decoration plugins, never by re-creating it), read-only through `readOnlyPlugin` yet focusable and selectable, and
 * exposed to assistive technology as a read-only multi-line text box named
 * "Article text". Key presses and clicks go to `handlers.current`, so the
 * caller can change them on every render without touching the editor.
 */
import { Extension } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Text from '@tiptap/extension-text';
import type { EditorView } from '@tiptap/pm/view';
import { useEditor, type Editor } from '@tiptap/react';
import type { RefObject } from 'react';
import { annotationPlugin, type AnnotationHighlights } from './annotations/annotationPlugin';
import { annotationWindowPlugin, INITIAL_WINDOW } from './annotationWindow/annotationWindowPlugin';
import { articleDoc } from './articleDoc';
import { ArticleParagraph } from './articleParagraph';
import { alignmentLayer, searchLayer, suggestionLayer } from './markLayer';
import { readOnlyPlugin } from './readOnly/readOnlyPlugin';

export interface ArticleEditorHandlers {
  keyDown(view: EditorView, event: KeyboardEvent): boolean;
  click(view: EditorView, pos: number, event: MouseEvent): boolean;
  mouseDown(view: EditorView, event: MouseEvent): void;
}

const ArticleReadOnly = Extension.create({
  name: 'triReadOnly',
  addProseMirrorPlugins: () => [readOnlyPlugin()],
});

const articleHighlights = (initial: Partial<AnnotationHighlights>) =>
  Extension.create({
    name: 'triAnnotations',
    addProseMirrorPlugins: () => [
      annotationPlugin({ window: INITIAL_WINDOW, ...initial }),
      annotationWindowPlugin(),
      suggestionLayer.plugin(),
      alignmentLayer.plugin(),
      searchLayer.plugin(),
    ],
  });

/** `initialHighlights`: the annotations to draw from the start (read when the editor is made, for each text). */
export function useArticleEditor(
  text: string,
  handlers: RefObject<ArticleEditorHandlers>,
  initialHighlights: Partial<AnnotationHighlights> = {},
): Editor {
  return useEditor(
    {
      extensions: [Document, ArticleParagraph, Text, ArticleReadOnly, articleHighlights(initialHighlights)],
      content: articleDoc(text),
      editable: true,
      injectCSS: false,
      enableInputRules: false,
      enablePasteRules: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      coreExtensionOptions: { clipboardTextSerializer: { blockSeparator: '\n' } },
      editorProps: {
        attributes: {
          class: 'tri-text',
          'data-overlaps': 'bands',
          role: 'textbox',
          'aria-label': 'Article text',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          spellcheck: 'false',
          autocorrect: 'off',
          autocapitalize: 'off',
          translate: 'no',
        },
        handleKeyDown: (view, event) => handlers.current.keyDown(view, event),
        handleClick: (view, pos, event) => handlers.current.click(view, pos, event),
        handleDOMEvents: {
          mousedown: (view, event) => {
            handlers.current.mouseDown(view, event);
            return false;
          },
        },
      },
    },
    [text],
  );
}
