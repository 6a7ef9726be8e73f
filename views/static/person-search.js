// Type-to-search for a person: fills a <datalist> from /people/search.json?q= and puts the chosen
// person's id into the hidden field named by data-target. Without this script the field is inert
// and the person filter comes from links (a person page's "All statements").
(function () {
  "use strict";
  for (const box of document.querySelectorAll("input.person-search")) {
    const target = document.getElementById(box.dataset.target || "");
    const list = document.getElementById(box.getAttribute("list") || "");
    if (!target || !list) continue;
    const ids = new Map();
    let timer = 0;
    let asked = "";
    const choose = () => {
      const id = ids.get(box.value);
      if (id !== undefined) target.value = String(id);
      else if (box.value.trim() === "") target.value = "";
    };
    box.addEventListener("change", choose);
    box.addEventListener("input", () => {
      choose();
      clearTimeout(timer);
      const q = box.value.trim();
      if (q === "" || q === asked || ids.has(box.value)) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const res = await fetch(box.dataset.search + "?q=" + encodeURIComponent(q), { headers: { accept: "application/json" } });
          if (!res.ok) return;
          const body = await res.json();
          ids.clear();
          list.replaceChildren();
          for (const p of body.people) {
            const label = p.name + " (" + p.kind + ", " + p.quote_count + " quotes, #" + p.id + ")";
            ids.set(label, p.id);
            const opt = document.createElement("option");
            opt.value = label;
            list.append(opt);
          }
        } catch (e) {
          // offline or refused: the box stays a plain text field
        }
      }, 150);
    });
  }
})();
