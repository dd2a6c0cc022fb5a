/*
 * Test harness, not part of any commune site: records on `window.__dvcHost`
 * every Content-Security-Policy violation, uncaught error, failed resource and
 * console.error of the page, for test/components/hosts.test.ts to read (or,
 * cross-origin, for framed.js to post). Loaded first, as a classic script.
 */
(function () {
  var report = (window.__dvcHost = { violations: [], errors: [] });
  document.addEventListener(
    'securitypolicyviolation',
    function (event) {
      report.violations.push(
        event.effectiveDirective +
          ' blocked ' +
          (event.blockedURI || '(inline)') +
          ' at ' +
          event.sourceFile +
          ':' +
          event.lineNumber +
          ' ' +
          (event.sample || ''),
      );
    },
    true,
  );
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      report.errors.push(
        target && target !== window
          ? 'failed to load ' + (target.src || target.href)
          : 'error: ' + event.message + ' at ' + event.filename + ':' + event.lineno,
      );
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (event) {
    report.errors.push('unhandled rejection: ' + String(event.reason && (event.reason.stack || event.reason)));
  });
  var original = console.error;
  console.error = function () {
    report.errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
})();
