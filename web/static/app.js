// rubricate: small enhancements. Every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var MAX_CHARS = 50000;
  var wordRe = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

  function countWords(text) {
    var m = text.match(wordRe);
    return m ? m.length : 0;
  }

  function formatNumber(n) {
    return n.toLocaleString("en-GB");
  }

  // The word target: the chosen question's (home) or the box's own (revise).
  function targetFor(box) {
    var form = box.form;
    var checked = form && form.querySelector("input[name=rubric]:checked");
    var words = checked ? checked.getAttribute("data-words") : box.getAttribute("data-words");
    var n = parseInt(words || "0", 10);
    return isNaN(n) ? 0 : n;
  }

  function updateCount(box) {
    var out = document.getElementById(box.getAttribute("data-wordcount"));
    if (!out) {
      return;
    }
    var text = box.value;
    var words = countWords(text);
    var target = targetFor(box);
    var msg = words === 1 ? "1 word" : formatNumber(words) + " words";
    if (target > 0) {
      msg += " (aim for about " + formatNumber(target) + ")";
    }
    out.classList.remove("over");
    if (text.length > MAX_CHARS * 0.9) {
      var chars = Array.from(text).length;
      if (chars > MAX_CHARS) {
        msg += ". Too long: " + formatNumber(chars) + " characters, and the limit is " +
          formatNumber(MAX_CHARS) + ". Check one essay at a time, or split it into parts.";
        out.classList.add("over");
      }
    }
    out.textContent = msg;
  }

  document.querySelectorAll("textarea[data-wordcount]").forEach(function (box) {
    var timer = 0;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { updateCount(box); }, 120);
    });
    if (box.form) {
      box.form.querySelectorAll("input[name=rubric]").forEach(function (r) {
        r.addEventListener("change", function () { updateCount(box); });
      });
    }
    updateCount(box);
  });

  // Reading a chosen file into the box, so the student sees what is checked.
  // Plain text is read here; Word, OpenDocument, Rich Text and PDF files by
  // the server, which sends back their text and keeps nothing.
  var MAX_FILE = 8 * 1024 * 1024;
  document.querySelectorAll("input[type=file][data-into]").forEach(function (input) {
    var box = document.getElementById(input.getAttribute("data-into"));
    var status = document.getElementById(input.getAttribute("data-status"));
    var error = document.getElementById(input.getAttribute("data-error"));
    function say(ok, msg) {
      status.textContent = ok ? msg : "";
      error.textContent = ok ? "" : msg;
    }
    function loaded(name, text) {
      box.value = text;
      input.value = "";
      say(true, "Read “" + name + "” into the box above. Look it over, then press Check my essay.");
      updateCount(box);
      box.focus();
    }
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file || !box) {
        return;
      }
      if (file.size > MAX_FILE) {
        input.value = "";
        say(false, "“" + file.name + "” is larger than 8 MB. Save the essay without pictures, or copy and paste its text into the box.");
        return;
      }
      if (/\.(txt|md|markdown|text)$/i.test(file.name)) {
        file.text().then(function (text) {
          loaded(file.name, text.replace(/^\uFEFF/, ""));
        }, function () {
          say(false, "That file could not be read. Copy and paste the essay into the box instead.");
        });
        return;
      }
      say(true, "Reading “" + file.name + "”…");
      var data = new FormData();
      data.append("file", file);
      fetch("/essay-file", { method: "POST", body: data, headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (res) {
          return res.json().then(function (body) {
            if (!res.ok) {
              throw new Error(body && body.error && body.error.message || "That file could not be read.");
            }
            loaded(body.file, body.text);
          });
        })
        .catch(function (err) {
          input.value = "";
          say(false, err.message || "That file could not be read. Copy and paste the essay into the box instead.");
        });
    });
  });

  // Never lose a draft. The feedback page is the answer to a form, which
  // Back and reload would have to send again; it gives itself the address
  // "/check" instead, and this tab keeps the essay it checked and the
  // revise box's text (in sessionStorage: in this browser, never on the
  // server, gone when the tab closes). "/check" checks that draft again.
  var DRAFT = "rubricate-draft";
  function tabStore() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }
  function savedDraft(store) {
    try {
      return JSON.parse(store.getItem(DRAFT) || "null");
    } catch (e) {
      return null;
    }
  }
  var keep = document.querySelector("form[data-keep]");
  var store = tabStore();
  if (keep && store) {
    var revise = keep.querySelector("textarea[name=essay]");
    var draft = {
      rubric: keep.querySelector("input[name=rubric]").value,
      previous: keep.querySelector("input[name=previous]").value,
      essay: revise.defaultValue,
      revised: null
    };
    var saved = savedDraft(store);
    if (saved && saved.essay === draft.essay && saved.rubric === draft.rubric && typeof saved.revised === "string") {
      revise.value = draft.revised = saved.revised;
      updateCount(revise);
    }
    var forgotten = false;
    var save = function () {
      if (!forgotten) {
        try {
          store.setItem(DRAFT, JSON.stringify(draft));
        } catch (e) { /* storage full or refused: the page still works */ }
      }
    };
    save();
    revise.addEventListener("input", function () {
      draft.revised = revise.value;
      save();
    });
    if (window.history && history.replaceState) {
      history.replaceState(null, "", "/check");
    }
    var forget = document.getElementById("forget-draft");
    if (forget) {
      forget.addEventListener("click", function () {
        forgotten = true;
        store.removeItem(DRAFT);
        document.getElementById("forget-status").textContent =
          "This tab no longer keeps your draft or the marks of your drafts: Back and reload will not bring them back.";
      });
    }
  }
  // The marks of this tab's drafts of a question, oldest first: no essay
  // text, only what each draft scored, so a student sees their progress.
  var HISTORY = "rubricate-history";
  var history_ = document.getElementById("history");
  if (history_ && store && keep) {
    var hash = function (text) {
      var h = 0;
      for (var i = 0; i < text.length; i++) {
        h = (h * 31 + text.charCodeAt(i)) | 0;
      }
      return String(h);
    };
    var all;
    try {
      all = JSON.parse(store.getItem(HISTORY) || "{}") || {};
    } catch (e) {
      all = {};
    }
    var rubric = history_.getAttribute("data-rubric");
    var drafts = all[rubric] || [];
    var id = hash(draft.essay);
    if (!drafts.some(function (d) { return d.id === id; })) {
      drafts.push({
        id: id,
        level: history_.getAttribute("data-level"),
        points: history_.getAttribute("data-points"),
        max: history_.getAttribute("data-max"),
        words: history_.getAttribute("data-words")
      });
      all[rubric] = drafts.slice(-20);
      try {
        store.setItem(HISTORY, JSON.stringify(all));
      } catch (e) { /* storage full or refused: no history */ }
    }
    if (drafts.length > 1) {
      var list = history_.querySelector(".history-list");
      drafts.forEach(function (d, i) {
        var li = document.createElement("li");
        li.textContent = "Draft " + (i + 1) + ": level " + d.level + ", " + d.points + " of " + d.max + " marks, " + d.words + " words" + (d.id === id ? " (this one)" : "");
        list.appendChild(li);
      });
      history_.hidden = false;
    }
    var forgetHistory = document.getElementById("forget-draft");
    if (forgetHistory) {
      forgetHistory.addEventListener("click", function () {
        store.removeItem(HISTORY);
        history_.hidden = true;
      });
    }
  }
  var restore = document.querySelector("form[data-restore]");
  if (restore) {
    var kept = store && savedDraft(store);
    if (kept && kept.essay && kept.rubric) {
      restore.querySelector("input[name=rubric]").value = kept.rubric;
      restore.querySelector("input[name=essay]").value = kept.essay;
      restore.querySelector("input[name=previous]").value = kept.previous || "";
      restore.submit();
    } else {
      document.getElementById("restore-status").textContent = "";
      document.querySelector(".restore-none").classList.add("shown");
    }
  }

  // One press of a submit button: show that the check is under way.
  document.querySelectorAll("form[action='/check']").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.setAttribute("data-label", button.textContent);
        button.textContent = "Checking…";
        button.disabled = true;
      }
    });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[data-label]").forEach(function (button) {
      button.textContent = button.getAttribute("data-label");
      button.disabled = false;
    });
  });

  // What a highlight means, in a bar at the foot of the screen, on hover,
  // focus or tap.
  var bar = document.getElementById("tipbar");
  if (bar) {
    var show = function (e) {
      var tip = e.target.closest && e.target.closest("mark[data-tip]");
      if (!tip) {
        return;
      }
      bar.textContent = tip.getAttribute("data-tip");
      bar.hidden = false;
    };
    var hide = function (e) {
      if (e.target.closest && e.target.closest("mark[data-tip]")) {
        bar.hidden = true;
      }
    };
    var essay = document.getElementById("essay-marked");
    essay.addEventListener("mouseover", show);
    essay.addEventListener("focusin", show);
    essay.addEventListener("mouseout", hide);
    essay.addEventListener("focusout", hide);
    // The bar replaces the native tooltip, which would say the same twice.
    essay.querySelectorAll("mark[title]").forEach(function (m) {
      m.setAttribute("data-tip", m.getAttribute("title"));
      m.removeAttribute("title");
    });
  }
})();
