// The staff intake page: the counter's slip prints alone (intake.css hides the rest when printing).
document.addEventListener('DOMContentLoaded', function () {
  var print = document.getElementById('print-slip');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
});
