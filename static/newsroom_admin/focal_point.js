// Click on the photo to set its focal point; the x/y fields below follow, and typing in them moves the marker.
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.querySelector(".focal-point");
  const xInput = document.getElementById("id_focal_point_x");
  const yInput = document.getElementById("id_focal_point_y");
  if (!editor || !xInput || !yInput) return;
  const image = editor.querySelector("img");
  const marker = editor.querySelector(".focal-point__marker");
  const width = Number(editor.dataset.width);
  const height = Number(editor.dataset.height);

  const place = () => {
    if (xInput.value === "" || yInput.value === "") {
      marker.hidden = true;
      return;
    }
    marker.hidden = false;
    marker.style.left = `${(Number(xInput.value) / width) * 100}%`;
    marker.style.top = `${(Number(yInput.value) / height) * 100}%`;
  };

  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    xInput.value = Math.min(width - 1, Math.round(((event.clientX - box.left) / box.width) * width));
    yInput.value = Math.min(height - 1, Math.round(((event.clientY - box.top) / box.height) * height));
    place();
  });
  xInput.addEventListener("input", place);
  yInput.addEventListener("input", place);
  place();
});
