// The definition of a linked glossary term, shown on hover and on keyboard focus (WCAG 1.4.13:
// dismissable with Escape, hoverable, persistent). The link still works as a plain link.
(function () {
  "use strict";
  var tooltip = null;
  var owner = null;
  var hideTimer = null;

  function hide() {
    if (tooltip) tooltip.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    tooltip = null;
    owner = null;
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner === link) return;
    hide();
    var text = link.getAttribute("data-definition");
    if (!text) return;
    tooltip = document.createElement("span");
    tooltip.id = "term-tooltip";
    tooltip.className = "term-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.textContent = text;
    tooltip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tooltip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tooltip);
    var box = link.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8));
    tooltip.style.top = top + "px";
    tooltip.style.left = left + "px";
    link.setAttribute("aria-describedby", "term-tooltip");
    owner = link;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  document.querySelectorAll("a.term-link[data-definition]").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", scheduleHide);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();
