// Comments: the reply form opens in place under a comment, and a form is sent only once.
// Without JavaScript the 답글 link opens a reply page and the server drops a repeated form by its token.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-once")) return;
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
    }, 0);
  });

  // Coming back with the browser's back button shows the page as it was left: make its forms usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-once]").forEach(function (form) {
      delete form.dataset.sent;
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = false; });
    });
  });

  var template = document.getElementById("comment-reply-template");
  if (!template) return;

  // With this script the 답글 links open a form in place, so they act (and announce themselves) as buttons;
  // without it they stay links to the reply page.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-reply]"), function (link) {
    link.setAttribute("role", "button");
    link.setAttribute("aria-expanded", "false");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === " " && event.target.matches && event.target.matches("a[data-reply]")) {
      event.preventDefault();
      event.target.click();
    }
  });

  function closeReply() {
    var open = document.getElementById("comment-reply-form");
    if (!open) return null;
    var opener = document.querySelector("a[data-reply][aria-expanded=true]");
    if (opener) opener.setAttribute("aria-expanded", "false");
    open.remove();
    return opener;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-reply]");
    if (link) {
      event.preventDefault();
      closeReply();
      var form = template.content.firstElementChild.cloneNode(true);
      form.querySelector("input[name=parent]").value = link.dataset.reply;
      link.closest(".comment__body").after(form);
      link.setAttribute("aria-expanded", "true");
      form.querySelector("textarea").focus();
      return;
    }
    if (event.target.closest("[data-cancel]")) {
      var opener = closeReply();
      if (opener) opener.focus();
    }
  });
})();
