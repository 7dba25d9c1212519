// The editor page of guong (Decap CMS): the site's stylesheet in the preview, and values
// left empty dropped before saving (an empty optional field would fail `guong check`).
'use strict';
(function () {
  var page = document.currentScript.dataset;
  function isCollection(value) {
    return value !== null && typeof value === 'object' && typeof value.filter === 'function' && typeof value.toJS === 'function';
  }
  // Empty strings and nulls go; mappings left empty go; lists stay (an empty list may be required).
  function prune(value) {
    if (isCollection(value)) {
      var list = typeof value.push === 'function';
      var kept = value.map(prune).filter(function (item) { return item !== undefined; });
      return !list && kept.size === 0 ? undefined : kept;
    }
    return value === '' || value === null ? undefined : value;
  }
  if (page.stylesheet) CMS.registerPreviewStyle(page.stylesheet);
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) { return prune(event.entry.get('data')); },
  });
  var config = {};
  if (page.localBackend === 'true') {
    // guong serve answers Decap's local backend protocol on this very address.
    config.local_backend = { url: location.origin + '/api/v1', allowed_hosts: [location.hostname] };
  }
  CMS.init({ config: config });
})();
