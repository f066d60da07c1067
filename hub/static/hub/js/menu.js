// The menu button of small screens: the WAI-ARIA disclosure pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/). The button shows and hides the
// navigation it controls (aria-controls) and says whether it is open (aria-expanded); Escape
// closes it and gives the focus back to the button. The page arrives closed (aria-expanded="false"),
// so nothing moves when this script runs; without JavaScript, no-script.css (loaded in a
// <noscript>) hides the button and shows the navigation.
(function () {
  "use strict";
  var button = document.querySelector(".js-menu-button");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }


  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") {
      return;
    }
    if (menu.contains(document.activeElement) || document.activeElement === button) {
      setOpen(false);
      button.focus();
    }
  });
})();
