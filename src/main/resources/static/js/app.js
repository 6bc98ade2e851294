// After an action, the page's message about it (saved, refused, sent for review) takes the focus, so that
// the keyboard and a screen reader start there, not at the top of the page. A page opened at an anchor (a
// button that changed one part) stays there.
document.addEventListener('DOMContentLoaded', function () {
  var message = document.querySelector('[data-oiv-focus]');
  if (message && !window.location.hash) {
    message.focus();
  }
});

// Long text fields show how much of their limit is used ("1.234 di 10.000 caratteri"), under the field; the
// words come from the page (meta oiv-counter). A screen reader hears the count when it nears the limit only.
document.addEventListener('DOMContentLoaded', function () {
  var words = document.querySelector('meta[name="oiv-counter"]');
  if (!words) {
    return;
  }
  var number = function (n) { return n.toLocaleString(document.documentElement.lang || 'it'); };
  Array.prototype.forEach.call(document.querySelectorAll('textarea[maxlength]'), function (field) {
    var max = parseInt(field.getAttribute('maxlength'), 10);
    var counter = document.createElement('small');
    counter.className = 'form-text oiv-counter d-block text-end';
    counter.id = field.id + '-counter';
    field.parentNode.insertBefore(counter, field.nextSibling);
    var update = function () {
      var used = field.value.length;
      counter.textContent = words.content.replace('{0}', number(used)).replace('{1}', number(max));
      counter.setAttribute('aria-live', used > max * 0.9 ? 'polite' : 'off');
    };
    field.addEventListener('input', update);
    update();
  });
});

// Evidence uploads, enhanced: each chosen file is sent on its own as the request body, with a progress
// bar, and checked by the server as it arrives (size, type, limits); the form then attaches them all at
// once by the tokens the server gave. Without this script the form sends the files itself, as multipart.
(function () {
  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (match, index) { return values[index]; });
  }

  function csrfHeaders(xhr) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      xhr.setRequestHeader(header.content, token.content);
    }
  }

  function submitButtons(form) {
    var inside = Array.prototype.slice.call(form.querySelectorAll('button[type="submit"]'));
    var outside = form.id ? Array.prototype.slice.call(document.querySelectorAll('button[form="' + form.id + '"]')) : [];
    return inside.concat(outside);
  }

  function panelFor(form, input) {
    var panel = document.getElementById(input.id + '-progress');
    if (!panel) {
      panel = document.createElement('div');
      panel.id = input.id + '-progress';
      panel.className = 'oiv-upload-progress my-2';
      panel.setAttribute('aria-live', 'polite');
      var hint = input.getAttribute('aria-describedby') && document.getElementById(input.getAttribute('aria-describedby'));
      var after = hint || input;
      after.parentNode.insertBefore(panel, after.nextSibling);
    }
    panel.textContent = '';
    return panel;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.getAttribute('data-upload-url') || !window.XMLHttpRequest || form.getAttribute('data-uploading')) {
      return;
    }
    var inputs = Array.prototype.filter.call(form.elements, function (e) { return e.type === 'file' && !e.disabled; });
    var files = [];
    inputs.forEach(function (input) { Array.prototype.push.apply(files, input.files); });
    if (files.length === 0) {
      return; // the server says that a file is needed
    }
    event.preventDefault();
    var panel = panelFor(form, inputs[0]);
    var buttons = submitButtons(form);

    function fail(message) {
      panel.textContent = ''; // the progress of files that will not be attached would only confuse
      var alert = document.createElement('div');
      alert.className = 'alert alert-danger py-2 mt-2';
      alert.setAttribute('role', 'alert');
      var what = document.createElement('p');
      what.className = 'mb-1';
      what.textContent = message;
      var nothing = document.createElement('p');
      nothing.className = 'mb-0 small';
      nothing.textContent = form.getAttribute('data-msg-nothing');
      alert.appendChild(what);
      alert.appendChild(nothing);
      panel.appendChild(alert);
      form.removeAttribute('data-uploading');
      buttons.forEach(function (b) { b.disabled = false; });
    }

    var max = Number(form.getAttribute('data-max-size'));
    var tooLarge = files.filter(function (f) { return f.size > max; })[0];
    if (tooLarge) {
      fail(format(form.getAttribute('data-msg-too-large'), [tooLarge.name]));
      return;
    }
    form.setAttribute('data-uploading', 'true');
    buttons.forEach(function (b) { b.disabled = true; });
    var tokens = [];

    (function send(index) {
      if (index === files.length) {
        tokens.forEach(function (token) {
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'staged';
          hidden.value = token;
          form.appendChild(hidden);
        });
        inputs.forEach(function (input) { input.disabled = true; });
        var attaching = document.createElement('p');
        attaching.className = 'small mb-0';
        attaching.textContent = form.getAttribute('data-msg-attaching');
        panel.appendChild(attaching);
        form.submit();
        return;
      }
      var file = files[index];
      var row = document.createElement('div');
      row.className = 'oiv-upload-file';
      var label = document.createElement('p');
      label.className = 'small mb-0';
      label.textContent = format(form.getAttribute('data-msg-sending'), [file.name]);
      var bar = document.createElement('progress');
      bar.className = 'w-100';
      bar.max = file.size || 1;
      bar.value = 0;
      bar.setAttribute('aria-label', label.textContent);
      row.appendChild(label);
      row.appendChild(bar);
      panel.appendChild(row);

      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('data-upload-url') + '?name=' + encodeURIComponent(file.name));
      csrfHeaders(xhr);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = e.loaded;
        }
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (ignored) {
          body = null;
        }
        if (xhr.status === 201 && body && body.token) {
          tokens.push(body.token);
          bar.value = bar.max;
          label.textContent = format(form.getAttribute('data-msg-received'), [body.fileName, body.sizeLabel]);
          send(index + 1);
        } else {
          fail(body && body.message ? body.message : format(form.getAttribute('data-msg-failed'), [file.name]));
        }
      });
      xhr.addEventListener('error', function () {
        fail(format(form.getAttribute('data-msg-failed'), [file.name]));
      });
      xhr.send(file);
    })(0);
  });

  // Back to a page whose upload had started (the browser's page cache): its controls work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-uploading]').forEach(function (form) {
      form.removeAttribute('data-uploading');
      Array.prototype.forEach.call(form.elements, function (e) { e.disabled = false; });
      form.querySelectorAll('input[name="staged"]').forEach(function (e) { e.remove(); });
    });
  });
})();

// Leaving a page whose form has changes not yet saved asks first (the browser's own question): typing a
// long motivation and then following a link would otherwise lose it. A page shown with unsaved changes
// (recovered after an expired session, say) starts that way.
(function () {
  function mark(event) {
    var form = event.target && event.target.form;
    if (form && form.hasAttribute('data-warn-unsaved')) {
      form.setAttribute('data-dirty', 'true');
    }
  }
  document.addEventListener('input', mark);
  document.addEventListener('change', mark);
  document.addEventListener('submit', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-warn-unsaved')) {
      event.target.removeAttribute('data-dirty');
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (document.querySelector('form[data-warn-unsaved][data-dirty]')) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();

// A form is sent once: a second click while the first is on its way (a double click on Salva) would send
// the same save again. The buttons are disabled only after the browser has taken the clicked one's value.
(function () {
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.method || form.method.toLowerCase() !== 'post') {
      return;
    }
    if (form.hasAttribute('data-sending')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sending', 'true');
    window.setTimeout(function () {
      form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });
  // Back to the page from the browser's cache: its buttons work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (form) {
      form.removeAttribute('data-sending');
      form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach(function (button) {
        button.disabled = false;
      });
    });
  });
})();
