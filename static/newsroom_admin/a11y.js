// Names and structure that the admin's third-party widgets leave out, so screen readers can use
// the article form: the rich-text editor's label, and select2's search box and selection list.
(() => {
  const fix = () => {
    for (const editor of document.querySelectorAll(".ProseMirror[contenteditable]:not([aria-label])")) {
      const row = editor.closest(".form-row, .fieldBox, div");
      const label = row && row.querySelector("label");
      editor.setAttribute("aria-label", label ? label.textContent.replace(/:$/, "") : "Body");
    }
    for (const search of document.querySelectorAll(".select2-search__field:not([aria-label])")) {
      search.setAttribute("aria-label", "Type to search");
    }
    // The editor greys out buttons that cannot act (undo with nothing to undo) with a class only;
    // say so to screen readers too.
    for (const button of document.querySelectorAll(".prose-menubar__button")) {
      const disabled = String(button.classList.contains("disabled"));
      if (button.getAttribute("aria-disabled") !== disabled) button.setAttribute("aria-disabled", disabled);
    }
    // select2 puts its "clear all" button inside the <ul> of chosen items; a list holds only items.
    for (const clear of document.querySelectorAll(".select2-selection__rendered > .select2-selection__clear")) {
      clear.parentElement.before(clear);
    }
  };
  new MutationObserver(fix).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
  });
  document.addEventListener("DOMContentLoaded", fix);
})();
