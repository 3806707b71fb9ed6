// Share bar: 링크 복사 with a visible confirmation, and KakaoTalk through Kakao's SDK when
// the site has a Kakao JavaScript key. Without JavaScript these buttons stay hidden;
// the share links themselves work without it.
(function () {
  "use strict";
  var script = document.currentScript;
  var kakaoKey = script && script.dataset.kakaoKey;

  function say(bar, message) {
    var status = bar.querySelector(".sharebar__status");
    status.textContent = message;
    window.clearTimeout(status._timer);
    status._timer = window.setTimeout(function () { status.textContent = ""; }, 5000);
  }

  function copyByHand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyByHand(text); });
    }
    return copyByHand(text);
  }

  document.querySelectorAll("[data-share-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var bar = button.closest(".sharebar");
      copy(button.dataset.shareCopy).then(
        function () { say(bar, "기사 주소를 복사했습니다."); },
        function () { say(bar, "복사하지 못했습니다. 주소창의 주소를 직접 복사하세요: " + button.dataset.shareCopy); }
      );
    });
  });

  if (kakaoKey) {
    document.querySelectorAll("[data-share-kakao]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        if (!window.Kakao) {
          say(button.closest(".sharebar"), "카카오톡 공유를 불러오지 못했습니다. 잠시 후 다시 시도하세요.");
          return;
        }
        if (!window.Kakao.isInitialized()) { window.Kakao.init(kakaoKey); }
        window.Kakao.Share.sendScrap({ requestUrl: button.dataset.shareKakao });
      });
    });
  }
})();
