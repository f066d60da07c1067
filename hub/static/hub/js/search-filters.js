// The search page's filters fold behind a disclosure on small screens, where the results come
// first; on wide screens they sit in a side column, open. Without JavaScript the disclosure
// simply starts closed.
(function () {
  "use strict";
  var details = document.querySelector(".js-search-filters");
  if (!details) return;
  var wide = window.matchMedia("(min-width: 60rem)");
  function follow() { details.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
})();
