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
  var paused = false;  // by the reader's button, or by a wish for less motion
  var pause = bar.querySelector("[data-breaking-pause]");
  bar.classList.add("is-rotating");
  function show(index) {
    items.forEach(function (item, i) { item.hidden = i !== index; });
  }
  function run() {
    if (timer || paused) return;
    timer = window.setInterval(function () {
      current = (current + 1) % items.length;
      show(current);
    }, 5000);
  }
  function hold() {
    window.clearInterval(timer);
    timer = null;
  }
  function setPaused(value) {
    paused = value;
    pause.textContent = paused ? "다시 재생" : "일시정지";
    if (paused) { hold(); } else { run(); }
  }
  show(current);
  pause.hidden = false;
  pause.addEventListener("click", function () { setPaused(!paused); });
  // Never move a headline away from under the pointer or the keyboard focus.
  bar.addEventListener("mouseenter", hold);
  bar.addEventListener("focusin", hold);
  bar.addEventListener("mouseleave", function () { if (!bar.contains(document.activeElement)) run(); });
  bar.addEventListener("focusout", function (event) { if (!bar.contains(event.relatedTarget)) run(); });
  // Readers who ask for less motion get a still bar; the button starts it.
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  setPaused(Boolean(reduced));
}());
