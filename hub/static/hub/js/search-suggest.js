// Suggestions as you type in every search box: the WAI-ARIA combobox pattern with a listbox
// popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Focus stays in the input; the
// arrows move the active option (aria-activedescendant), Enter opens it, Escape closes the list
// and keeps what was typed. Without JavaScript the form submits to the search page as usual.
(function () {
  "use strict";
  var language = document.documentElement.lang === "en" ? "en" : "fr";
  var texts = {
    fr: {
      none: "Aucune suggestion",
      one: "1 suggestion, flèche bas pour la sélectionner",
      many: " suggestions, flèches haut et bas pour les parcourir",
      separator: ", "
    },
    en: {
      none: "No suggestions",
      one: "1 suggestion, press the down arrow to select it",
      many: " suggestions, use the up and down arrows to browse them",
      separator: ", "
    }
  }[language];
  var MIN_LENGTH = 2;
  var DELAY = 150;

  function setup(input, index) {
    var host = input.parentNode;
    var listId = "search-suggestions-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    var label = input.labels && input.labels.length ? input.labels[0] : null;
    if (label) {
      if (!label.id) label.id = input.id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    host.appendChild(list);
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var suggestions = [];   // the last answer, for the query it was asked for
    var answeredFor = "";
    var active = -1;
    var timer = null;
    var controller = null;

    function options() { return list.querySelectorAll("[role=option]"); }
    function isOpen() { return !list.hidden; }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      status.textContent = "";
    }

    function mark(position) {
      var all = options();
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === position ? "true" : "false"); });
      active = position;
      if (position >= 0) {
        input.setAttribute("aria-activedescendant", all[position].id);
        if (all[position].scrollIntoView) all[position].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function part(className, text) {
      var span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      return span;
    }

    function separator() { return part("visually-hidden", texts.separator); }

    function open() {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "suggestions__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", suggestion.url);
        option.appendChild(part("suggestions__title", suggestion.title));
        if (suggestion.detail) {
          option.appendChild(separator());
          option.appendChild(part("suggestions__detail", suggestion.detail));
        }
        if (suggestion.type_label) {
          option.appendChild(separator());
          option.appendChild(part("suggestions__type", suggestion.type_label));
        }
        list.appendChild(option);
      });
      var count = suggestions.length;
      list.hidden = count === 0;
      input.setAttribute("aria-expanded", count ? "true" : "false");
      status.textContent = count === 0 ? texts.none : count === 1 ? texts.one : count + texts.many;
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) { suggestions = []; answeredFor = ""; close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var url = "/api/search/suggest/?locale=" + encodeURIComponent(language) + "&q=" + encodeURIComponent(query);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          // Only the answer to what the box holds now, and only while the reader is in it.
          if (input.value.trim() !== query) return;
          suggestions = data.suggestions || [];
          answeredFor = query;
          if (document.activeElement === input) open();
        })
        .catch(function () { /* aborted, or offline: the form still works */ });
    }

    function go(position) {
      var option = options()[position];
      if (option) window.location.assign(option.getAttribute("data-url"));
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (input.value.trim().length < MIN_LENGTH) { ask(); return; }
      timer = setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        // A search input empties itself on Escape: the reader keeps what they typed.
        event.preventDefault();
        if (isOpen()) close();
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!isOpen()) {
          if (suggestions.length && answeredFor === input.value.trim()) {
            event.preventDefault();
            open();
            mark(event.key === "ArrowDown" ? 0 : suggestions.length - 1);
          }
          return;
        }
        event.preventDefault();
        var count = options().length;
        if (event.key === "ArrowDown") mark(active + 1 >= count ? 0 : active + 1);
        else mark(active <= 0 ? count - 1 : active - 1);
        return;
      }
      if (event.key === "Enter" && isOpen() && active >= 0) {
        event.preventDefault();
        go(active);
      }
    });

    // Keep the focus in the input when an option is pressed, so that the click lands.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) go(Array.prototype.indexOf.call(options(), option));
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-search-suggest]").forEach(setup);
})();
