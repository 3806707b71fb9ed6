/* 자동등록방지: a new challenge without reloading the page, and the digits read aloud in place.
   Without JavaScript the audio link still opens the sound file and the refresh button stays hidden. */
(function () {
  "use strict";

  function setup(box) {
    var image = box.querySelector("[data-captcha-image]");
    var audioLink = box.querySelector("[data-captcha-audio]");
    var refresh = box.querySelector("[data-captcha-refresh]");
    var status = box.querySelector("[data-captcha-status]");
    var key = box.querySelector('input[type="hidden"]');
    var answer = box.querySelector(".captcha__answer");
    var player = null;

    refresh.hidden = false;
    refresh.addEventListener("click", function () {
      refresh.disabled = true;
      fetch(box.dataset.refreshUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          key.value = data.key;
          image.src = data.image_url;
          image.srcset = data.image_2x_url + " 2x";
          audioLink.href = data.audio_url;
          if (player) { player.pause(); player = null; }
          answer.value = "";
          status.textContent = "새 자동등록방지 숫자로 바꾸었습니다.";
          answer.focus();
        })
        .catch(function () {
          status.textContent = "새 숫자를 받지 못했습니다. 페이지를 새로 고쳐 주세요.";
        })
        .finally(function () { refresh.disabled = false; });
    });

    audioLink.addEventListener("click", function (event) {
      if (typeof Audio === "undefined") return;
      event.preventDefault();
      if (player) player.pause();
      player = new Audio(audioLink.href);
      player.play().catch(function () { window.location.href = audioLink.href; });
      status.textContent = "숫자를 읽어 드립니다.";
    });
  }

  document.querySelectorAll("[data-captcha]").forEach(setup);
})();
