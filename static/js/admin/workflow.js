// Article edit page: autosave (server and this browser), presence of other
// editors, and the autosave banner. Nothing here is needed to save an article.
"use strict";

(function () {
  const AUTOSAVE_EVERY_MS = 5000;
  const PRESENCE_EVERY_MS = 15000;

  function csrfToken(form) {
    const input = form.querySelector("input[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
  }

  // The fields an autosave keeps: articles.forms.AUTOSAVED_FIELDS.
  function autosavedFields() {
    const config = document.getElementById("workflow-config");
    return (config.dataset.autosaveFields || "").split(",").filter(Boolean);
  }

  function collect(form) {
    const data = {};
    for (const name of autosavedFields()) {
      const field = form.elements.namedItem(name);
      if (field && "value" in field) data[name] = field.value;
    }
    const base = form.elements.namedItem("base_fingerprint");
    return { data, base: base ? base.value : "" };
  }

  function post(url, form, fields, beacon) {
    const body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken(form));
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    if (beacon && navigator.sendBeacon) return navigator.sendBeacon(url, body);
    return fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    });
  }

  function setUpAutosave(config, form) {
    const url = config.dataset.autosaveUrl;
    const key = config.dataset.storageKey;
    const status = document.getElementById("autosave-status");
    let last = JSON.stringify(collect(form).data);
    let dirty = false;
    let submitting = false;

    function keepLocally() {
      const { data, base } = collect(form);
      try {
        localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), data, base }));
      } catch (error) {
        // Private browsing or a full storage: the server copy remains.
      }
    }

    async function send(beacon) {
      const { data, base } = collect(form);
      const text = JSON.stringify(data);
      if (text === last) return;
      const fields = { ...data, base_fingerprint: base };
      if (beacon) {
        post(url, form, fields, true);
        last = text;
        return;
      }
      try {
        const response = await post(url, form, fields, false);
        if (!response.ok || !(response.headers.get("content-type") || "").includes("json")) {
          throw new Error(String(response.status));
        }
        const result = await response.json();
        last = text;
        dirty = false;
        if (status) status.textContent = result.label;
      } catch (error) {
        if (status) {
          status.textContent = "Enregistrement automatique impossible (session expirée ?) : votre texte est gardé dans ce navigateur.";
        }
      }
    }

    form.addEventListener("input", function () {
      dirty = true;
      keepLocally();
    });
    form.addEventListener("change", function () {
      dirty = true;
      keepLocally();
    });
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.setInterval(function () {
      if (dirty) send(false);
    }, AUTOSAVE_EVERY_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && dirty && !submitting) send(true);
    });
    window.addEventListener("pagehide", function () {
      if (dirty && !submitting) send(true);
    });

    // A copy kept in this browser that is newer than anything the server has
    // (the session had expired, the network was down): hand it to the server
    // and offer it back.
    const savedAt = Date.parse(config.dataset.savedAt || "") || 0;
    const serverAutosaveAt = Date.parse(config.dataset.autosaveAt || "") || 0;
    let local = null;
    try {
      local = JSON.parse(localStorage.getItem(key) || "null");
    } catch (error) {
      local = null;
    }
    if (local && local.data && !new URLSearchParams(location.search).has("restaurer")) {
      const localAt = Date.parse(local.savedAt) || 0;
      const differs = JSON.stringify(local.data) !== JSON.stringify(collect(form).data);
      if (localAt > Math.max(savedAt, serverAutosaveAt) && differs) {
        post(url, form, { ...local.data, base_fingerprint: local.base || "" }, false)
          .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            const banner = document.getElementById("autosave-local");
            banner.textContent = "Ce navigateur a gardé un texte plus récent que la version enregistrée. ";
            const link = document.createElement("a");
            link.className = "button";
            link.href = "?restaurer=1";
            link.textContent = "Le reprendre";
            banner.append(link);
            banner.hidden = false;
          })
          .catch(function () {});
      } else if (localAt <= savedAt) {
        localStorage.removeItem(key);
      }
    }

    const discard = document.querySelector("[data-autosave-discard]");
    if (discard) {
      discard.addEventListener("click", async function () {
        await post(url, form, { discard: "1" }, false);
        localStorage.removeItem(key);
        document.getElementById("autosave-banner").remove();
      });
    }
  }

  function setUpPresence(config, form) {
    const url = config.dataset.presenceUrl;
    const banner = document.getElementById("presence");
    if (!url || !banner) return;
    async function ping() {
      try {
        const response = await post(url, form, {}, false);
        if (!response.ok) return;
        const { others } = await response.json();
        if (others.length) {
          const verb = others.length > 1 ? "ont" : "a";
          banner.textContent = `${others.join(", ")} ${verb} aussi cet article ouvert en ce moment.`;
          banner.hidden = false;
        } else {
          banner.hidden = true;
        }
      } catch (error) {
        // Offline for a moment: try again at the next tick.
      }
    }
    window.setInterval(ping, PRESENCE_EVERY_MS);
    window.addEventListener("pagehide", function () {
      post(url, form, { leave: "1" }, true);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const config = document.getElementById("workflow-config");
    const form = document.getElementById("article_form");
    if (!config || !form) return;
    if (config.dataset.editable) setUpAutosave(config, form);
    setUpPresence(config, form);
  });
})();
