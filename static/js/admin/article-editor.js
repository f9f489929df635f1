// Article change form: live word count / reading time, tag suggestions, and
// a headline box that grows with the headline.
"use strict";

(function () {
  function countWords(text) {
    const words = text.trim().split(/\s+/).filter(Boolean);
    return words.length;
  }

  function setUpReadingStats() {
    const stats = document.getElementById("reading-stats");
    const body = document.querySelector("textarea[name='body']");
    if (!stats || !body) return;
    const perMinute = Number(stats.dataset.wordsPerMinute) || 230;
    const wrapper = body.closest(".form-row") || document;
    function visibleEditor() {
      // The field holds more than one ProseMirror (dialogs mount hidden ones).
      return [...wrapper.querySelectorAll(".ProseMirror")].find(
        (node) => node.isContentEditable && node.offsetParent !== null
      );
    }
    function update() {
      const editor = visibleEditor();
      const text = editor ? editor.innerText : body.value.replace(/<[^>]*>/g, " ");
      const words = countWords(text);
      const minutes = Math.max(1, Math.ceil(words / perMinute));
      stats.textContent = `${words} mots · ${minutes} min de lecture`;
    }
    wrapper.addEventListener("input", update);
    wrapper.addEventListener("keyup", update);
    // The editor mounts after this script; count once it is there.
    window.setTimeout(update, 500);
  }

  function setUpTagSuggestions() {
    const input = document.querySelector("input[data-suggest-url]");
    if (!input) return;
    const list = document.createElement("datalist");
    list.id = `${input.id}-suggestions`;
    input.setAttribute("list", list.id);
    input.after(list);
    let timer;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(async function () {
        const parts = input.value.split(",");
        const term = parts.pop().trim();
        const done = parts.map((p) => p.trim()).filter(Boolean);
        if (!term) return;
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(term)}`;
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) return;
        const { results } = await response.json();
        list.replaceChildren(
          ...results
            .filter((name) => !done.includes(name))
            .map((name) => {
              const option = document.createElement("option");
              option.value = [...done, name].join(", ");
              return option;
            })
        );
      }, 150);
    });
  }

  function setUpHeadline() {
    const title = document.querySelector("textarea.headline-input");
    if (!title) return;
    function grow() {
      title.style.height = "auto";
      title.style.height = `${title.scrollHeight + 2}px`;
    }
    // A headline is one line of text: Enter neither breaks it nor submits.
    title.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    title.addEventListener("input", grow);
    // Its width changes as the page settles (the editor mounts, a scrollbar
    // appears) and with the window: grow again each time.
    let width = 0;
    new ResizeObserver(function () {
      if (title.clientWidth !== width) {
        width = title.clientWidth;
        grow();
      }
    }).observe(title);
    grow();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpReadingStats();
    setUpTagSuggestions();
    setUpHeadline();
  });
})();
