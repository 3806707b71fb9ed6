/* 글자 크기 (five steps, remembered in localStorage: no cookie) and 인쇄 for the article page.
   Without JavaScript the buttons stay hidden; the browser's own zoom and print still work. */
(function () {
  "use strict";
  var tools = document.querySelector("[data-story-tools]");
  var body = document.querySelector(".story__body");
  if (!tools || !body) return;
  var KEY = "firstnews:font-step";
  var STEPS = ["story__body--s", "", "story__body--l", "story__body--xl", "story__body--xxl"];
  var DEFAULT = 1;
  var step = DEFAULT;
  try {
    var saved = parseInt(window.localStorage.getItem(KEY), 10);
    if (saved >= 0 && saved < STEPS.length) step = saved;
  } catch (e) { /* storage blocked: the default size */ }
  var smaller = tools.querySelector('[data-fontsize="-1"]');
  var larger = tools.querySelector('[data-fontsize="1"]');
  function apply() {
    STEPS.forEach(function (name) { if (name) body.classList.remove(name); });
    if (STEPS[step]) body.classList.add(STEPS[step]);
    body.setAttribute("data-font-step", String(step));
    smaller.disabled = step === 0;
    larger.disabled = step === STEPS.length - 1;
  }
  function change(delta) {
    step = Math.max(0, Math.min(STEPS.length - 1, step + delta));
    try { window.localStorage.setItem(KEY, String(step)); } catch (e) { /* this page only */ }
    apply();
  }
  smaller.addEventListener("click", function () { change(-1); });
  larger.addEventListener("click", function () { change(1); });
  tools.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  tools.hidden = false;
  apply();
})();
