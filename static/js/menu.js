/* The phone menu is a <details>: it works without this file. Here: Escape closes it (focus back on
   its button) and a click or tap outside closes it. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-menupanel]");
  if (!panel) return;
  var button = panel.querySelector("summary");
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel.open) {
      panel.open = false;
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (panel.open && !panel.contains(event.target)) panel.open = false;
  });
})();
