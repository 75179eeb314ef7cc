/* The book's charts, drawn live as they come near the screen (axbook/render.py writes the boxes, axbook/downloads.py
   lightens them). Each .axbook-chart box names its spec, compiled to Vega at build time (data-spec), and its static SVG (data-static); the
   page's first chart holds that SVG inline (the first paint), the others an image of it inside <noscript> (what
   stays without JavaScript). The chart library (vendor/vega-bundle.min.js: vega and vega-embed, 0.2 MB sent) is fetched once, when the
   first box comes within two screens' reach; each box's spec is fetched as it comes near, the chart drawn live and the
   static one removed. A chart that cannot be drawn shows its static SVG. Loaded only on pages with charts
   (axbook/sphinx_ext.py). */
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

  // The chart's spec, once the webfont its text needs is loaded too (Vega measures label widths as it draws).
  function specOf(box) {
    return fetch(box.dataset.spec).then(function (response) {
      if (!response.ok) { throw new Error("its spec did not load (" + response.status + ")"); }
      return response.text();
    }).then(function (text) {
      var fonts = document.fonts ? Promise.all([document.fonts.load("11px NanumGothic", text),
        document.fonts.load("bold 11px NanumGothic", text)]).catch(function () {}) : null;
      return Promise.resolve(fonts).then(function () { return JSON.parse(text); });
    });
  }

  // The static SVG as an image, where the page holds none inline (the text stays in the box's aria-label).
  function showStatic(box) {
    var holder = box.querySelector(".axbook-chart-static");
    if (holder && !holder.querySelector("svg, img")) {
      var image = document.createElement("img");
      image.alt = "";
      image.src = box.dataset.static;
      holder.appendChild(image);
    }
  }

  // User Timing marks (benchmarks/page_weight.py reads them): when a chart came near, when it was drawn.
  function mark(what, box) {
    if (window.performance && performance.mark) { performance.mark("axbook-chart-" + what + ":" + box.id); }
  }

  function draw(box) {
    mark("near", box);
    var spec = null;
    var live = document.createElement("div");
    live.className = "axbook-chart-live";
    Promise.all([library(), specOf(box)]).then(function (loaded) {
      spec = loaded[1];
      box.appendChild(live);
      return vegaEmbed(live, spec, {mode: "vega", renderer: "svg", actions: false});
    }).then(function () {
      var svg = live.querySelector("svg");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", spec.description);
      box.querySelector(".axbook-chart-static").remove();
      mark("drawn", box);
    }).catch(function (err) {
      live.remove();
      showStatic(box);
      console.error("chart " + box.id + " could not be drawn:", err);
    });
  }

  // A chart is drawn within DRAW_MARGIN of the screen; the library is fetched earlier, when the first chart comes
  // within LIBRARY_MARGIN (about two phone screens), so it is ready by the time the reader gets there.
  var DRAW_MARGIN = "300px 0px", LIBRARY_MARGIN = "1500px 0px";

  function start() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".axbook-chart"));
    if (!libraryUrl || !boxes.length) { return; }
    if (!("IntersectionObserver" in window)) { boxes.forEach(draw); return; }
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { near.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: DRAW_MARGIN});
    var coming = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        coming.disconnect();
        library().catch(function () {});  // a failure is reported when a chart is drawn
      }
    }, {rootMargin: LIBRARY_MARGIN});
    boxes.forEach(function (box) { near.observe(box); coming.observe(box); });
  }

  // Started as soon as the page is parsed ("interactive"), before the theme's deferred scripts run and
  // DOMContentLoaded fires (about 0.1 s later here).
  if (document.readyState === "loading") {
    document.addEventListener("readystatechange", function started() {
      document.removeEventListener("readystatechange", started);
      start();
    });
  } else {
    start();
  }
})();
