/* Adds the cross-origin iframe: framed.html served by the origin given as ?cross=. */
(function () {
  var cross = new URLSearchParams(location.search).get('cross');
  if (!cross) return;
  var frame = document.createElement('iframe');
  frame.id = 'cross-origin';
  frame.title = 'Tra cứu thủ tục (nguồn khác)';
  frame.width = '800';
  frame.height = '600';
  frame.src = new URL('/hosts/framed.html', cross).href;
  document.body.appendChild(frame);
})();
