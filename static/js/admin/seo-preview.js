// « Référencement et partage » on the article form: the Google result and
// the share card (templates/admin/articles/article/_seo_preview.html) moved
// into their fieldset and kept up to date while typing, with the limits and
// French warnings of articles/admin/seo_preview.py (read from data-*).
"use strict";

(function () {
  function text(form, name) {
    const field = form.elements.namedItem(name);
    return field && "value" in field ? field.value.replace(/\s+/g, " ").trim() : "";
  }

  // As Django's Truncator: the ellipsis counts in the limit.
  function cut(value, limit) {
    return value.length > limit ? value.slice(0, limit - 1).trimEnd() + "…" : value;
  }

  function setUp(preview, form) {
    const fieldset = document.querySelector("fieldset.seo-fieldset");
    if (fieldset) (fieldset.querySelector("details") || fieldset).append(preview);
    const data = preview.dataset;
    const limits = {
      search_title: Number(data.limitSearchTitle),
      description: Number(data.limitDescription),
      social_title: Number(data.limitSocialTitle),
    };
    const messages = {
      search_title: data.messageSearchTitle,
      description: data.messageDescription,
      social_title: data.messageSocialTitle,
    };
    const slot = (name) => preview.querySelector(`[data-seo="${name}"]`);
    const warnings = preview.querySelector(".seo-warnings");

    function update() {
      const title = text(form, "title");
      const values = {
        search_title: text(form, "seo_title") || title,
        social_title: text(form, "social_title") || title,
        description: text(form, "seo_description") || text(form, "standfirst"),
      };
      slot("slug").textContent = text(form, "slug");
      slot("search_title").textContent = cut(values.search_title, limits.search_title);
      slot("social_title").textContent = cut(values.social_title, limits.social_title);
      slot("description").textContent = cut(values.description, limits.description);
      slot("card_description").textContent = cut(values.description, limits.description);
      warnings.replaceChildren(
        ...Object.keys(values)
          .filter((name) => values[name].length > limits[name])
          .map((name) => {
            const item = document.createElement("li");
            item.className = "seo-warning";
            item.dataset.warning = name;
            item.textContent = messages[name];
            return item;
          })
      );
      // The chooser's thumbnail of the main image, if one is chosen.
      const chosen = document.querySelector(
        ".field-hero_image .image-chooser__preview:not([hidden]) img"
      );
      const image = slot("image");
      if (chosen && chosen.getAttribute("src")) {
        const img = document.createElement("img");
        img.src = chosen.src;
        img.alt = "";
        image.replaceChildren(img);
      } else if (image.querySelector("img")) {
        const note = document.createElement("span");
        note.textContent = "Sans image principale, l’image du site";
        image.replaceChildren(note);
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    const hero = document.querySelector(".field-hero_image");
    if (hero) {
      new MutationObserver(update).observe(hero, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["src", "hidden"],
      });
    }
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const preview = document.getElementById("seo-preview");
    const form = document.getElementById("article_form");
    if (preview && form) setUp(preview, form);
  });
})();
