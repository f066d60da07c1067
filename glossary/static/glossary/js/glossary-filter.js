// Instant filter of the glossary list. Without JavaScript the same box filters on submit.
// Also unfolds the domain and kind filters on wide screens, where they sit on the search box's row.
(function () {
  "use strict";
  var more = document.querySelector(".js-glossary-filters-more");
  if (more && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 48em)");
    var openedByServer = more.open;
    var layout = function () {
      more.closest("form").classList.toggle("glossary-filters--inline", wide.matches);
      more.open = wide.matches || openedByServer;
    };
    layout();
    wide.addEventListener("change", layout);
  }

  var input = document.querySelector("[data-glossary-filter]");
  if (!input) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-item]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-glossary-group]"));
  var count = document.getElementById("glossary-count");
  var initialCount = count ? count.textContent : "";
  var announceTimer = null;
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  items.forEach(function (item) { item.dataset.folded = fold(item.textContent); });

  // A letter whose group is filtered out becomes inert, as letters without terms are.
  var letterOf = function (group) {
    var heading = group.querySelector("h2[id]");
    return heading ? document.querySelector('.alphabet a[href="#' + heading.id + '"], .alphabet [data-href="#' + heading.id + '"]') : null;
  };
  var setLetter = function (letter, present) {
    if (!letter) return;
    if (present && letter.dataset.href) {
      letter.setAttribute("href", letter.dataset.href);
      letter.removeAttribute("data-href");
    } else if (!present && letter.hasAttribute("href")) {
      letter.dataset.href = letter.getAttribute("href");
      letter.removeAttribute("href");
    }
    letter.classList.toggle("alphabet__letter--empty", !present);
    if (present) letter.parentNode.removeAttribute("aria-hidden");
    else letter.parentNode.setAttribute("aria-hidden", "true");
  };

  var message = function (shown) {
    if (!count) return "";
    var language = document.documentElement.lang || "fr";
    var one = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language).select(shown) === "one" : shown === 1;
    var template = one ? count.dataset.matchOne : count.dataset.matchMany;
    return (template || "{count}").replace("{count}", shown.toLocaleString(document.documentElement.lang));
  };

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
      setLetter(letterOf(group), !group.hidden);
    });
    if (count) {
      // The count is a live region: it is updated once typing pauses, not at every keystroke.
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () {
        count.textContent = needle ? message(shown) : initialCount;
      }, 600);
    }
  });
})();
