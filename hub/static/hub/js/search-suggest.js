// Suggestions as you type in every search box (ARIA combobox). Without JavaScript the form
// submits to the search page as usual.
(function () {
  "use strict";
  var language = document.documentElement.lang || "fr";
  var labels = language === "en"
    ? { none: "No suggestion", some: " suggestions, use the up and down arrows" }
    : { none: "Aucune suggestion", some: " suggestions, flèches haut et bas pour les parcourir" };

  function setup(input, index) {
    var listId = "search-suggestions-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    var active = -1;
    var timer = null;
    var controller = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(position) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === position ? "true" : "false"); });
      active = position;
      if (position >= 0) input.setAttribute("aria-activedescendant", options[position].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function render(suggestions) {
      list.innerHTML = "";
      active = -1;
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = suggestion.url;
        link.tabIndex = -1;
        link.textContent = suggestion.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      var open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      status.textContent = open ? suggestions.length + labels.some : labels.none;
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      fetch("/api/search/suggest/?locale=" + encodeURIComponent(language) + "&q=" + encodeURIComponent(query),
        { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var options = list.querySelectorAll("[role=option]");
      if (list.hidden || !options.length) return;
      if (event.key === "ArrowDown") { event.preventDefault(); mark((active + 1) % options.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); mark(active <= 0 ? options.length - 1 : active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].querySelector("a").href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  document.querySelectorAll("[data-search-suggest]").forEach(setup);
})();
