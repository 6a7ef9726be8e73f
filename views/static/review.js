// whosaid review enhancements. Every page works without this script (plain forms); with it:
// j/k move between statements, c confirm, r reject, n needs check, s set speaker, u undo, ? help;
// the speaker box searches people as you type (/people/search.json); selecting words in the
// article sets the current statement's span. No inline script or handlers (the CSP forbids them).
(function () {
  "use strict";
  var items = [];
  var current = -1;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function select(i, scroll) {
    if (!items.length) return;
    if (i < 0) i = 0;
    if (i >= items.length) i = items.length - 1;
    if (current >= 0 && items[current]) items[current].classList.remove("current");
    current = i;
    var el = items[current];
    el.classList.add("current");
    if (scroll !== false) el.scrollIntoView({ block: "nearest" });
    var id = el.getAttribute("data-quote");
    var mark = id && document.getElementById("q-" + id);
    $all("mark.quote.focus").forEach(function (m) { m.classList.remove("focus"); });
    if (mark) {
      mark.classList.add("focus");
      if (scroll !== false && el.tagName === "LI") mark.scrollIntoView({ block: "nearest" });
    }
  }

  function currentItem() { return current >= 0 ? items[current] : null; }

  function press(key) {
    var el = currentItem();
    if (!el) return false;
    var button = $("button[data-key='" + key + "']", el);
    if (!button) return false;
    if (key === "s") {
      var box = $(".speaker-search", el);
      if (box) { box.focus(); return true; }
    }
    button.click();
    return true;
  }

  function help(show) {
    var box = document.getElementById("review-help");
    if (!box) return;
    box.hidden = show === undefined ? !box.hidden : !show;
    if (!box.hidden) { var b = $("button", box); if (b) b.focus(); }
  }

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { help(false); closeSuggestions(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    var handled = true;
    switch (e.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "?": help(); break;
      case "c": case "r": case "n": case "s": case "u": handled = press(e.key); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });

  // ---- type-to-search for the speaker ----
  var openList = null;
  function closeSuggestions() { if (openList) { openList.remove(); openList = null; } }

  function choose(input, person) {
    input.value = person.name;
    var hidden = $(".speaker-id", input.form);
    if (hidden) hidden.value = String(person.id);
    closeSuggestions();
  }

  function suggest(input) {
    var q = input.value.trim();
    var hidden = $(".speaker-id", input.form);
    if (hidden) hidden.value = "";
    if (q.length < 2) { closeSuggestions(); return; }
    var url = input.getAttribute("data-search") + "?q=" + encodeURIComponent(q);
    fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { people: [] }; })
      .then(function (body) {
        if (input.value.trim() !== q) return;
        closeSuggestions();
        var list = document.createElement("ul");
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        body.people.forEach(function (p, i) {
          var li = document.createElement("li");
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", i === 0 ? "true" : "false");
          li.textContent = p.name + " (" + p.kind + ", " + p.quote_count + ")";
          li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(input, p); });
          li.dataset.id = String(p.id);
          li.dataset.name = p.name;
          list.appendChild(li);
        });
        var fresh = document.createElement("li");
        fresh.setAttribute("role", "option");
        fresh.setAttribute("aria-selected", body.people.length ? "false" : "true");
        fresh.className = "new-person";
        fresh.textContent = "New person: " + q;
        fresh.addEventListener("mousedown", function (ev) { ev.preventDefault(); closeSuggestions(); });
        list.appendChild(fresh);
        input.parentNode.appendChild(list);
        openList = list;
      })
      .catch(function () { closeSuggestions(); });
  }

  function moveSuggestion(input, step) {
    if (!openList) return;
    var options = $all("li", openList);
    var at = options.findIndex(function (o) { return o.getAttribute("aria-selected") === "true"; });
    if (at >= 0) options[at].setAttribute("aria-selected", "false");
    at = (at + step + options.length) % options.length;
    options[at].setAttribute("aria-selected", "true");
  }

  var timer = null;
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains("speaker-search")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(t); }, 150);
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains("speaker-search") || !openList) return;
    if (e.key === "ArrowDown") { moveSuggestion(t, 1); e.preventDefault(); }
    else if (e.key === "ArrowUp") { moveSuggestion(t, -1); e.preventDefault(); }
    else if (e.key === "Enter") {
      var chosen = $("li[aria-selected='true']", openList);
      if (chosen && chosen.dataset.id) { choose(t, { id: chosen.dataset.id, name: chosen.dataset.name }); e.preventDefault(); }
      else closeSuggestions();
    }
  }, true);
  document.addEventListener("focusout", function (e) {
    if (e.target.classList && e.target.classList.contains("speaker-search")) setTimeout(closeSuggestions, 100);
  });

  // ---- selecting words in the article sets the current statement's span ----
  /** The article offset of a point in a paragraph: its data-start plus the article characters before it (chips are not article text). */
  function offsetOf(node, off) {
    var p = node.nodeType === 1 ? node : node.parentNode;
    while (p && !(p.tagName === "P" && p.hasAttribute("data-start"))) p = p.parentNode;
    if (!p) return null;
    var total = Number(p.getAttribute("data-start"));
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        for (var e = n.parentNode; e && e !== p; e = e.parentNode) if (e.classList && (e.classList.contains("chip") || e.classList.contains("flag"))) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    if (node.nodeType === 1) {
      // a point between children: count the text before child `off`
      var marker = node.childNodes[off] || null;
      var t;
      while ((t = walker.nextNode())) {
        if (marker && (marker === t || marker.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
        total += t.nodeValue.length;
      }
      return total;
    }
    var n;
    while ((n = walker.nextNode())) {
      if (n === node) return total + off;
      total += n.nodeValue.length;
    }
    return null;
  }

  document.addEventListener("mouseup", function () {
    var article = document.getElementById("article-text");
    var el = currentItem();
    var sel = window.getSelection();
    if (!article || !el || !sel || sel.isCollapsed || !sel.rangeCount) return;
    var range = sel.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return;
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    var form = $(".span-form", el);
    if (!form) return;
    $(".span-start", form).value = String(start);
    $(".span-end", form).value = String(end);
    var details = form.closest("details");
    if (details) details.open = true;
    var hint = $(".hint", form);
    if (hint) hint.textContent = "selected: “" + sel.toString().slice(0, 80) + "” — press Set span";
  });

  // ---- buttons for the same moves ----
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-nav]") : null;
    if (b) {
      var nav = b.getAttribute("data-nav");
      if (nav === "next") select(current + 1);
      else if (nav === "prev") select(current - 1);
      else if (nav === "help") help();
      else if (nav === "close") help(false);
      return;
    }
    var item = e.target.closest ? e.target.closest("[data-review-item]") : null;
    if (item && items.indexOf(item) >= 0 && items.indexOf(item) !== current) select(items.indexOf(item), false);
    var mark = e.target.closest ? e.target.closest("mark.quote") : null;
    if (mark && !e.target.closest("a")) {
      var row = document.getElementById("row-" + mark.id);
      if (row && items.indexOf(row) >= 0) select(items.indexOf(row));
    }
  });

  function start() {
    items = $all("[data-review-item]");
    if (!items.length) return;
    var hash = location.hash.slice(1);
    var fromHash = hash ? items.findIndex(function (el) { return el.id === hash; }) : -1;
    select(fromHash >= 0 ? fromHash : 0, fromHash >= 0);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
