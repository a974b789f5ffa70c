// Live SMS segment count under the template body: GSM-7 (160/153) vs UCS-2 (70/67), as outreach/segments.py counts.
(function () {
  var BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var EXT = "\f^{}\\[~]|€";
  function count(text) {
    var gsm = true, units = 0, i, ch;
    for (i = 0; i < text.length; i++) {
      ch = text[i];
      if (BASIC.indexOf(ch) < 0 && EXT.indexOf(ch) < 0) { gsm = false; break; }
    }
    if (gsm) {
      for (i = 0; i < text.length; i++) units += EXT.indexOf(text[i]) >= 0 ? 2 : 1;
      return {enc: "GSM-7", units: units, parts: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153)};
    }
    units = text.length; // UTF-16 code units, as UCS-2 counts them
    return {enc: "UCS-2", units: units, parts: units <= 70 ? 1 : Math.ceil(units / 67)};
  }
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.getElementById("id_body");
    if (!body) return;
    var out = document.createElement("div");
    out.className = "help";
    out.setAttribute("aria-live", "polite");
    body.parentNode.appendChild(out);
    function update() {
      var c = count(body.value);
      out.textContent = c.parts + " SMS × " + c.enc + " (" + c.units + " characters)";
    }
    body.addEventListener("input", update);
    update();
  });
})();
