/*
 * Test harness, not part of any commune site: waits for the search widget's
 * results for "ket hon", opens "Đăng ký kết hôn" with a click, and posts what
 * it saw to the top window: results, the detail heading and whether it got
 * focus, and watch.js's violations and errors.
 */
(function () {
  var started = Date.now();
  var results = [];
  var clicked = false;
  var seenHeading = 0;
  function post(report) {
    report.source = 'dvc-host';
    report.origin = location.origin;
    report.results = results;
    report.violations = window.__dvcHost.violations;
    report.errors = window.__dvcHost.errors;
    window.top.postMessage(report, '*');
  }
  function poll() {
    var widget = document.querySelector('dvc-procedure-search');
    var root = widget && widget.shadowRoot;
    var heading = root && root.querySelector('#detail-heading');
    // Focus moves once the heading is painted, a moment after it appears: give it a second.
    if (heading && (root.activeElement === heading || Date.now() - (seenHeading = seenHeading || Date.now()) > 1000)) {
      return post({
        detail: heading.textContent.trim(),
        focused: root.activeElement === heading,
        defined: !!customElements.get('dvc-procedure-search'),
      });
    }
    var links = root ? root.querySelectorAll('[part="result"] h3 a') : [];
    if (!clicked && links.length && links[0].textContent.trim() === 'Đăng ký kết hôn') {
      results = Array.prototype.map.call(links, function (link) {
        return link.textContent.trim();
      });
      clicked = true;
      links[0].click();
    }
    if (!heading && Date.now() - started > 8000)
      return post({
        timeout: true,
        text: root ? root.textContent.replace(/\s+/g, ' ').slice(0, 300) : 'no shadow root',
      });
    setTimeout(poll, 50);
  }
  poll();
})();
