// Progressive enhancement: the print button prints; without scripts the browser's own print works the same.
document.getElementById("print")?.addEventListener("click", () => window.print());
