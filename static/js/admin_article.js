// The article form's character counts: each [data-charcount-for] shows how many characters its input
// holds (as Korean newsrooms count them: every character, spaces too), updated as the reporter types.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  function count(value) {
    return Array.from(value).length;
  }
  document.querySelectorAll("[data-charcount-for]").forEach(function (output) {
    var input = document.getElementById(output.getAttribute("data-charcount-for"));
    if (!input) return;
    var limit = parseInt(input.getAttribute("maxlength"), 10) || 0;
    function update() {
      var length = count(input.value);
      output.textContent = String(length);
      output.classList.toggle("charcount--over", limit > 0 && length > limit);
    }
    input.addEventListener("input", update);
    update();
  });
});
