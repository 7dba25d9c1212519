// The editor page of guong (Decap CMS): the site's stylesheet in the preview, values left
// empty dropped before saving (an empty optional field would fail `guong check`), and a date
// widget that reads both forms the content may write.
'use strict';
(function () {
  var page = document.currentScript.dataset;
  // Without Decap (offline, a blocked address, a wrong script_url) the page would stay blank:
  // say what failed and how to fix it.
  if (typeof window.CMS === 'undefined') {
    var notice = document.createElement('main');
    var title = document.createElement('h1');
    title.textContent = 'Không mở được trang biên tập';
    var why = document.createElement('p');
    why.textContent = 'Không tải được trình biên tập Decap CMS từ ' + page.scriptUrl +
      '. Hãy kiểm tra kết nối mạng rồi tải lại trang. Nếu mạng của cơ quan chặn địa chỉ đó: tải tệp về, ' +
      'đặt vào thư mục static/ của trang và ghi địa chỉ của nó vào cms.script_url trong site.yml.';
    notice.appendChild(title);
    notice.appendChild(why);
    document.body.appendChild(notice);
    return;
  }
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
  // Dates are written YYYY-MM-DD or DD/MM/YYYY (day and month of one or two digits). Decap's
  // own datetime widget reads 05/03/2023 as May 3rd, so a date picked there could be saved in
  // the wrong month. This one shows either form in the browser's date picker, leaves a date
  // nobody touched as written, and saves a picked date as YYYY-MM-DD.
  function isoDate(value) {
    var text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value == null ? '' : value).trim();
    var dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (dayFirst) text = dayFirst[3] + '-' + ('0' + dayFirst[2]).slice(-2) + '-' + ('0' + dayFirst[1]).slice(-2);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '';
  }
  var DateControl = createClass({
    render: function () {
      var props = this.props;
      return h('input', {
        type: 'date',
        id: props.forID,
        className: props.classNameWrapper,
        value: isoDate(props.value),
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      });
    },
  });
  var DatePreview = createClass({
    render: function () { return h('span', null, String(this.props.value == null ? '' : this.props.value)); },
  });
  CMS.registerWidget(page.dateWidget, DateControl, DatePreview);
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
