// Shows the chosen photo before it is uploaded, so editors check they picked the right file.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.matches('input[type="file"][name="image"]') || !input.files.length) return;
  let preview = input.parentElement.querySelector(".photo-upload-preview");
  if (!preview) {
    preview = document.createElement("img");
    preview.className = "photo-upload-preview";
    preview.alt = "Preview of the chosen photo";
    input.insertAdjacentElement("afterend", preview);
  }
  URL.revokeObjectURL(preview.src);
  preview.src = URL.createObjectURL(input.files[0]);
});
