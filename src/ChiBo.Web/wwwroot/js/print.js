// Progressive enhancement of printable documents: a button that opens the browser's print dialog
// (where Chromium also saves the page as PDF). Without scripts, Ctrl+P does the same.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
