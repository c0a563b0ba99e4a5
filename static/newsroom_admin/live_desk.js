// The live desk (live app, issue #15): posts an entry without leaving the story's page, and
// shows it at once in the list below. Without this script the form posts as usual.
(function () {
  "use strict";
  const form = document.querySelector("form[data-live-post]");
  if (!form || !window.fetch) return;
  const status = form.querySelector("[data-live-post-status]");
  let editor = null;

  // The rich-text editor of the entry's body, once drawn (django-prose-editor's event).
  document.addEventListener("prose-editor:ready", (event) => {
    if (form.contains(event.detail.textarea)) editor = event.detail.editor;
  });

  function showErrors(errors) {
    form.querySelectorAll("[data-live-errors]").forEach((box) => {
      const found = errors[box.dataset.liveErrors] || [];
      box.textContent = "";
      box.className = found.length ? "errornote" : "";
      found.forEach((error) => {
        const line = document.createElement("p");
        line.textContent = error.message;
        box.appendChild(line);
      });
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = "Posting…";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-CSRFToken": form.elements.csrfmiddlewaretoken.value },
        credentials: "same-origin",
      });
      const answer = await response.json();
      if (answer.ok) {
        showErrors({});
        document.querySelector("[data-live-desk-entries]").innerHTML = answer.entries_html;
        form.elements.title.value = "";
        if (form.elements.pinned) form.elements.pinned.value = "";
        if (editor) editor.commands.clearContent(true);
        form.elements.body.value = "";
        status.textContent = answer.message;
      } else {
        showErrors(answer.errors || {});
        status.textContent = "Not posted: see the errors.";
      }
    } catch (error) {
      status.textContent = "Not posted: the server did not answer. Try again.";
    } finally {
      button.disabled = false;
    }
  });
})();
