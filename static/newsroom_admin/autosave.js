// The writing desk (templates/admin/articles/article/change_form.html): autosave of the article
// form as a private working copy on the server, a copy in this browser while the server does
// not answer, live word and length counts, and the Check again button.
document.addEventListener("DOMContentLoaded", () => {
  const desk = document.getElementById("writing-desk");
  if (!desk) return;
  const form = desk.closest("form");
  const status = desk.querySelector("[data-autosave-status]");
  const seconds = Number(desk.dataset.autosaveSeconds) || 5;
  const url = desk.dataset.autosaveUrl;
  const localKey = `newsroom:working-copy:${url}`;
  let dirty = false;
  let sending = false;

  const say = (text) => { if (status) status.textContent = text; };
  const clock = (date) => date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  // What autosave keeps: the form's fields as typed (files are never sent).
  const typed = () => {
    const data = new FormData(form);
    for (const [name, value] of [...data.entries()]) {
      if (value instanceof File) data.delete(name);
    }
    return data;
  };

  const keepHere = (data) => {
    try {
      localStorage.setItem(localKey, JSON.stringify({ at: Date.now(), fields: [...data.entries()] }));
    } catch (error) {
      // A full or forbidden storage: the server copy is all there is.
    }
  };
  const keptHere = () => {
    try { return JSON.parse(localStorage.getItem(localKey) || "null"); } catch (error) { return null; }
  };
  const forgetHere = () => { try { localStorage.removeItem(localKey); } catch (error) { /* nothing kept */ } };

  const send = async (data) => {
    const response = await fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    });
    if (!response.ok) throw new Error(`The server answered ${response.status}`);
    return response.json();
  };

  // What the form held when it was opened (once the editor has drawn the body): a copy only
  // differs from it once something was typed.
  const serialize = (data) => JSON.stringify([...data.entries()].filter(([name]) => name !== "csrfmiddlewaretoken"));
  let lastSent = null;
  const remember = () => { if (lastSent === null) lastSent = serialize(typed()); };
  document.addEventListener("prose-editor:ready", () => setTimeout(remember, 0));
  setTimeout(remember, 1500);

  const save = async () => {
    if (!dirty || sending) return;
    const data = typed();
    const text = serialize(data);
    if (text === lastSent) { dirty = false; return; }
    sending = true;
    dirty = false;
    try {
      const answer = await send(data);
      lastSent = text;
      forgetHere();
      say(answer.newer_save
        ? `Working copy saved at ${clock(new Date(answer.saved_at))}. Someone else has saved this story since you opened it: compare before you save.`
        : `Working copy saved at ${clock(new Date(answer.saved_at))}. Readers see nothing until you save.`);
    } catch (error) {
      dirty = true;
      keepHere(data);
      say(`The server is not answering: your typing is kept in this browser (${clock(new Date())}) and will be saved when it answers.`);
    } finally {
      sending = false;
    }
  };

  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("change", () => { dirty = true; });
  setInterval(save, seconds * 1000);

  // Leaving the page (closing the tab, following a link): the last typing goes with a beacon,
  // which the browser delivers even as the page goes away.
  const leave = () => {
    if (!dirty) return;
    const data = typed();
    keepHere(data);
    if (navigator.sendBeacon && navigator.sendBeacon(url, data)) dirty = false;
  };
  document.addEventListener("visibilitychange", () => { if (document.hidden) leave(); });
  window.addEventListener("pagehide", leave);
  // Saving the form is not leaving it with unsaved typing.
  form.addEventListener("submit", () => { dirty = false; });

  // Typing kept here while the server was away goes to the server first; the page then shows
  // it as a working copy to restore.
  const pending = keptHere();
  if (pending && pending.fields) {
    const data = new FormData();
    for (const [name, value] of pending.fields) data.append(name, value);
    data.set("csrfmiddlewaretoken", new FormData(form).get("csrfmiddlewaretoken") || "");
    send(data)
      .then(() => { forgetHere(); window.location.reload(); })
      .catch(() => say(`Typing from ${clock(new Date(pending.at))} is kept in this browser: it will be saved when the server answers.`));
    setInterval(() => {
      if (!keptHere()) return;
      send(data).then(() => { forgetHere(); window.location.reload(); }).catch(() => {});
    }, seconds * 2000);
  }

  // Counts beside the fields: characters against where cards and search engines cut, and words.
  const counter = (field, limits) => {
    const input = form.querySelector(`[name="${field}"]`);
    if (!input) return;
    const output = document.createElement("p");
    output.className = "desk-count";
    output.id = `${field}-count`;
    output.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), output.id].filter(Boolean).join(" "));
    input.closest(".form-row, .fieldBox, div").append(output);
    const update = () => {
      const length = [...input.value].length;
      const over = limits.filter(([limit]) => length > limit);
      output.textContent = `${length} characters. ${limits.map(([limit, what]) => `${what}: ${limit}`).join("; ")}.`;
      output.classList.toggle("desk-count--over", over.length > 0);
    };
    input.addEventListener("input", update);
    update();
  };
  counter("headline", [[Number(desk.dataset.headlineSocial), "social cards show about"], [Number(desk.dataset.headlineHard), "most that can be published"]]);
  counter("summary", [[Number(desk.dataset.summarySearch), "search results show about"]]);

  const counts = document.querySelector("[data-desk-counts]");
  const body = form.querySelector('textarea[name="body"]');
  if (counts && body) {
    const words = () => {
      const text = new DOMParser().parseFromString(body.value || "", "text/html").body.textContent || "";
      const count = text.split(/\s+/).filter(Boolean).length;
      const minutes = count ? Math.ceil(count / 230) : 0;
      counts.textContent = `${count} word${count === 1 ? "" : "s"}, about ${minutes} minute${minutes === 1 ? "" : "s"} of reading.`;
    };
    form.addEventListener("input", (event) => { if (event.target === body) words(); });
  }

  // Check again: the server's checks on what is typed now, without saving.
  const checkNow = document.querySelector("[data-desk-check-now]");
  const results = document.querySelector("[data-desk-checks]");
  if (checkNow && results) {
    checkNow.hidden = false;
    checkNow.addEventListener("click", async () => {
      checkNow.disabled = true;
      try {
        const data = typed();
        const response = await fetch(desk.dataset.checksUrl, {
          method: "POST", body: data, credentials: "same-origin",
          headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
        });
        if (response.ok) results.innerHTML = await response.text();
      } finally {
        checkNow.disabled = false;
      }
    });
  }
});
