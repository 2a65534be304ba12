// Progressive enhancement: with scripts, the programs file goes to the API and the page shows how far loading has
// got; without them, the form posts the file and the page answers when it is done.
(() => {
  const form = document.getElementById("programs-upload");
  if (!form || !window.fetch || !window.crypto || !crypto.randomUUID) return;
  const box = form.querySelector(".progress");
  const bar = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");
  form.addEventListener("submit", async (event) => {
    const file = document.getElementById("file").files[0];
    if (!file) return;
    event.preventDefault();
    const id = crypto.randomUUID();
    box.hidden = false;
    bar.removeAttribute("value");
    let done = false;
    const poll = async () => {
      if (done) return;
      try {
        const r = await fetch("/api/v1/admission/imports/" + id, { credentials: "same-origin" });
        if (r.ok) {
          const s = await r.json();
          if (s.status === "running" && s.total > 0) {
            bar.max = s.total;
            bar.value = s.done;
            status.textContent = s.done + " / " + s.total;
          }
        }
      } catch (_) { /* the upload itself reports */ }
      if (!done) setTimeout(poll, 300);
    };
    setTimeout(poll, 300);
    const response = await fetch("/api/v1/admission/programs/import?id=" + encodeURIComponent(id) + "&filename=" + encodeURIComponent(file.name), {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "text/csv" }, body: file,
    });
    done = true;
    if (response.ok) {
      const outcome = await response.json();
      window.location.href = "/admission/programs?loaded=" + outcome.programs;
    } else {
      // The server-rendered page lists every line's error: post the form the ordinary way.
      form.submit();
    }
  });
})();

// The competition run: with scripts, the run goes to the API and the page shows the applications being scored, then
// the allocation; without them, the form posts and the page answers when the run is stored.
(() => {
  const form = document.getElementById("competition-run");
  if (!form || !window.fetch || !window.crypto || !crypto.randomUUID) return;
  const box = form.querySelector(".progress");
  const bar = document.getElementById("run-progress");
  const status = document.getElementById("run-status");
  const labels = { scoring: form.dataset.scoring, allocating: form.dataset.allocating };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const id = crypto.randomUUID();
    box.hidden = false;
    bar.removeAttribute("value");
    let done = false;
    const poll = async () => {
      if (done) return;
      try {
        const r = await fetch("/api/v1/admission/run-progress/" + id, { credentials: "same-origin" });
        if (r.ok) {
          const s = await r.json();
          if (s.status === "scoring" && s.total > 0) {
            bar.max = s.total;
            bar.value = s.done;
            status.textContent = (labels.scoring || "") + " " + s.done + " / " + s.total;
          } else if (s.status === "allocating") {
            bar.removeAttribute("value");
            status.textContent = labels.allocating || "";
          }
        }
      } catch (_) { /* the run itself reports */ }
      if (!done) setTimeout(poll, 300);
    };
    setTimeout(poll, 300);
    const response = await fetch("/api/v1/admission/runs/from-applications?id=" + encodeURIComponent(id), {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}",
    });
    done = true;
    if (response.ok) {
      window.location.href = "/admission/competition?done=run";
    } else {
      form.submit();
    }
  });
})();
