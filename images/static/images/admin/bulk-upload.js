// Bulk upload: each photo is its own request (two at a time), so fifty
// photos never make one long request that could time out, and each file
// gets its own result or French error.
"use strict";

(function () {
  const PARALLEL = 2;

  function el(tag, props = {}, children = []) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  async function send(form, file, row) {
    const body = new FormData();
    for (const field of form.querySelectorAll("fieldset [name]")) {
      if (field.name !== "file" && field.value) body.append(field.name, field.value);
    }
    body.append("file", file);
    row.status.textContent = "envoi…";
    try {
      const response = await fetch(form.dataset.uploadUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: {
          "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
          Accept: "application/json",
        },
      });
      const data = await response.json();
      if (response.ok) {
        row.item.classList.add("bulk-upload__file--ok");
        row.status.replaceChildren(
          "téléversée — ",
          el("a", { href: data.image.change_url, target: "_blank", textContent: "ajouter le texte alternatif" })
        );
        return true;
      }
      const messages = Object.values(data.errors || {}).flat().map((e) => e.message);
      row.item.classList.add("bulk-upload__file--error");
      row.status.textContent = messages.join(" ") || "refusée";
    } catch (error) {
      row.item.classList.add("bulk-upload__file--error");
      row.status.textContent = "l’envoi a échoué (connexion ?)";
    }
    return false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("bulk-upload");
    if (!form) return;
    const input = form.querySelector("input[type=file]");
    const list = form.querySelector(".bulk-upload__files");
    const summary = form.querySelector(".bulk-upload__summary");
    const submit = form.querySelector("[type=submit]");

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const files = [...input.files];
      if (!files.length) return;
      submit.disabled = true;
      list.replaceChildren();
      const queue = files.map((file) => {
        const status = el("span", { className: "bulk-upload__status", textContent: "en attente" });
        const item = el("li", { className: "bulk-upload__file" }, [el("strong", { textContent: file.name }), " : ", status]);
        list.append(item);
        return { file, row: { item, status } };
      });
      let done = 0;
      let ok = 0;
      async function worker() {
        while (queue.length) {
          const { file, row } = queue.shift();
          if (await send(form, file, row)) ok += 1;
          done += 1;
          summary.textContent = `${done} sur ${files.length} traitées, ${ok} téléversées.`;
        }
      }
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      submit.disabled = false;
      input.value = "";
    });
  });
})();
