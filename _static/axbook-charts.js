/* The book's charts, drawn live as they come near the screen (axbook/render.py writes the boxes).
   Each .axbook-chart box holds its static SVG (the first paint, and what stays without JavaScript) and, in a
   JSON script beside it, its Vega-Lite spec. The chart library (vendor/vega-bundle.min.js, 0.28 MB sent) is fetched
   once, when the first box comes within a screen's reach; each box is then drawn live and its static SVG removed.
   Loaded only on pages with charts (axbook/sphinx_ext.py). */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var libraryUrl = here ? here.replace(/axbook-charts\.js(\?.*)?$/, "vendor/vega-bundle.min.js") : null;
  var loading = null;

  function library() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = libraryUrl;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("the chart library did not load")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function draw(box) {
    var specText = document.getElementById(box.id + "-spec").textContent;
    var spec = JSON.parse(specText);
    // Vega measures label widths when it draws: the webfont slices this chart's text needs are loaded first.
    var fonts = document.fonts ? Promise.all([document.fonts.load("11px NanumGothic", specText),
      document.fonts.load("bold 11px NanumGothic", specText)]).catch(function () {}) : Promise.resolve();
    var live = document.createElement("div");
    live.className = "axbook-chart-live";
    Promise.all([library(), fonts]).then(function () {
      box.appendChild(live);
      return vegaEmbed(live, spec, {renderer: "svg", actions: false});
    }).then(function () {
      var svg = live.querySelector("svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", spec.description);
      box.querySelector(".axbook-chart-static").remove();
    }).catch(function (err) {
      live.remove();
      console.error("chart " + box.id + " could not be drawn:", err);
    });
  }

  function start() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".axbook-chart"));
    if (!libraryUrl || !boxes.length) { return; }
    if (!("IntersectionObserver" in window)) { boxes.forEach(draw); return; }
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { near.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: "300px 0px"});
    boxes.forEach(function (box) { near.observe(box); });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
