// Comments: the reply form opens in place under a comment, a form is sent only once, and 공감/비공감
// are sent without leaving the page. Without JavaScript the 답글 link opens a reply page, the server
// drops a repeated form by its token, and the vote buttons post their form and come back to the comment.
(function () {
  "use strict";

  var voteForm = document.getElementById("comment-vote-form");
  var voteStatus = document.getElementById("comment-vote-status");
  var voteNames = { like: "공감", dislike: "비공감" };

  function showVotes(commentId, data) {
    document.querySelectorAll('[data-votes="' + commentId + '"]').forEach(function (box) {
      box.querySelectorAll("[data-count=like]").forEach(function (count) { count.textContent = data.likes; });
      box.querySelectorAll("[data-count=dislike]").forEach(function (count) { count.textContent = data.dislikes; });
      box.querySelectorAll("button[name=value]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.value === data.vote));
      });
    });
  }

  if (voteForm && window.fetch && window.FormData) {
    voteForm.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "value") return;
      event.preventDefault();
      if (button.disabled) return;
      var box = button.closest("[data-votes]");
      var body = new FormData(voteForm);
      body.append("value", button.value);
      box.querySelectorAll("button").forEach(function (other) { other.disabled = true; });
      fetch(button.formAction, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (response) {
          return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        })
        .then(function (answer) {
          if (!answer.ok) throw new Error(answer.data.error || "");
          showVotes(box.dataset.votes, answer.data);
          var note = box.querySelector(".comment__vote-error");
          if (note) note.remove();
          voteStatus.textContent = answer.data.vote
            ? voteNames[answer.data.vote] + "했습니다. 공감 " + answer.data.likes + ", 비공감 " + answer.data.dislikes
            : "취소했습니다. 공감 " + answer.data.likes + ", 비공감 " + answer.data.dislikes;
        })
        .catch(function (error) {
          var message = error.message || "처리하지 못했습니다. 잠시 뒤에 다시 누르세요.";
          var note = box.querySelector(".comment__vote-error") || document.createElement("span");
          note.className = "comment__vote-error";
          note.textContent = message;
          box.appendChild(note);
          voteStatus.textContent = message;
        })
        .finally(function () {
          box.querySelectorAll("button").forEach(function (other) { other.disabled = false; });
          button.focus();
        });
    });
  }

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
