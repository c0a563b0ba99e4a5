// The body's blocks in the rich-text editor (issue #14). Each node writes exactly the markup
// newsroom/html.py keeps and articles/body.py draws for readers:
//
//   <figure data-photo="7" data-caption="…" data-credit="…" data-alt="…"></figure>  a photo
//   <figure class="pull-quote"><blockquote><p>…</p></blockquote><figcaption>…</figcaption></figure>
//   <aside class="fact-box"><h2>…</h2><ul><li><p>…</p></li></ul></aside>
//   <aside data-story="12">Headline</aside>                                      a link card
//   <aside data-embed="https://…">Title</aside>                                 outside media
//
// (section breaks and tables are the editor's own HorizontalRule and Table). The photo and
// story choosers ask the admin's JSON views, whose addresses the form's writing desk carries.
// Loaded by django-prose-editor's configurable preset (settings.DJANGO_PROSE_EDITOR_EXTENSIONS).
import { crel, gettext, Node, updateAttrsDialog } from "django-prose-editor/editor"

const desk = () => document.getElementById("writing-desk")?.dataset || {}
const csrfToken = () => document.querySelector("[name=csrfmiddlewaretoken]")?.value || ""

let made = 0
const uniqueId = (name) => `desk-block-${++made}-${name}`

const getJSON = async (url) => {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
  if (!response.ok) throw new Error(`The server answered ${response.status}`)
  return response.json()
}

// What the library says about each photo drawn in the editor: one request per photo.
const photos = new Map()
const photoInfo = (id) => {
  if (!photos.has(id)) {
    const url = `${desk().photosUrl}?id=${encodeURIComponent(id)}`
    photos.set(id, getJSON(url).then((data) => data.results[0] || null).catch(() => null))
  }
  return photos.get(id)
}

// Inserts a block at the cursor, between the body's top-level blocks: in place of an empty
// paragraph, before a paragraph the cursor starts, after one it ends (a paragraph the cursor
// is inside is split there). The cursor then goes where the editor types next: the block's
// first empty line (a quote, a fact), or a paragraph after it, made if there is none.
const insertBlock = async (editor, json) => {
  // A dialog that just closed gives the focus back to the editor, with the selection it had:
  // the block goes in after that.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  editor.commands.focus()
  let { selection } = editor.state
  const { $from } = selection
  if ($from.depth === 1 && $from.parent.isTextblock && $from.parentOffset > 0 && $from.parentOffset < $from.parent.content.size) {
    editor.commands.splitBlock()
    selection = editor.state.selection
  }
  const { state, view } = editor
  const $pos = selection.$from
  let from = $pos.depth ? $pos.before(1) : $pos.pos
  const current = $pos.depth ? $pos.node(1) : selection.node
  let to = from
  if (current?.type.name === "paragraph" && current.content.size === 0) to = from + current.nodeSize
  else if (current && !($pos.depth === 1 && $pos.parentOffset === 0)) from = to = from + current.nodeSize
  const after = state.doc.resolve(to).nodeAfter
  const nodes = [state.schema.nodeFromJSON(json)]
  if (after?.type.name !== "paragraph") nodes.push(state.schema.nodes.paragraph.create())
  view.dispatch(state.tr.replaceWith(from, to, nodes))
  const inserted = editor.state.doc.nodeAt(from)
  let cursor = from + inserted.nodeSize + 1
  let found = false
  inserted.descendants((child, pos) => {
    if (found) return false
    if (child.isTextblock && child.content.size === 0) {
      cursor = from + 1 + pos + 1
      found = true
    }
    return !found
  })
  editor.chain().focus().setTextSelection(cursor).scrollIntoView().run()
}

// A chooser: a modal dialog outside the article form (its fields are never posted with it).
const openChooser = (title, build) => {
  const headingId = uniqueId("title")
  const dialog = crel("dialog", { className: "desk-chooser", "aria-labelledby": headingId })
  const close = crel("button", { type: "button", className: "button desk-chooser__close", textContent: gettext("Close") })
  close.addEventListener("click", () => dialog.close())
  dialog.append(crel("div", { className: "desk-chooser__top" }, [crel("h2", { id: headingId, textContent: title }), close]), ...build(dialog))
  dialog.addEventListener("close", () => dialog.remove())
  document.body.append(dialog)
  dialog.showModal()
  return dialog
}

const searchField = (label, onSearch) => {
  const id = uniqueId("search")
  const input = crel("input", { id, type: "search", className: "vTextField desk-chooser__search", autocomplete: "off" })
  let timer = null
  input.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(() => onSearch(input.value), 250)
  })
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault()
  })
  return { input, row: crel("p", { className: "desk-chooser__field" }, [crel("label", { htmlFor: id, textContent: label }), input]) }
}

const textField = (name, label, attributes = {}) => {
  const id = uniqueId(name)
  const input = crel(attributes.rows ? "textarea" : "input", { id, name, className: "vTextField", ...attributes })
  return crel("p", { className: "desk-chooser__field" }, [crel("label", { htmlFor: id, textContent: label }), input])
}

const choosePhoto = (editor) => {
  const urls = desk()
  openChooser(gettext("Insert a photo"), (dialog) => {
    const insert = (photo) => {
      photos.set(String(photo.id), Promise.resolve(photo))
      dialog.close()
      insertBlock(editor, { type: "inlinePhoto", attrs: { photo: String(photo.id) } })
    }
    const results = crel("ul", { className: "desk-chooser__results desk-chooser__results--photos" })
    const found = crel("p", { className: "desk-chooser__status", role: "status" })
    const find = async (text) => {
      try {
        const data = await getJSON(`${urls.photosUrl}?q=${encodeURIComponent(text)}`)
        results.replaceChildren(
          ...data.results.map((photo) => {
            const button = crel("button", { type: "button", className: "desk-chooser__choice" }, [
              crel("img", { src: photo.thumbnail, alt: "", width: 112, height: 112, loading: "lazy" }),
              crel("span", { className: "desk-chooser__caption", textContent: photo.caption || photo.alt || `${gettext("Photo")} ${photo.id}` }),
              crel("span", { className: "desk-chooser__credit", textContent: photo.credit }),
            ])
            button.addEventListener("click", () => insert(photo))
            return crel("li", {}, [button])
          }),
        )
        found.textContent = data.results.length ? "" : gettext("No photo in the library matches.")
      } catch (error) {
        found.textContent = gettext("The photo library is not answering: try again in a moment.")
      }
    }
    const search = searchField(gettext("Search the library by caption, credit or alt text"), find)
    find("")

    const upload = crel("form", { className: "desk-chooser__upload" })
    const errors = crel("p", { className: "desk-chooser__errors", role: "alert" })
    const submit = crel("button", { type: "submit", className: "button default", textContent: gettext("Upload and insert") })
    const imageId = uniqueId("image")
    upload.append(
      crel("h3", { textContent: gettext("Or upload a new photo") }),
      crel("p", { className: "desk-chooser__field" }, [
        crel("label", { htmlFor: imageId, textContent: gettext("Image (JPEG, PNG or WebP)") }),
        crel("input", { id: imageId, name: "image", type: "file", accept: "image/jpeg,image/png,image/webp", required: true }),
      ]),
      textField("caption", gettext("Caption"), { rows: 2 }),
      textField("credit", gettext("Credit")),
      textField("alt_text", gettext("Alt text (what the photo shows)")),
      errors,
      submit,
    )
    upload.addEventListener("submit", async (event) => {
      event.preventDefault()
      submit.disabled = true
      errors.textContent = ""
      try {
        const response = await fetch(urls.photoUploadUrl, {
          method: "POST",
          body: new FormData(upload),
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
        })
        const answer = await response.json().catch(() => ({}))
        if (response.ok) {
          insert(answer)
          return
        }
        const messages = Object.values(answer.errors || {}).flat().map((error) => error.message)
        errors.textContent = messages.join(" ") || `${gettext("The upload failed")} (${response.status}).`
      } catch (error) {
        errors.textContent = gettext("The server is not answering: nothing was uploaded. Try again in a moment.")
      } finally {
        submit.disabled = false
      }
    })
    return [search.row, found, results, upload]
  })
}

const chooseStory = (editor) => {
  const urls = desk()
  openChooser(gettext("Insert a link card to one of our stories"), (dialog) => {
    const results = crel("ul", { className: "desk-chooser__results" })
    const found = crel("p", { className: "desk-chooser__status", role: "status" })
    const find = async (text) => {
      const exclude = urls.articleId ? `&exclude=${urls.articleId}` : ""
      try {
        const data = await getJSON(`${urls.storiesUrl}?q=${encodeURIComponent(text)}${exclude}`)
        results.replaceChildren(
          ...data.results.map((story) => {
            const button = crel("button", { type: "button", className: "desk-chooser__choice" }, [
              crel("span", { className: "desk-chooser__caption", textContent: story.headline }),
              crel("span", { className: "desk-chooser__credit", textContent: story.status }),
            ])
            button.addEventListener("click", () => {
              dialog.close()
              insertBlock(editor, { type: "storyCard", attrs: { story: String(story.id), headline: story.headline } })
            })
            return crel("li", {}, [button])
          }),
        )
        found.textContent = data.results.length ? "" : gettext("No story matches.")
      } catch (error) {
        found.textContent = gettext("The story list is not answering: try again in a moment.")
      }
    }
    const search = searchField(gettext("Search stories by headline or summary"), find)
    find("")
    return [search.row, found, results]
  })
}

// An inline photo in the editor: its thumbnail and this story's own texts, each empty to use
// the photo's own (shown as the field's placeholder).
class PhotoView {
  constructor({ node, editor, getPos }) {
    this.node = node
    this.editor = editor
    this.getPos = getPos
    this.dom = crel("figure", { className: "desk-photo", contentEditable: "false" })
    this.image = crel("img", { className: "desk-photo__image", alt: "", width: 112, height: 112 })
    this.note = crel("p", { className: "desk-photo__note" })
    this.inputs = {}
    const fields = [
      ["caption", gettext("Caption in this story")],
      ["credit", gettext("Credit in this story")],
      ["alt", gettext("Alt text in this story (what the photo shows)")],
    ]
    this.fields = crel("div", { className: "desk-photo__fields" })
    for (const [name, label] of fields) {
      const id = uniqueId(name)
      const input = crel("input", { id, type: "text", className: `vTextField desk-photo__${name}`, value: node.attrs[name] })
      input.addEventListener("input", () => this.set(name, input.value))
      this.inputs[name] = input
      this.fields.append(crel("p", { className: "desk-photo__field" }, [crel("label", { htmlFor: id, textContent: label }), input]))
    }
    const remove = crel("button", { type: "button", className: "button desk-photo__remove", textContent: gettext("Remove this photo") })
    remove.addEventListener("click", () => {
      const pos = this.getPos()
      if (typeof pos === "number") this.editor.chain().focus().deleteRange({ from: pos, to: pos + this.node.nodeSize }).run()
    })
    this.fields.append(this.note, remove)
    this.dom.append(this.image, this.fields)
    this.load()
  }

  async load() {
    const photo = await photoInfo(this.node.attrs.photo)
    if (!photo) {
      this.note.textContent = gettext("This photo is no longer in the library: remove it.")
      return
    }
    this.image.src = photo.thumbnail
    const own = { caption: photo.caption, credit: photo.credit, alt: photo.alt }
    for (const [name, input] of Object.entries(this.inputs)) {
      input.placeholder = own[name] ? `${gettext("Library:")} ${own[name]}` : gettext("None in the library")
    }
    this.note.textContent = gettext("Leave a field empty to use the photo library's text.")
  }

  set(name, value) {
    const pos = this.getPos()
    if (typeof pos !== "number") return
    const { state, dispatch } = this.editor.view
    dispatch(state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, [name]: value }))
  }

  update(node) {
    if (node.type !== this.node.type) return false
    const photoChanged = node.attrs.photo !== this.node.attrs.photo
    this.node = node
    for (const [name, input] of Object.entries(this.inputs)) {
      if (input.value !== node.attrs[name]) input.value = node.attrs[name]
    }
    if (photoChanged) this.load()
    return true
  }

  stopEvent(event) {
    return this.fields.contains(event.target)
  }

  ignoreMutation() {
    return true
  }
}

const photoText = (name) => ({
  default: "",
  parseHTML: (element) => element.getAttribute(`data-${name}`) || "",
  renderHTML: (attributes) => (attributes[name] ? { [`data-${name}`]: attributes[name] } : {}),
})

export const InlinePhoto = Node.create({
  name: "inlinePhoto",
  group: "block",
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      photo: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-photo"),
        renderHTML: (attributes) => ({ "data-photo": attributes.photo }),
      },
      caption: photoText("caption"),
      credit: photoText("credit"),
      alt: photoText("alt"),
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-photo]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    return (props) => new PhotoView(props)
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "inlinePhoto",
      groups: "blocks",
      command: choosePhoto,
      button: buttons.material("add_photo_alternate", gettext("insert photo")),
    })
    // A section break goes in between paragraphs as every block does (the editor's own
    // horizontal-rule command can take an empty line's neighbouring block with it).
    menu.defineItem({
      name: "sectionBreak",
      groups: "blocks",
      command: (editor) => insertBlock(editor, { type: "horizontalRule" }),
      button: buttons.material("more_horiz", gettext("insert section break")),
    })
  },
})

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "pullQuoteText pullQuoteAttribution",
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: "figure.pull-quote" }]
  },

  renderHTML() {
    return ["figure", { class: "pull-quote" }, 0]
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "blocks",
      command(editor) {
        insertBlock(editor, {
          type: "pullQuote",
          content: [{ type: "pullQuoteText", content: [{ type: "paragraph" }] }, { type: "pullQuoteAttribution" }],
        })
      },
      button: buttons.material("format_quote", gettext("insert pull quote")),
    })
  },
})

export const PullQuoteText = Node.create({
  name: "pullQuoteText",
  content: "paragraph+",
  defining: true,

  parseHTML() {
    return [{ tag: "blockquote", context: "pullQuote/", priority: 60 }]
  },

  renderHTML() {
    return ["blockquote", 0]
  },
})

export const PullQuoteAttribution = Node.create({
  name: "pullQuoteAttribution",
  content: "text*",
  marks: "",
  defining: true,

  parseHTML() {
    return [{ tag: "figcaption", context: "pullQuote/", priority: 60 }]
  },

  renderHTML() {
    return ["figcaption", 0]
  },
})

export const FactBox = Node.create({
  name: "factBox",
  group: "block",
  // A list of facts; paragraphs are allowed too, so that ending the list keeps the box valid.
  content: "factBoxTitle (bulletList | orderedList | paragraph)+",
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: "aside.fact-box" }]
  },

  renderHTML() {
    return ["aside", { class: "fact-box" }, 0]
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "factBox",
      groups: "blocks",
      command(editor) {
        insertBlock(editor, {
          type: "factBox",
          content: [
            { type: "factBoxTitle", content: [{ type: "text", text: gettext("What we know") }] },
            { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
          ],
        })
      },
      button: buttons.material("fact_check", gettext("insert fact box")),
    })
  },
})

export const FactBoxTitle = Node.create({
  name: "factBoxTitle",
  content: "text*",
  marks: "",
  defining: true,

  parseHTML() {
    return [{ tag: "h2", context: "factBox/", priority: 60 }]
  },

  renderHTML() {
    return ["h2", 0]
  },
})

// A block standing for something kept elsewhere, drawn as its text: a link card's headline
// (readers get the story's current one) or an embed's title.
const referenceNode = ({ name, tag, key, text }) => ({
  name,
  group: "block",
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      [key]: {
        default: null,
        parseHTML: (element) => element.getAttribute(tag),
        renderHTML: (attributes) => ({ [tag]: attributes[key] }),
      },
      [text]: { default: "", parseHTML: (element) => element.textContent.trim(), rendered: false },
    }
  },

  parseHTML() {
    return [{ tag: `aside[${tag}]` }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["aside", HTMLAttributes, node.attrs[text]]
  },
})

export const StoryCard = Node.create({
  ...referenceNode({ name: "storyCard", tag: "data-story", key: "story", text: "headline" }),

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "storyCard",
      groups: "blocks",
      command: chooseStory,
      button: buttons.material("article", gettext("insert link card")),
    })
  },
})

const embedDialog = updateAttrsDialog(
  {
    url: { type: "string", format: "url", required: true, title: gettext("Address of the video or post (https://…)") },
    title: { type: "string", required: true, title: gettext("Title readers see on the link") },
  },
  { title: gettext("Embed outside media"), submitText: gettext("Insert") },
)

export const Embed = Node.create({
  ...referenceNode({ name: "embed", tag: "data-embed", key: "url", text: "title" }),

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "embed",
      groups: "blocks",
      async command(editor) {
        // With an embed selected, the button edits it.
        const selected = editor.state.selection.node
        const current = selected?.type.name === "embed" ? selected.attrs : { url: "", title: "" }
        const attrs = await embedDialog(editor, { ...current })
        if (!attrs) return
        if (selected?.type.name === "embed") editor.chain().focus().updateAttributes("embed", attrs).run()
        else insertBlock(editor, { type: "embed", attrs })
      },
      button: buttons.material("smart_display", gettext("embed video or post")),
    })
  },
})

