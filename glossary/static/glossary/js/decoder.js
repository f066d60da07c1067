// The decoder page: a character count under the text box, and, once a text has been decoded,
// focus on the results heading (which says how many terms were found) so that keyboard and
// screen reader users land on the answer rather than at the top of the page.
(function () {
  "use strict";
  var results = document.querySelector(".js-decoder-results");
  var text = document.querySelector(".js-decoder-text");
  if (results) {
    results.focus();
  } else if (text && text.getAttribute("aria-invalid") === "true") {
    text.focus();
  }

  var count = document.querySelector(".js-decoder-count");
  var status = document.querySelector(".js-decoder-count-status");
  if (!text || !count) return;
  var language = document.documentElement.lang || "fr";
  var statusTimer = null;
  var describe = function () {
    return count.dataset.template.replace("{count}", text.value.length.toLocaleString(language));
  };
  // The visible count follows every keystroke; the live region, read by screen readers, only
  // once typing or pasting pauses, so that the count is not announced at every character.
  text.addEventListener("input", function () {
    count.textContent = describe();
    if (!status) return;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.textContent = describe(); }, 1200);
  });
})();
