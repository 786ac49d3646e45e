// rubricate: the teacher's editor. Line numbers that follow the YAML,
// problems checked as you type, and links that jump to a problem's line.
// Every page works without this file.
(function () {
  "use strict";

  function lineCount(text) {
    return text.split("\n").length;
  }

  // The gutter beside a code box: one number per line, bad lines marked.
  function drawGutter(box, bad) {
    var gutter = document.getElementById(box.getAttribute("data-gutter"));
    if (!gutter) {
      return;
    }
    var n = lineCount(box.value);
    var frag = document.createDocumentFragment();
    for (var i = 1; i <= n; i++) {
      var span = document.createElement("span");
      span.textContent = String(i);
      if (bad && bad[i]) {
        span.className = "bad";
      }
      frag.appendChild(span);
      frag.appendChild(document.createTextNode("\n"));
    }
    gutter.textContent = "";
    gutter.appendChild(frag);
    box.rows = n;
  }

  // badLines reads the lines the server marked in the gutter.
  function badLines(box) {
    var bad = {};
    var gutter = document.getElementById(box.getAttribute("data-gutter"));
    if (gutter) {
      gutter.querySelectorAll("span.bad").forEach(function (s) {
        bad[parseInt(s.textContent, 10)] = true;
      });
    }
    return bad;
  }

  // Put the caret at a line and column of a box, and bring it into view.
  function goTo(box, line, col) {
    var lines = box.value.split("\n");
    var pos = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) {
      pos += lines[i].length + 1;
    }
    var here = lines[Math.min(line, lines.length) - 1] || "";
    pos += Math.max(0, Math.min((col || 1) - 1, here.length));
    box.focus({ preventScroll: true });
    box.setSelectionRange(pos, pos + Math.max(1, here.length - (col || 1) + 1));
    var gutter = document.getElementById(box.getAttribute("data-gutter"));
    var mark = gutter && gutter.children[line - 1];
    (mark || box).scrollIntoView({ block: "center" });
  }

  // The list of problems, as the server writes it.
  function drawProblems(holder, problems) {
    holder.textContent = "";
    if (!problems.length) {
      return;
    }
    var h = document.createElement("h3");
    h.className = "problems-title";
    h.textContent = problems.length === 1 ? "1 problem to fix" : problems.length + " problems to fix";
    var ol = document.createElement("ol");
    ol.className = "yaml-problems";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      if (p.line > 0) {
        var a = document.createElement("a");
        a.href = "#code";
        a.className = "goto";
        a.setAttribute("data-line", p.line);
        a.setAttribute("data-col", p.col);
        a.textContent = "Line " + p.line + ", column " + p.col;
        li.appendChild(a);
        li.appendChild(document.createTextNode(": "));
      }
      li.appendChild(document.createTextNode(p.message));
      ol.appendChild(li);
    });
    holder.appendChild(h);
    holder.appendChild(ol);
  }

  document.querySelectorAll("textarea.code[data-gutter]").forEach(function (box) {
    var holder = document.getElementById(box.getAttribute("data-problems"));
    var url = box.getAttribute("data-validate");
    var csrf = box.form && box.form.querySelector("input[name=csrf]");
    var bad = badLines(box);
    var timer = 0;
    var seq = 0;

    function validate() {
      var mine = ++seq;
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf ? csrf.value : "" },
        body: JSON.stringify({ yaml: box.value })
      }).then(function (res) {
        return res.ok ? res.json() : null;
      }).then(function (out) {
        if (!out || mine !== seq) {
          return;
        }
        bad = {};
        out.problems.forEach(function (p) {
          bad[p.line] = true;
        });
        drawGutter(box, bad);
        if (holder) {
          drawProblems(holder, out.problems);
        }
        if (out.problems.length) {
          box.setAttribute("aria-invalid", "true");
        } else {
          box.removeAttribute("aria-invalid");
        }
      }).catch(function () {
        // Offline or signed out: the check on save still runs.
      });
    }

    box.addEventListener("input", function () {
      drawGutter(box, bad);
      if (url) {
        clearTimeout(timer);
        timer = setTimeout(validate, 400);
      }
    });
    drawGutter(box, bad);
  });

  // Short boxes (a question, a descriptor) grow to show all their text.
  function fit(box) {
    box.rows = 2;
    while (box.scrollHeight > box.clientHeight + 2 && box.rows < 12) {
      box.rows += 1;
    }
  }
  document.querySelectorAll("textarea.short").forEach(function (box) {
    box.addEventListener("input", function () { fit(box); });
    fit(box);
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll("textarea.short").forEach(fit);
  });

  // Links to a problem's line put the caret there.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.goto[data-line]");
    if (!a) {
      return;
    }
    var box = document.querySelector("#code textarea.code");
    if (!box) {
      return;
    }
    e.preventDefault();
    goTo(box, parseInt(a.getAttribute("data-line"), 10), parseInt(a.getAttribute("data-col"), 10));
  });

  // One press of a button that posts: show it is under way.
  document.querySelectorAll("form.editor").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var button = e.submitter;
      if (button && button.name === "do" && button.value === "preview") {
        button.setAttribute("data-label", button.textContent);
        button.textContent = "Checking…";
      }
    });
  });
})();
