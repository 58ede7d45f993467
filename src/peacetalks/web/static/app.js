// Bring the highlighted evidence into view on a document page (no dependencies).
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("evidence");
  if (mark) { mark.scrollIntoView({ block: "center" }); }
});
