// Live coverage for readers (live app, issue #15). The page is complete without this script;
// with it, the page asks every few seconds whether there are new entries (a conditional
// request: 304 when nothing changed) and offers them with a button, so that what the reader
// is looking at never moves. It stops while the tab is hidden and once coverage has ended.
(function () {
  "use strict";
  const live = document.querySelector("[data-live-check]");
  if (!live || !window.fetch) return;
  const list = live.querySelector("[data-live-entries]");
  const pinnedList = live.querySelector("[data-live-pinned]");
  const status = live.querySelector("[data-live-status]");
  const seconds = Math.max(Number(live.dataset.liveSeconds) || 20, 1);
  const lang = document.documentElement.lang;
  let waiting = [];
  let timer = null;

  const shown = () => new Set([...live.querySelectorAll("[data-entry-id]")].map((e) => e.dataset.entryId));

  function label(count) {
    const words = {
      ar: count === 1 ? "تحديث جديد واحد" : count + " تحديثات جديدة",
      fr: count === 1 ? "1 nouvelle mise à jour" : count + " nouvelles mises à jour",
    };
    return words[lang] || (count === 1 ? "1 new update" : count + " new updates");
  }

  function offer() {
    status.textContent = "";
    if (!waiting.length) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "live__button";
    button.textContent = label(waiting.length);
    button.addEventListener("click", reveal);
    status.appendChild(button);
  }

  async function reveal() {
    const response = await fetch(live.dataset.liveLatest, { cache: "no-cache" });
    if (!response.ok) return;
    const holder = document.createElement("div");
    holder.innerHTML = await response.text();
    const have = shown();
    const isNew = (e) => !have.has(e.dataset.entryId);
    const fresh = [...holder.querySelectorAll("[data-live-entries] [data-entry-id]")].filter(isNew);
    const pinned = [...holder.querySelectorAll("[data-live-pinned] [data-entry-id]")].filter(isNew);
    // Added at the top of their lists, newest first, with the reader's place kept where it was
    // (the button sits between the pinned entries and the stream).
    const anchor = status.getBoundingClientRect().top;
    pinned.reverse().forEach((entry) => pinnedList.prepend(entry));
    fresh.reverse().forEach((entry) => list.prepend(entry));
    const moved = status.getBoundingClientRect().top - anchor;
    if (moved) window.scrollBy(0, moved);
    waiting = [];
    offer();
    // The button is gone: the keyboard goes on from the newest entry shown.
    const first = fresh.length ? list.firstElementChild : pinned.length ? pinnedList.firstElementChild : null;
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
    }
  }

  async function check() {
    timer = null;
    if (document.hidden) return;
    try {
      // no-cache: the browser revalidates with its ETag and gets 304 when nothing changed.
      const response = await fetch(live.dataset.liveCheck, { cache: "no-cache" });
      if (response.ok) {
        const state = await response.json();
        const have = shown();
        waiting = [...state.pinned, ...state.entries].map(String).filter((id) => !have.has(id));
        offer();
        if (state.ended) {
          const ended = document.createElement("p");
          ended.className = "live__state live__state--ended";
          ended.textContent = lang === "ar" ? "انتهت هذه التغطية المباشرة." : lang === "fr" ? "Ce direct est terminé." : "This live coverage has ended.";
          live.insertBefore(ended, status);
          return; // nothing more will come
        }
      }
    } catch (error) {
      // Offline for a moment: the next check tries again.
    }
    schedule();
  }

  function schedule() {
    if (!timer && !document.hidden) timer = window.setTimeout(check, seconds * 1000);
  }

  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      window.clearTimeout(timer);
      timer = null;
    } else {
      check();
    }
  });
  schedule();
})();
