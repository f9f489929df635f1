// Photo library chooser: a dialog to search the library (thumbnails) or
// upload a photo, used by the hero image field and the body editor's
// « Image de la photothèque » button. Text from the server is always set with
// textContent: image metadata is never read as HTML.
"use strict";

(function () {
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key.startsWith("data-") || key.startsWith("aria-") || key === "role") {
        node.setAttribute(key, value);
      } else {
        node[key] = value;
      }
    }
    node.append(...children);
    return node;
  }

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function defaultUrls() {
    const widget = document.querySelector("[data-chooser-url]");
    return widget
      ? { chooserUrl: widget.dataset.chooserUrl, uploadUrl: widget.dataset.uploadUrl }
      : {};
  }

  const LICENCE_LABELS = { expired: "droits expirés", expiring: "droits bientôt expirés" };

  function imageCard(item) {
    const img = el("img", { src: item.thumbnail, alt: "", loading: "lazy" });
    const parts = [img, el("span", { className: "image-card__title", textContent: item.title })];
    if (item.credit) {
      parts.push(el("span", { className: "image-card__credit", textContent: item.credit }));
    }
    if (!item.alt) {
      parts.push(el("span", { className: "image-card__badge", textContent: "sans texte alternatif" }));
    }
    if (item.licence_status) {
      parts.push(
        el("span", {
          className: `image-card__badge image-card__badge--${item.licence_status}`,
          textContent: `${LICENCE_LABELS[item.licence_status]} (${item.licence_expires})`,
        })
      );
    }
    return el("button", { type: "button", className: "image-card", title: item.caption || item.title }, parts);
  }

  async function fetchJson(url) {
    const response = await fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async function fetchItems(chooserUrl, ids) {
    const url = new URL(chooserUrl, window.location.href);
    url.searchParams.set("id", ids.join(","));
    const { results } = await fetchJson(url);
    return results;
  }

  function open(options = {}) {
    const { chooserUrl, uploadUrl } = { ...defaultUrls(), ...options };
    return new Promise(function (resolve) {
      let chosen = null;
      let nextPage = 1;
      let query = "";
      let searchTimer;

      const search = el("input", {
        type: "search",
        className: "vTextField",
        placeholder: "Rechercher : titre, légende, crédit…",
        "aria-label": "Rechercher dans la photothèque",
      });
      const grid = el("div", { className: "image-chooser-dialog__grid", role: "list" });
      const status = el("p", { className: "image-chooser-dialog__status", role: "status" });
      const more = el("button", { type: "button", className: "button", textContent: "Afficher plus", hidden: true });
      const choosePanel = el("section", { className: "image-chooser-dialog__panel" }, [search, status, grid, more]);

      const uploadErrors = el("ul", { className: "errorlist", role: "alert" });
      const uploadFields = el("div", { className: "image-chooser-dialog__fields" });
      const uploadSubmit = el("button", { type: "submit", className: "button default", textContent: "Téléverser et choisir" });
      const uploadForm = el("form", { className: "image-chooser-dialog__upload", enctype: "multipart/form-data" }, [
        uploadErrors,
        uploadFields,
        uploadSubmit,
      ]);
      const uploadPanel = el("section", { className: "image-chooser-dialog__panel", hidden: true }, [uploadForm]);

      const chooseTab = el("button", { type: "button", className: "image-chooser-dialog__tab", textContent: "Choisir", "aria-pressed": "true" });
      const uploadTab = el("button", { type: "button", className: "image-chooser-dialog__tab", textContent: "Téléverser", "aria-pressed": "false" });
      const close = el("button", { type: "button", className: "image-chooser-dialog__close", textContent: "Fermer" });
      const dialog = el("dialog", { className: "image-chooser-dialog", "aria-label": "Photothèque" }, [
        el("header", {}, [el("h2", { textContent: "Photothèque" }), chooseTab, uploadTab, close]),
        choosePanel,
        uploadPanel,
      ]);
      document.body.append(dialog);

      function finish(item) {
        chosen = item;
        dialog.close();
      }

      async function load(reset) {
        if (reset) {
          nextPage = 1;
          grid.replaceChildren();
        }
        status.textContent = "Chargement…";
        const url = new URL(chooserUrl, window.location.href);
        if (query) url.searchParams.set("q", query);
        url.searchParams.set("page", nextPage);
        try {
          const data = await fetchJson(url);
          for (const item of data.results) {
            const card = imageCard(item);
            card.addEventListener("click", () => finish(item));
            grid.append(el("div", { role: "listitem" }, [card]));
          }
          nextPage = data.next_page;
          more.hidden = !nextPage;
          status.textContent = grid.children.length ? "" : "Aucune image ne correspond.";
        } catch (error) {
          status.textContent = "La photothèque ne répond pas ; réessayez.";
        }
      }

      async function showUpload() {
        chooseTab.setAttribute("aria-pressed", "false");
        uploadTab.setAttribute("aria-pressed", "true");
        choosePanel.hidden = true;
        uploadPanel.hidden = false;
        if (!uploadFields.childElementCount) {
          const response = await fetch(uploadUrl, { credentials: "same-origin" });
          // The blank form, rendered (and escaped) by a Django template.
          uploadFields.innerHTML = await response.text();
        }
        uploadFields.querySelector("input[type=file]")?.focus();
      }

      function showChoose() {
        chooseTab.setAttribute("aria-pressed", "true");
        uploadTab.setAttribute("aria-pressed", "false");
        choosePanel.hidden = false;
        uploadPanel.hidden = true;
        search.focus();
      }

      uploadForm.addEventListener("submit", async function (event) {
        event.preventDefault();
        uploadErrors.replaceChildren();
        uploadSubmit.disabled = true;
        uploadSubmit.textContent = "Envoi en cours…";
        const body = new FormData(uploadForm);
        try {
          const response = await fetch(uploadUrl, {
            method: "POST",
            body,
            credentials: "same-origin",
            headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
          });
          const data = await response.json();
          if (response.ok) {
            finish(data.image);
            return;
          }
          for (const messages of Object.values(data.errors || {})) {
            for (const { message } of messages) uploadErrors.append(el("li", { textContent: message }));
          }
        } catch (error) {
          uploadErrors.append(el("li", { textContent: "L’envoi a échoué ; vérifiez la connexion et réessayez." }));
        } finally {
          uploadSubmit.disabled = false;
          uploadSubmit.textContent = "Téléverser et choisir";
        }
      });

      search.addEventListener("input", function () {
        window.clearTimeout(searchTimer);
        searchTimer = window.setTimeout(function () {
          query = search.value.trim();
          load(true);
        }, 200);
      });
      more.addEventListener("click", () => load(false));
      chooseTab.addEventListener("click", showChoose);
      uploadTab.addEventListener("click", showUpload);
      close.addEventListener("click", () => dialog.close());
      dialog.addEventListener("close", function () {
        dialog.remove();
        resolve(chosen);
      });

      dialog.showModal();
      if (options.upload) {
        showUpload();
      } else {
        search.focus();
      }
      load(true);
    });
  }

  function setUpWidget(widget) {
    const input = widget.querySelector("input[type=hidden]");
    const preview = widget.querySelector(".image-chooser__preview");
    const empty = widget.querySelector(".image-chooser__empty");
    const clear = widget.querySelector("[data-action=clear]");

    function show(item) {
      input.value = item ? item.id : "";
      preview.hidden = !item;
      empty.hidden = !!item;
      clear.hidden = !item;
      if (!item) return;
      preview.querySelector("img").src = item.thumbnail;
      preview.querySelector(".image-chooser__title").textContent = item.title;
      preview.querySelector(".image-chooser__credit").textContent = item.credit;
      preview.querySelector(".image-chooser__warning").hidden = !!item.alt;
      preview.querySelector(".image-chooser__edit").href = item.change_url;
    }

    async function choose(upload) {
      const item = await open({ upload });
      if (item) show(item);
    }

    widget.querySelector("[data-action=choose]").addEventListener("click", () => choose(false));
    widget.querySelector("[data-action=upload]").addEventListener("click", () => choose(true));
    clear.addEventListener("click", () => show(null));
    // The admin's « + » pop-up sets the value with jQuery: refresh the preview.
    if (window.django && window.django.jQuery) {
      window.django.jQuery(input).on("change", async function () {
        const [item] = input.value ? await fetchItems(widget.dataset.chooserUrl, [input.value]) : [];
        show(item || null);
      });
    }
  }

  window.newsdayImageChooser = { open, fetchItems };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".image-chooser").forEach(setUpWidget);
  });
})();
