// The posting screen of a live (admin/live/post.html): the entry's text is
// focused on arrival, and Ctrl+Entrée (⌘+Entrée) publishes from anywhere in
// the form, so a journalist posts without touching the mouse.
// Loaded in the page's head (the form's media): it waits for the document.
function livePostScreen() {
  "use strict";

  var form = document.querySelector("[data-live-post-form]");
  if (!form) return;

  function focusEditor(attempts) {
    // The rich-text editor builds itself after load; wait for it briefly.
    var editable = form.querySelector(".ProseMirror[contenteditable='true']");
    if (editable) {
      editable.focus();
    } else if (attempts > 0) {
      setTimeout(function () { focusEditor(attempts - 1); }, 50);
    } else {
      var textarea = form.querySelector("[data-live-entry-body]");
      if (textarea) textarea.focus();
    }
  }

  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else form.submit();
    }
  });

  if (!form.querySelector(".errorlist")) focusEditor(100);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", livePostScreen);
} else {
  livePostScreen();
}
