// django-prose-editor extension: a library image in the article body.
// Stored as <figure data-image-id="42"> (plus a <figcaption> when the article
// has its own caption); the site renders it as a responsive <picture>.
// The chooser dialog comes from chooser.js.
import { Node, crel, updateAttrsDialog } from "django-prose-editor/editor"

const described = new Map()

function describe(options, id) {
  if (!described.has(id)) {
    const chooser = window.newsdayImageChooser
    described.set(
      id,
      chooser && options.chooserUrl
        ? chooser
            .fetchItems(options.chooserUrl, [id])
            .then((results) => results[0] || null)
            .catch(() => null)
        : Promise.resolve(null),
    )
  }
  return described.get(id)
}

export const LibraryImage = Node.create({
  name: "libraryImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { chooserUrl: null, uploadUrl: null }
  },

  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image-id"),
        renderHTML: (attrs) => ({ "data-image-id": attrs.imageId }),
      },
      caption: {
        default: "",
        parseHTML: (element) =>
          element.querySelector("figcaption")?.textContent.trim() || "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image-id]" }]
  },

  renderHTML({ node, HTMLAttributes }) {
    // A string child is a text node: the caption is never parsed as HTML.
    return node.attrs.caption
      ? ["figure", HTMLAttributes, ["figcaption", {}, node.attrs.caption]]
      : ["figure", HTMLAttributes]
  },

  addNodeView() {
    const options = this.options
    return ({ node, editor, getPos }) => {
      const img = crel("img", { alt: "", className: "library-image__thumbnail" })
      const title = crel("strong", { className: "library-image__title" })
      const warning = crel("span", { className: "library-image__warning" })
      const caption = crel("span", { className: "library-image__caption" })
      const dom = crel("figure", { className: "library-image", contentEditable: false }, [
        img,
        crel("span", { className: "library-image__details" }, [title, caption, warning]),
      ])
      Object.assign(dom.style, { display: "flex", gap: "1rem", alignItems: "flex-start" })
      Object.assign(img.style, { width: "160px", height: "auto" })
      Object.assign(warning.style, { color: "#ba2121", fontWeight: "bold" })
      Object.assign(dom.querySelector(".library-image__details").style, {
        display: "flex",
        flexDirection: "column",
        gap: ".25rem",
      })
      let current = node

      function render() {
        const id = current.attrs.imageId
        caption.textContent = current.attrs.caption
          ? `Légende : ${current.attrs.caption}`
          : ""
        describe(options, id).then((item) => {
          if (!item) {
            title.textContent = `Image n° ${id} introuvable dans la photothèque`
            return
          }
          img.src = item.thumbnail
          title.textContent = item.credit ? `${item.title} — ${item.credit}` : item.title
          if (!current.attrs.caption && item.caption) {
            caption.textContent = `Légende de la photothèque : ${item.caption}`
          }
          warning.textContent = item.alt
            ? ""
            : "Sans texte alternatif : l’article ne pourra pas être publié."
        })
      }

      dom.addEventListener("dblclick", () => {
        editor.chain().setNodeSelection(getPos()).run()
        editor.commands.editLibraryImageCaption()
      })
      render()

      return {
        dom,
        update(updated) {
          if (updated.type !== current.type) return false
          current = updated
          render()
          return true
        },
        ignoreMutation: () => true,
      }
    }
  },

  addCommands() {
    return {
      insertLibraryImage:
        () =>
        ({ editor }) => {
          const chooser = window.newsdayImageChooser
          if (!chooser) return false
          chooser
            .open({ chooserUrl: this.options.chooserUrl, uploadUrl: this.options.uploadUrl })
            .then((item) => {
              if (!item) return
              editor
                .chain()
                .focus()
                .insertContent({
                  type: this.name,
                  attrs: { imageId: String(item.id), caption: "" },
                })
                .run()
            })
          return true
        },
      editLibraryImageCaption:
        () =>
        ({ editor, state }) => {
          const selected = state.selection.node
          if (selected?.type.name !== this.name) return false
          updateAttrsDialog(
            {
              caption: {
                type: "string",
                title: "Légende pour cet article (vide : celle de la photothèque)",
              },
            },
            { title: "Légende de l’image", submitText: "Enregistrer" },
          )(editor, { caption: selected.attrs.caption }).then((attrs) => {
            if (!attrs) return
            editor
              .chain()
              .focus()
              .updateAttributes(this.name, { caption: attrs.caption.trim() })
              .run()
          })
          return true
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "libraryImage",
      groups: "nodes",
      command(editor) {
        editor.commands.insertLibraryImage()
      },
      button: buttons.material("add_photo_alternate", "Image de la photothèque"),
    })
    menu.defineItem({
      name: "libraryImageCaption",
      groups: "nodes",
      command(editor) {
        editor.commands.editLibraryImageCaption()
      },
      button: buttons.material("short_text", "Légende de l’image pour cet article"),
      hidden(editor) {
        return !editor.isActive("libraryImage")
      },
    })
  },
})
