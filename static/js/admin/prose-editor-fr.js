// django-prose-editor writes its toolbar labels in English (they do not go
// through gettext): give every editor of the admin French tooltips and
// block-style names, and keep them French when the editor updates them.
"use strict";

(function () {
  const BY_NAME = {
    heading2: "Intertitre",
    heading3: "Sous-intertitre",
    paragraph: "Paragraphe",
    bulletList: "Liste à puces",
    orderedList: "Liste numérotée",
    orderedListProperties: "Type de liste",
    blockquote: "Citation",
    bold: "Gras",
    italic: "Italique",
    underline: "Souligné",
    strike: "Barré",
    subscript: "Indice",
    superscript: "Exposant",
    link: "Insérer un lien",
    unlink: "Retirer le lien",
    "history:undo": "Annuler",
    "history:redo": "Rétablir",
    fullscreen: "Plein écran",
  };
  // The button showing the current block style has no name, only a title.
  const BY_TITLE = {
    paragraph: "Paragraphe",
    "heading 2": "Intertitre",
    "heading 3": "Sous-intertitre",
  };

  function translate(menubar) {
    for (const button of menubar.querySelectorAll("button")) {
      const name = button.dataset.name;
      const french = BY_NAME[name] || BY_TITLE[(button.title || "").toLowerCase()];
      if (!french) continue;
      if (button.title && button.title !== french) {
        button.title = french;
        button.setAttribute("aria-label", french);
      }
      if (button.classList.contains("prose-menubar__option")) {
        const label = button.firstElementChild || button;
        if (label.textContent !== french) label.textContent = french;
      }
    }
  }

  function watch(root) {
    for (const menubar of root.querySelectorAll(".prose-menubar")) translate(menubar);
  }

  document.addEventListener("DOMContentLoaded", function () {
    watch(document);
    new MutationObserver(function (mutations) {
      for (const mutation of mutations) {
        const menubar = mutation.target.closest && mutation.target.closest(".prose-menubar");
        if (menubar) translate(menubar);
        else if (mutation.addedNodes.length) watch(document);
      }
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["title"],
    });
  });
})();
