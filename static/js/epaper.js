/* 지면보기: turn pages with ←/→ and a swipe, zoom the page in place. Without this script the same
   controls are plain links (?page=N, and the full-size image). */
(function () {
  "use strict";
  var viewer = document.querySelector("[data-epaper-viewer]");
  if (!viewer) return;
  var prev = viewer.querySelector("[data-epaper-prev]");
  var next = viewer.querySelector("[data-epaper-next]");
  var figure = viewer.querySelector("[data-epaper-page]");
  var link = viewer.querySelector("[data-epaper-full]");
  var zoomButton = viewer.querySelector("[data-epaper-zoom]");
  var image = link && link.querySelector("img");

  function go(anchor) {
    if (anchor) window.location.href = anchor.href;
  }

  function zoomed() {
    return figure.classList.contains("is-zoomed");
  }

  function setZoom(on) {
    figure.classList.toggle("is-zoomed", on);
    if (on && image.currentSrc !== link.href) {
      image.removeAttribute("srcset");
      image.src = link.dataset.epaperFull;
    }
    zoomButton.textContent = on ? "원래 크기로" : "확대 보기";
    zoomButton.setAttribute("aria-pressed", on ? "true" : "false");
  }

  if (link && zoomButton && image) {
    zoomButton.setAttribute("role", "button");
    zoomButton.setAttribute("aria-pressed", "false");
    var toggle = function (event) {
      event.preventDefault();
      setZoom(!zoomed());
    };
    zoomButton.addEventListener("click", toggle);
    link.addEventListener("click", toggle);
    zoomButton.addEventListener("keydown", function (event) {
      if (event.key === " ") toggle(event);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "ArrowLeft") go(prev);
    else if (event.key === "ArrowRight") go(next);
    else if (event.key === "Escape" && zoomed()) setZoom(false);
  });

  // A one-finger horizontal swipe turns the page; two fingers (pinch) and a zoomed page are left alone.
  var startX = null;
  var startY = 0;
  figure.addEventListener("touchstart", function (event) {
    var pinched = window.visualViewport && window.visualViewport.scale > 1.01;
    startX = event.touches.length === 1 && !zoomed() && !pinched ? event.touches[0].clientX : null;
    startY = event.touches[0].clientY;
  }, { passive: true });
  figure.addEventListener("touchend", function (event) {
    if (startX === null) return;
    var touch = event.changedTouches[0];
    var dx = touch.clientX - startX;
    var dy = touch.clientY - startY;
    startX = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? next : prev);
  }, { passive: true });
})();
