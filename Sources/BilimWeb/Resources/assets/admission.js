// Progressive enhancement for the department's long jobs: with scripts, the job goes to the API and the page shows
// how far it has got; without them, the form posts and the page answers when the job is done.
(() => {
  if (!window.fetch || !window.crypto || !crypto.randomUUID) return;

  // Polls a job's state every 300 ms and lets `show` draw it, until the returned function is called.
  const follow = (url, show) => {
    let done = false;
    const poll = async () => {
      if (done) return;
      try {
        const r = await fetch(url, { credentials: "same-origin" });
        if (r.ok) show(await r.json());
      } catch (_) { /* the job itself reports */ }
      if (!done) setTimeout(poll, 300);
    };
    setTimeout(poll, 300);
    return () => { done = true; };
  };

  const counted = (bar, status, done, total, label) => {
    bar.max = total;
    bar.value = done;
    status.textContent = (label ? label + " " : "") + done + " / " + total;
  };

  // The programs file.
  const upload = document.getElementById("programs-upload");
  if (upload) {
    const bar = document.getElementById("upload-progress");
    const status = document.getElementById("upload-status");
    upload.addEventListener("submit", async (event) => {
      const file = document.getElementById("file").files[0];
      if (!file) return;
      event.preventDefault();
      const id = crypto.randomUUID();
      upload.querySelector(".progress").hidden = false;
      bar.removeAttribute("value");
      const stop = follow("/api/v1/admission/imports/" + id, (s) => {
        if (s.status === "running" && s.total > 0) counted(bar, status, s.done, s.total);
      });
      const response = await fetch("/api/v1/admission/programs/import?id=" + encodeURIComponent(id) + "&filename=" + encodeURIComponent(file.name), {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "text/csv" }, body: file,
      });
      stop();
      if (response.ok) {
        window.location.href = "/admission/programs?loaded=" + (await response.json()).programs;
      } else {
        // The server-rendered page lists every line's error: post the form the ordinary way.
        upload.submit();
      }
    });
  }

  // The competition run: the applications being scored, then the allocation.
  const run = document.getElementById("competition-run");
  if (run) {
    const bar = document.getElementById("run-progress");
    const status = document.getElementById("run-status");
    run.addEventListener("submit", async (event) => {
      event.preventDefault();
      const id = crypto.randomUUID();
      run.querySelector(".progress").hidden = false;
      bar.removeAttribute("value");
      const stop = follow("/api/v1/admission/run-progress/" + id, (s) => {
        if (s.status === "scoring" && s.total > 0) {
          counted(bar, status, s.done, s.total, run.dataset.scoring);
        } else if (s.status === "allocating") {
          bar.removeAttribute("value");
          status.textContent = run.dataset.allocating || "";
        }
      });
      const response = await fetch("/api/v1/admission/runs/from-applications?id=" + encodeURIComponent(id), {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}",
      });
      stop();
      if (response.ok) {
        window.location.href = "/admission/competition?done=run";
      } else {
        run.submit();
      }
    });
  }
})();
