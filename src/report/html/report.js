(function () {
  "use strict";
  var doc = document;
  var table = doc.getElementById("facts");
  var bodies = Array.prototype.slice.call(table.tBodies);
  var form = doc.getElementById("filters");
  var verdict = doc.getElementById("f-verdict");
  var review = doc.getElementById("f-review");
  var source = doc.getElementById("f-source");
  var subject = doc.getElementById("f-subject");
  var status = doc.getElementById("status");
  var empty = doc.getElementById("empty");
  var sortKey = "verdict";
  var sortDir = 1;

  function list(el, name) {
    try { return JSON.parse(el.getAttribute(name) || "[]"); } catch (e) { return []; }
  }

  function setExpanded(body, open) {
    body.querySelector("button.toggle").setAttribute("aria-expanded", open ? "true" : "false");
    body.querySelector("tr.claims").hidden = !open;
  }

  function matches(body) {
    var verdicts = verdict.value === "" ? null : verdict.value.split(" ");
    var reviews = review.value === "" ? null : review.value.split(" ");
    var s = source.value;
    var q = subject.value.trim().toLowerCase();
    return (verdicts === null || verdicts.indexOf(body.getAttribute("data-verdict")) >= 0) &&
      (reviews === null || reviews.indexOf(body.getAttribute("data-review")) >= 0) &&
      (s === "" || list(body, "data-sources").indexOf(s) >= 0) &&
      (q === "" || list(body, "data-search").some(function (t) { return t.toLowerCase().indexOf(q) >= 0; }));
  }

  function apply() {
    var shown = 0;
    bodies.forEach(function (b) {
      var ok = matches(b);
      b.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + bodies.length + " facts.";
    empty.hidden = shown > 0;
  }

  function byId(a, b) {
    var x = a.getAttribute("data-id"), y = b.getAttribute("data-id");
    return x < y ? -1 : (x > y ? 1 : 0);
  }

  function sortBy(key) {
    if (key === sortKey) { sortDir = -sortDir; } else { sortKey = key; sortDir = 1; }
    bodies.sort(function (a, b) {
      if (key === "verdict") {
        var c = (Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"))) * sortDir;
        return c !== 0 ? c : byId(a, b);
      }
      return byId(a, b) * sortDir;
    });
    bodies.forEach(function (b) { table.appendChild(b); });
    Array.prototype.forEach.call(table.tHead.querySelectorAll("button.sort"), function (button) {
      var th = button.parentNode;
      var active = button.getAttribute("data-sort") === sortKey;
      th.setAttribute("aria-sort", active ? (sortDir === 1 ? "ascending" : "descending") : "none");
    });
  }

  table.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.classList.contains("toggle")) {
      var body = button.closest("tbody");
      setExpanded(body, button.getAttribute("aria-expanded") !== "true");
    } else if (button.classList.contains("sort")) {
      sortBy(button.getAttribute("data-sort"));
    }
  });
  doc.getElementById("expand-all").addEventListener("click", function () {
    bodies.forEach(function (b) { if (!b.hidden) { setExpanded(b, true); } });
  });
  doc.getElementById("collapse-all").addEventListener("click", function () {
    bodies.forEach(function (b) { setExpanded(b, false); });
  });
  [verdict, review, source].forEach(function (el) { el.addEventListener("change", apply); });
  subject.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function openHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? doc.getElementById(id) : null;
    if (!target || bodies.indexOf(target) < 0) { return; }
    if (target.hidden) { verdict.value = ""; review.value = ""; source.value = ""; subject.value = ""; apply(); }
    setExpanded(target, true);
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", openHash);

  // On paper every fold is open (a fact's pairs, the warnings), as every
  // shown fact's claims are; the folds close again once printed.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(doc.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  form.hidden = false;
  bodies.forEach(function (b) { setExpanded(b, false); });
  apply();
  openHash();
}());
