// newsfuse report.html: show one page (story list, a story, an article) at a time, following the URL
// fragment, and highlight a cited paragraph. No inline handlers: everything is wired here. A file of the
// paged layout holds one page, which is shown whatever the fragment.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  function show() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ""; }
    var target = id ? document.getElementById(id) : null;
    var page = target && target.closest ? target.closest(".page") : null;
    if (!page) { page = document.getElementById("stories") || document.querySelector(".page"); target = null; }
    var pages = document.querySelectorAll(".page");
    for (var i = 0; i < pages.length; i++) { pages[i].classList.toggle("active", pages[i] === page); }
    var old = document.querySelectorAll(".para.hl");
    for (var j = 0; j < old.length; j++) { old[j].classList.remove("hl"); }
    if (target && target.classList.contains("para")) {
      target.classList.add("hl");
      target.scrollIntoView({block: "center"});
    } else if (target && target !== page) {
      target.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
    var h = page ? page.querySelector("h1") : null;
    document.title = (h ? h.textContent + " · " : "") + "newsfuse report";
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
  // the browser scrolls to the fragment after loading; show() again so a page opens at its top
  window.addEventListener("load", show);
})();
