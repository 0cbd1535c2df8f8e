// Comparison tables sort in the browser, with no network: a click (or Enter) on a column
// heading sorts by it. Only tables inside a `.sortable` block are touched. Material's
// document$ fires on the first load and after every instant navigation.
(function () {
  function enable(root) {
    root.querySelectorAll(".sortable table").forEach(function (table) {
      if (table.dataset.sortable) return;
      table.dataset.sortable = "1";
      new Tablesort(table);
      table.querySelectorAll("th").forEach(function (th) {
        th.tabIndex = 0;
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); th.click(); }
        });
      });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { enable(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { enable(document); });
  }
})();
