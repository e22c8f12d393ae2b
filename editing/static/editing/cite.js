// The rich-text toolbar's "Cite" control: search references, pick one, and the marker
// [cite:12] goes in at the cursor (or joins the marker just before it: [cite:3,12]).
//
// A django-prose-editor extension, loaded by its "configurable" preset through
// DJANGO_PROSE_EDITOR_EXTENSIONS (editing/extensions.py). It reads the search address
// from <meta name="citation-search-url">, which the admin layout renders only for people
// who may view references; without it the button stays hidden. No inline script or
// style: everything here runs from this static module.

import { Extension, gettext } from "django-prose-editor/editor"

const MARKER_BEFORE_CURSOR = /\[cite:\s*(\d+(?:\s*,\s*\d+)*)\s*\]$/
const SEARCH_DELAY_MS = 200
let dialogCount = 0

function searchUrlFromPage() {
  return document.querySelector('meta[name="citation-search-url"]')?.content || ""
}

function interpolate(text, values) {
  return text.replace(/%\((\w+)\)s/g, (_match, key) => String(values[key]))
}

function element(tag, properties = {}, children = []) {
  const node = Object.assign(document.createElement(tag), properties)
  node.append(...children)
  return node
}

/** Put [cite:id] at the end of the selection; never replaces selected text. */
export function insertCitation(editor, id) {
  const at = editor.state.selection.to
  const $at = editor.state.doc.resolve(at)
  const textBefore = $at.parent.textBetween(
    Math.max(0, $at.parentOffset - 200),
    $at.parentOffset,
    undefined,
    "\ufffc",
  )
  const previous = textBefore.match(MARKER_BEFORE_CURSOR)
  if (previous) {
    const ids = previous[1].split(",").map((part) => part.trim())
    if (ids.includes(String(id))) {
      return editor.chain().focus().run()
    }
    const range = { from: at - previous[0].length, to: at }
    return editor
      .chain()
      .focus()
      .insertContentAt(range, `[cite:${[...ids, id].join(",")}]`)
      .run()
  }
  return editor.chain().focus().insertContentAt(at, `[cite:${id}]`).run()
}

function citeDialog(editor, searchUrl) {
  const prefix = `cite-dialog-${++dialogCount}`
  const title = element("h2", {
    id: `${prefix}-title`,
    className: "prose-editor-dialog-title",
    textContent: gettext("Cite a reference"),
  })
  const input = element("input", {
    type: "search",
    id: `${prefix}-search`,
    autocomplete: "off",
    spellcheck: false,
  })
  input.setAttribute("aria-describedby", `${prefix}-status`)
  input.setAttribute("aria-controls", `${prefix}-results`)
  const status = element("p", { id: `${prefix}-status`, className: "cite-dialog-status" })
  status.setAttribute("role", "status")
  const results = element("ul", { id: `${prefix}-results`, className: "cite-dialog-results" })
  results.setAttribute("aria-label", gettext("Matching references"))
  const cancel = element("button", {
    type: "button",
    className: "cite-dialog-cancel",
    textContent: gettext("Cancel"),
  })
  const form = element("form", { className: "cite-dialog-form" }, [
    title,
    element("div", { className: "prose-editor-dialog-field" }, [
      element("label", {
        htmlFor: input.id,
        textContent: gettext("Search references by author, title, year or DOI"),
      }),
      input,
    ]),
    status,
    results,
    cancel,
  ])
  const dialog = element("dialog", { className: "prose-editor-dialog cite-dialog" }, [form])
  dialog.setAttribute("aria-labelledby", title.id)

  let pending = null
  let timer = null
  let shownTerm = null

  const resultButtons = () => [...results.querySelectorAll("button")]

  function show(term, body) {
    shownTerm = term
    results.replaceChildren(
      ...body.results.map((result) => {
        const button = element("button", {
          type: "button",
          className: "cite-result",
          textContent: result.label,
          title: interpolate(gettext("Insert %(marker)s"), result),
        })
        button.dataset.citationId = result.id
        button.dataset.marker = result.marker
        return element("li", {}, [button])
      }),
    )
    if (!body.results.length) {
      status.textContent = term
        ? interpolate(
            gettext(
              "No reference matches “%(term)s”. Add it under References, then cite it here.",
            ),
            { term },
          )
        : gettext("There are no references yet. Add them under References first.")
    } else if (body.more) {
      status.textContent = interpolate(
        gettext("Showing the first %(count)s. Type more to narrow the list."),
        { count: body.results.length },
      )
    } else {
      status.textContent = interpolate(
        body.results.length === 1
          ? gettext("1 reference. Use the arrow keys or Tab to reach it.")
          : gettext("%(count)s references. Use the arrow keys or Tab to reach them."),
        { count: body.results.length },
      )
    }
  }

  async function search() {
    clearTimeout(timer)
    const term = input.value.trim()
    pending?.abort()
    pending = new AbortController()
    status.textContent = gettext("Searching…")
    try {
      const url = new URL(searchUrl, window.location.href)
      url.searchParams.set("q", term)
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: pending.signal,
      })
      if (!response.ok || response.redirected) {
        throw new Error(`status ${response.status}`)
      }
      show(term, await response.json())
    } catch (error) {
      if (error.name === "AbortError") return
      results.replaceChildren()
      shownTerm = null
      status.textContent = gettext(
        "References could not be searched. Reload the page (you may have been logged out) and try again.",
      )
    }
  }

  function close() {
    clearTimeout(timer)
    pending?.abort()
    dialog.close()
  }

  function pick(button) {
    const id = Number(button.dataset.citationId)
    close()
    insertCitation(editor, id)
  }

  input.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(search, SEARCH_DELAY_MS)
  })
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault()
      resultButtons()[0]?.focus()
    }
  })
  form.addEventListener("submit", (event) => {
    // Enter in the search box: search now, or go to the results already shown for it.
    // Never lets the admin's own form submit.
    event.preventDefault()
    if (shownTerm === input.value.trim() && resultButtons().length) {
      resultButtons()[0].focus()
    } else {
      search()
    }
  })
  results.addEventListener("click", (event) => {
    const button = event.target.closest("button.cite-result")
    if (button) pick(button)
  })
  results.addEventListener("keydown", (event) => {
    const buttons = resultButtons()
    const index = buttons.indexOf(document.activeElement)
    if (index < 0) return
    if (event.key === "ArrowDown") {
      event.preventDefault()
      buttons[Math.min(index + 1, buttons.length - 1)].focus()
    } else if (event.key === "ArrowUp") {
      event.preventDefault()
      ;(index === 0 ? input : buttons[index - 1]).focus()
    }
  })
  cancel.addEventListener("click", close)
  dialog.addEventListener("close", () => {
    dialog.remove()
    if (!editor.isDestroyed) editor.commands.focus()
  })

  editor.view.dom.parentElement.append(dialog)
  dialog.showModal()
  input.focus()
  search()
  return dialog
}

export const Cite = Extension.create({
  name: "cite",

  addOptions() {
    return {
      // Overrides the page's <meta name="citation-search-url"> when given.
      searchUrl: "",
    }
  },

  addMenuItems({ menu }) {
    const searchUrl = () => this.options.searchUrl || searchUrlFromPage()
    const button = element("button", {
      type: "button",
      className: "prose-menubar__button cite-button",
      textContent: gettext("Cite"),
      title: gettext("Cite a reference: search by author, title, year or DOI"),
    })
    button.setAttribute("aria-label", gettext("Cite a reference"))
    button.setAttribute("aria-haspopup", "dialog")
    menu.defineItem({
      name: "cite",
      groups: "link",
      button,
      command(editor) {
        citeDialog(editor, searchUrl())
      },
      hidden: () => !searchUrl(),
    })
  },
})
