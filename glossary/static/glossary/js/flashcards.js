// Progress through the flashcards: the terms seen during this visit, counted in the browser's
// session storage only (nothing is sent anywhere; closing the tab starts again).
(function () {
  "use strict";
  var card = document.querySelector(".js-flashcard");
  var progress = document.querySelector(".js-flashcards-progress");
  if (!card || !progress) return;
  var key = "glossary-flashcards-seen:" + (document.documentElement.lang || "fr");
  var seen = [];
  try {
    seen = JSON.parse(window.sessionStorage.getItem(key) || "[]");
    if (!Array.isArray(seen)) seen = [];
    if (seen.indexOf(card.dataset.term) === -1) seen.push(card.dataset.term);
    window.sessionStorage.setItem(key, JSON.stringify(seen));
  } catch (error) {
    return; // storage disabled: the page works the same, without the progress line
  }
  var total = parseInt(progress.dataset.total, 10) || seen.length;
  var language = document.documentElement.lang || "fr";
  var count = Math.min(seen.length, total);
  progress.querySelector(".js-flashcards-progress-text").textContent = progress.dataset.template
    .replace("{seen}", count.toLocaleString(language))
    .replace("{total}", total.toLocaleString(language));
  var bar = progress.querySelector(".js-flashcards-progress-bar");
  if (bar) bar.value = count;
  progress.hidden = false;
})();
