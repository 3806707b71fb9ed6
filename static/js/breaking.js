/* 속보 bar: rotate several items, let readers pause it (WCAG 2.2.2) and dismiss it.
   Dismissal lives in localStorage so that pages stay free of cookies. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-breaking]");
  if (!bar) return;
  var KEY = "firstnews:breaking-dismissed";
  var items = Array.prototype.slice.call(bar.querySelectorAll(".breaking__item"));
  var ids = items.map(function (item) { return item.getAttribute("data-id"); });
  var dismissed = [];
  try { dismissed = JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { dismissed = []; }
  if (ids.every(function (id) { return dismissed.indexOf(id) !== -1; })) {
    bar.hidden = true;
    return;
  }

  var close = bar.querySelector("[data-breaking-close]");
  close.hidden = false;
  close.addEventListener("click", function () {
    try { window.localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode: close for this page only */ }
    bar.hidden = true;
    document.getElementById("content").focus();
  });

  if (items.length < 2) return;
  var current = 0;
  var timer = null;
  var pause = bar.querySelector("[data-breaking-pause]");
  bar.classList.add("is-rotating");
  function show(index) {
    items.forEach(function (item, i) { item.hidden = i !== index; });
  }
  function start() {
    timer = window.setInterval(function () {
      current = (current + 1) % items.length;
      show(current);
    }, 5000);
    pause.textContent = "일시정지";
    pause.setAttribute("aria-pressed", "false");
  }
  function stop() {
    window.clearInterval(timer);
    timer = null;
    pause.textContent = "다시 재생";
    pause.setAttribute("aria-pressed", "true");
  }
  show(current);
  pause.hidden = false;
  pause.addEventListener("click", function () { if (timer) { stop(); } else { start(); } });
  // Readers who ask for less motion get a still bar; the button starts it.
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (reduced) { stop(); } else { start(); }
}());
