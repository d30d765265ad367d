// Relais copy attribution. When a reader copies a long passage of an article, appends
// "Read more at <article URL>#<token>" to what lands on the clipboard and reports the copy; when someone
// arrives with such a token in the URL, reports the visit once per browser session. Tokens are made and
// signed by the server (POST /copy/token), asked for as soon as the reader starts selecting in the article;
// a copy made before one arrives gets the line without a token and is not reported.
// Plain script, no dependencies: works under `script-src 'self'`. Served by src/follow/routes.ts.
(function () {
  'use strict';

  var TOKEN = /^[0-9A-Za-z]{16}\.[1-9a-z][0-9a-z]{0,10}\.[A-Za-z0-9_-]{16}$/;
  var READ_MORE = { fr: 'En savoir plus sur ', en: 'Read more at ' };
  var script = document.currentScript;
  // Endpoints relative to this script (/assets/relais-copy.js → /copy), so a site under a path prefix works.
  var base = script && script.src ? script.src : location.href;
  var COPY_URL = new URL('../copy', base).href;
  var VISIT_URL = new URL('../copy/visit', base).href;
  var TOKEN_URL = new URL('../copy/token', base).href;
  var ready = null;
  var asking = false;

  function send(url, data) {
    var body = JSON.stringify(data);
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
    } catch (e) {
      /* fall through to fetch */
    }
    try {
      fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'text/plain' } }).catch(function () {});
    } catch (e) {
      /* nothing else to try */
    }
  }

  function askToken(id) {
    if (ready || asking || !window.fetch) return;
    asking = true;
    fetch(TOKEN_URL, { method: 'POST', body: JSON.stringify({ articleId: id }), credentials: 'same-origin', headers: { 'content-type': 'text/plain' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) { if (j && typeof j.token === 'string' && TOKEN.test(j.token)) ready = j.token; })
      .catch(function () {})
      .then(function () { asking = false; });
  }

  function articleUrl(article) {
    try {
      var u = new URL(article.getAttribute('data-canonical-url') || location.href, location.href);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http');
      u.hash = '';
      return u.href;
    } catch (e) {
      return location.origin + location.pathname + location.search;
    }
  }

  function inArticle(selection, article) {
    for (var i = 0; i < selection.rangeCount; i++) {
      if (selection.getRangeAt(i).intersectsNode(article)) return true;
    }
    return false;
  }

  function selectionHtml(selection) {
    var box = document.createElement('div');
    for (var i = 0; i < selection.rangeCount; i++) box.appendChild(selection.getRangeAt(i).cloneContents());
    return box.innerHTML;
  }

  function onCopy(article, event) {
    if (event.defaultPrevented || !event.clipboardData) return;
    var target = event.target;
    if (target && target.closest && target.closest('input, textarea, [contenteditable]:not([contenteditable="false"])')) return;
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !inArticle(selection, article)) return;
    var text = selection.toString();
    var min = parseInt(article.getAttribute('data-copy-min') || '', 10);
    if (!(text.trim().length > (min >= 0 ? min : 80))) return;
    var id = parseInt(article.getAttribute('data-article-id') || '', 10);
    if (!(id > 0)) return;

    var token = ready;
    ready = null; // one token per copy: the next selection asks for another
    var link = articleUrl(article) + (token ? '#' + token : '');
    var lang = (article.getAttribute('data-lang') || document.documentElement.lang || '').toLowerCase().split('-')[0];
    var lead = READ_MORE[lang] || READ_MORE.en;

    var p = document.createElement('p');
    var a = document.createElement('a');
    a.href = link;
    a.textContent = link;
    p.appendChild(document.createTextNode(lead));
    p.appendChild(a);

    event.clipboardData.setData('text/plain', text.replace(/\s+$/, '') + '\n\n' + lead + link);
    event.clipboardData.setData('text/html', selectionHtml(selection) + '<br>' + p.outerHTML);
    event.preventDefault();
    if (token) send(COPY_URL, { token: token, articleId: id, chars: text.length });
  }

  function reportVisit() {
    var token = location.hash.slice(1);
    if (!TOKEN.test(token)) return;
    var key = 'relais-copy-visit:' + token;
    var seen = false;
    try {
      seen = sessionStorage.getItem(key) === '1';
      sessionStorage.setItem(key, '1');
    } catch (e) {
      /* storage disabled: report anyway, the server deduplicates too */
    }
    if (!seen) send(VISIT_URL, { token: token });
    // Drop the token from the address bar so that it is not shared on again.
    try {
      history.replaceState(history.state, '', location.pathname + location.search);
    } catch (e) {
      /* keep the hash */
    }
  }

  var article = document.querySelector('article.article[data-article-id]');
  if (article) {
    document.addEventListener('copy', function (event) { onCopy(article, event); });
    document.addEventListener('selectionchange', function () {
      var s = document.getSelection();
      var id = parseInt(article.getAttribute('data-article-id') || '', 10);
      if (s && !s.isCollapsed && id > 0 && inArticle(s, article)) askToken(id);
    });
  }
  reportVisit();
})();
