#include "reports/html_assets.h"

namespace exposcan {

std::string_view html_report_css() {
  static constexpr std::string_view k_css = R"CSS(
:root{--fg:#1d2330;--muted:#5b6475;--bg:#fff;--card:#f6f7f9;--line:#d9dde3;--accent:#2757c5;
--trainable:#c9372c;--unknown:#b98900;--could_not_check:#7a5cc2;--not_public:#2f8f5b;--not_trainable:#6b9e7d;--other:#a9b2c0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1100px;padding:16px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid var(--line)}
h3{font-size:1.1em;margin:.2em 0;overflow-wrap:anywhere}h4{font-size:1em;margin:.6em 0 .2em}
a{color:var(--accent);overflow-wrap:anywhere}
.summary{font-size:1.25em;font-weight:600;background:var(--card);border-left:6px solid var(--trainable);padding:10px 14px;margin:12px 0}
.meta,.muted{color:var(--muted)}
nav a{margin-right:1em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
figure{margin:0;background:var(--card);padding:10px;border-radius:6px}
figcaption{font-weight:600;margin-bottom:6px}
.chart-label,.chart-value,.chart-legend,.chart-tick,.chart-note{font-size:14px;fill:var(--fg)}
.chart-tick,.chart-note{fill:var(--muted);font-size:12px}
.chart-axis{stroke:var(--line)}
.v-trainable{fill:var(--trainable)}.v-unknown{fill:var(--unknown)}.v-could_not_check{fill:var(--could_not_check)}
.v-not_public{fill:var(--not_public)}.v-not_trainable{fill:var(--not_trainable)}.v-other{fill:var(--other)}
#filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:end;margin:8px 0}
#filters label{display:flex;flex-direction:column;font-size:.9em;color:var(--muted)}
#filters select,#filters input{font:inherit;padding:4px 6px;min-width:9em}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--card)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:.85em;white-space:nowrap}
.b-trainable{background:var(--trainable)}.b-unknown{background:var(--unknown)}.b-could_not_check{background:var(--could_not_check)}
.b-not_public{background:var(--not_public)}.b-not_trainable{background:var(--not_trainable)}
.sev{font-weight:600;text-transform:uppercase;font-size:.8em}
.sev-critical,.sev-high{color:var(--trainable)}.sev-medium{color:var(--unknown)}.sev-low,.sev-info{color:var(--muted)}
.item{background:var(--card);border-radius:6px;padding:12px 14px;margin:14px 0;border-left:6px solid var(--other)}
.item.iv-trainable{border-left-color:var(--trainable)}.item.iv-not_public,.item.iv-not_trainable{border-left-color:var(--not_public)}
.item.iv-could_not_check{border-left-color:var(--could_not_check)}.item.iv-unknown{border-left-color:var(--unknown)}
.finding{border-top:1px solid var(--line);padding-top:8px;margin-top:8px}
.finding:first-of-type{border-top:0}
ul{padding-left:1.3em;margin:.3em 0}
details{margin:.3em 0}summary{cursor:pointer;color:var(--accent)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.3em 0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.reveal{font:inherit;font-family:ui-monospace,Menlo,Consolas,monospace;border:1px dashed var(--muted);background:var(--bg);border-radius:4px;padding:0 6px;cursor:pointer;color:var(--fg)}
.reveal[aria-pressed="true"]{border-style:solid;border-color:var(--trainable)}
.redacted{font-family:ui-monospace,Menlo,Consolas,monospace}
.toolbar button{font:inherit;margin-right:8px}
footer{margin-top:2em;color:var(--muted);font-size:.9em}
@media (max-width:640px){body{padding:10px;font-size:14px}.summary{font-size:1.1em}
 #findings-table thead{display:none}#findings-table tr{display:block;border-bottom:1px solid var(--line);padding:6px 0}
 #findings-table td{display:block;border:0;padding:1px 4px}#findings-table td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}}
@media print{nav,#filters,.toolbar{display:none}body{max-width:none;font-size:11pt}.item{break-inside:avoid;background:none;border:1px solid var(--line)}
 a{color:var(--fg)}figure{break-inside:avoid;background:none}.charts{display:block}}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a3abba;--bg:#14171d;--card:#1e232b;--line:#363c48;--accent:#8fb0ff}}
)CSS";
  return k_css;
}

std::string_view html_report_js() {
  static constexpr std::string_view k_js = R"JS(
(function () {
  "use strict";
  var root = document.documentElement;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding-row"));
  var form = document.getElementById("filters");
  var fields = ["verdict", "platform", "severity"];
  function value(name) { var el = document.getElementById("f-" + name); return el ? el.value : ""; }
  function apply() {
    var q = value("q").toLowerCase(), pd = document.getElementById("f-pd");
    var shown = 0;
    rows.forEach(function (r) {
      var ok = fields.every(function (f) { var v = value(f); return !v || r.getAttribute("data-" + f) === v; });
      if (ok && pd && pd.checked) ok = r.getAttribute("data-pd") === "1";
      if (ok && q) ok = r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !ok;
      if (ok) shown++;
    });
    var out = document.getElementById("shown");
    if (out) out.textContent = shown + " of " + rows.length + " findings shown";
    root.setAttribute("data-visible-findings", String(shown));
  }
  function fromHash() {
    var h = (location.hash || "").replace(/^#/, "");
    if (h.indexOf("=") < 0) return;
    h.split("&").forEach(function (kv) {
      var p = kv.split("="), el = document.getElementById("f-" + decodeURIComponent(p[0] || ""));
      if (!el || p.length < 2) return;
      var v = decodeURIComponent(p[1]);
      if (el.type === "checkbox") el.checked = v === "1" || v === "true"; else el.value = v;
    });
  }
  function setRevealed(b, on) {
    var v = b.getAttribute("data-value");
    if (v === null) return;
    b.textContent = on ? v : b.getAttribute("data-redacted");
    b.setAttribute("aria-pressed", on ? "true" : "false");
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains("reveal")) setRevealed(t, t.getAttribute("aria-pressed") !== "true");
    if (t && t.id === "reveal-all") document.querySelectorAll(".reveal").forEach(function (b) { setRevealed(b, true); });
    if (t && t.id === "hide-all") document.querySelectorAll(".reveal").forEach(function (b) { setRevealed(b, false); });
  });
  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  fromHash();
  apply();
  var problems = [];
  var want = Number(root.getAttribute("data-findings")), items = Number(root.getAttribute("data-finding-items"));
  var sections = document.querySelectorAll("article.item").length;
  var inItems = document.querySelectorAll("article.item .finding").length;
  if (rows.length !== want) problems.push("table rows " + rows.length + " != " + want);
  if (inItems !== want) problems.push("item findings " + inItems + " != " + want);
  if (sections !== items) problems.push("item sections " + sections + " != " + items);
  rows.forEach(function (r) {
    var id = (r.querySelector("a[href^='#item-']") || {}).hash;
    if (id && !document.getElementById(id.slice(1))) problems.push("dangling link " + id);
  });
  root.setAttribute("data-dom-findings", String(rows.length));
  root.setAttribute("data-selfcheck", problems.length ? "mismatch: " + problems.join("; ") : "ok");
})();
)JS";
  return k_js;
}

}  // namespace exposcan
