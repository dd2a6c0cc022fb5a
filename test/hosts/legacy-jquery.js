/*
 * The scripts of a legacy commune CMS, in the style of its jQuery-era plugins
 * (our own stand-in for jQuery 1.x, a "smooth scroll" plugin, an ASP.NET
 * "no submit on Enter" fix, an AMD loader and a bundler's `process` shim):
 * the globals and habits that break embedded widgets. Classic script, loaded
 * in <head> before the widgets.
 */

// A tiny jQuery: global `$` and `jQuery`, delegated events through `event.target`, as jQuery 1.x does.
var jQuery = (function (window, document) {
  function Wrapped(nodes) {
    this.length = nodes.length;
    for (var i = 0; i < nodes.length; i++) this[i] = nodes[i];
  }
  function $(selector) {
    if (typeof selector === 'function') {
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', selector);
      else selector();
      return undefined;
    }
    if (typeof selector === 'string') return new Wrapped(document.querySelectorAll(selector));
    return new Wrapped([selector]);
  }
  Wrapped.prototype.each = function (callback) {
    for (var i = 0; i < this.length; i++) callback.call(this[i], i, this[i]);
    return this;
  };
  // .on(type, selector, handler): delegation walks up from event.target and tests each ancestor.
  Wrapped.prototype.on = function (type, selector, handler) {
    return this.each(function () {
      this.addEventListener(type, function (event) {
        for (var node = event.target; node && node !== this && node.nodeType === 1; node = node.parentNode) {
          if (node.matches(selector) && handler.call(node, event) === false) {
            event.preventDefault();
            event.stopPropagation();
            return;
          }
        }
      });
    });
  };
  Wrapped.prototype.addClass = function (name) {
    return this.each(function () {
      this.className += ' ' + name;
    });
  };
  $.fn = Wrapped.prototype;
  window.$ = $;
  return $;
})(window, document);

// "Smooth scroll" plugin: swallows every link and button click in the content area.
$(document).on('click', '.content a, .content button', function (event) {
  event.preventDefault();
  window.__legacyClicksSwallowed = (window.__legacyClicksSwallowed || 0) + 1;
});
// The same, by hand, in the capture phase, as an analytics snippet does.
document.addEventListener(
  'click',
  function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('.content a, .content button')) event.preventDefault();
  },
  true,
);
// ASP.NET WebForms fix: Enter in a text box must not submit the page's one big form.
$(document).on('keypress', '.content input', function (event) {
  if (event.which === 13 || event.keyCode === 13) return false;
});

// Prototype.js/MooTools habits: enumerable methods on Array.prototype, one of them replacing a built-in.
Array.prototype.contains = function (item) {
  return this.indexOf(item) !== -1;
};
Array.prototype.remove = function (item) {
  var index = this.indexOf(item);
  if (index !== -1) this.splice(index, 1);
  return this;
};
Array.prototype.forEach = function (callback, thisArg) {
  for (var i = 0; i < this.length; i++) if (i in this) callback.call(thisArg, this[i], i, this);
};

// An AMD loader (RequireJS-style), so UMD bundles call `define` instead of exporting.
var define = function (name, deps, factory) {
  window.__amdDefined = (window.__amdDefined || 0) + 1;
  if (typeof name !== 'string') {
    factory = deps;
    deps = name;
  }
  if (typeof deps === 'function') factory = deps;
  return typeof factory === 'function' ? factory() : factory;
};
define.amd = { jQuery: true };
var require = function (deps, callback) {
  if (typeof callback === 'function') setTimeout(callback, 0);
};
var requirejs = require;

// A bundler's `process` shim, left global by the theme's build: libraries think they are in Node.
var process = {
  env: { NODE_ENV: 'development' },
  browser: true,
  title: 'browser',
  argv: [],
  version: '',
  versions: {},
  nextTick: function (fn) {
    setTimeout(fn, 0);
  },
};

$(function () {
  $('body').addClass('js-ready');
});
