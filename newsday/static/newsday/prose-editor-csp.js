// django-prose-editor builds its tiptap editors without a CSP nonce, so the
// <style> tiptap injects for the editor's base CSS is blocked by our
// Content Security Policy (no 'unsafe-inline'). This module is loaded before
// any editor is created (see DJANGO_PROSE_EDITOR_EXTENSIONS in settings) and
// hands tiptap the page's nonce, which its injectNonce option supports.
import { Editor } from "django-prose-editor/editor"

const nonce = document.querySelector("script[nonce]")?.nonce
if (nonce && !Editor.prototype.newsdayNonce) {
  const injectCSS = Editor.prototype.injectCSS
  Editor.prototype.newsdayNonce = nonce
  Editor.prototype.injectCSS = function () {
    this.options.injectNonce ??= nonce
    return injectCSS.call(this)
  }
}
