// Progressive conveniences (no dependencies; every page works without them):
// - on a document page, bring the highlighted evidence into view and give it focus;
// - on the meetings board and positions matrix, "e" expands or collapses every entry.
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("evidence");
  if (mark) {
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }
  var entries = document.querySelectorAll("details.meeting, details.stance");
  if (entries.length) {
    document.addEventListener("keydown", function (ev) {
      var tag = (ev.target && ev.target.tagName) || "";
      if (ev.key !== "e" || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
      var open = !entries[0].open;
      entries.forEach(function (d) { d.open = open; });
    });
  }
});
