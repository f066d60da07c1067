// Instant filter of the glossary list. Without JavaScript the same box filters on submit.
(function () {
  "use strict";
  var input = document.querySelector("[data-glossary-filter]");
  if (!input) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-item]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-group]"));
  var count = document.getElementById("glossary-count");
  var initialCount = count ? count.textContent : "";
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  items.forEach(function (item) { item.dataset.folded = fold(item.textContent); });
  input.addEventListener("input", function () {
    var needle = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (item) {
      var match = !needle || item.dataset.folded.indexOf(needle) !== -1;
      item.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-glossary-item]:not([hidden])");
    });
    if (count) {
      count.textContent = needle ? (document.documentElement.lang === "en" ? shown + " matching terms" : shown + " terme(s) correspondant(s)") : initialCount;
    }
  });
})();
