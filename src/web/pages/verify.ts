// The public verify page: a form (a URL, or pasted text) and, after a check, the chain hop by hop with each
// signer, whether its signature holds, and what each hop did. Works without JavaScript.
import type { Hop, Verification } from '../../c2pa/verify.ts';
import { html, type Html } from '../html.ts';
import { layout, type Chrome } from '../layout.ts';

const T = {
  en: {
    title: 'Check Content Credentials',
    intro: 'Paste the address of a page, or a text, to check its Content Credentials (C2PA): who signed it, whether it changed after signing, and where it came from.',
    url: 'Page address', text: 'Or paste the text', check: 'Check', result: 'Result', chain: 'Chain, from this version back to the original',
    signer: 'Signed by', trusted: 'trusted here', untrusted: 'not trusted here', valid: 'signature valid', invalid: 'signature broken', none: 'no manifest of its own (known by its address and hash)',
    actions: 'What this hop did', authors: 'Authors', translators: 'Translators', hash: 'Hash of the verbatim copy', size: 'Manifest store',
  },
  fr: {
    title: 'Vérifier les Content Credentials',
    intro: 'Collez l’adresse d’une page, ou un texte, pour vérifier ses Content Credentials (C2PA) : qui l’a signé, s’il a changé depuis, et d’où il vient.',
    url: 'Adresse de la page', text: 'Ou collez le texte', check: 'Vérifier', result: 'Résultat', chain: 'Chaîne, de cette version jusqu’à l’original',
    signer: 'Signé par', trusted: 'reconnu ici', untrusted: 'non reconnu ici', valid: 'signature valide', invalid: 'signature rompue', none: 'sans manifeste propre (connu par son adresse et son empreinte)',
    actions: 'Ce qu’a fait cette étape', authors: 'Auteurs', translators: 'Traducteurs', hash: 'Empreinte de la copie conservée', size: 'Magasin de manifestes',
  },
};

function hopItem(h: Hop, t: (typeof T)['en']): Html {
  return html`<li class="c2pa-hop">
<p><strong>${h.title ?? h.url ?? '?'}</strong>${h.language ? html` <span lang="${h.language}">(${h.language})</span>` : ''}${h.url ? html`<br><a href="${h.url}" rel="nofollow">${h.url}</a>` : ''}</p>
${h.signer ? html`<p>${t.signer} <strong>${h.signer.name}</strong> (${h.signer.trusted ? t.trusted : `${t.untrusted}: ${h.signer.problem}`}) · ${h.signatureValid ? t.valid : t.invalid}</p>` : html`<p>${t.none}</p>`}
${h.actions.length ? html`<p>${t.actions}:</p><ul>${h.actions.map((a) => html`<li><code>${a.action}</code>${a.detail ? ` — ${a.detail}` : ''}</li>`)}</ul>` : ''}
${h.authors.length ? html`<p>${t.authors}: ${h.authors.join(', ')}</p>` : ''}${h.translators.length ? html`<p>${t.translators}: ${h.translators.join(', ')}</p>` : ''}
${h.sha256 ? html`<p>${t.hash}: <code>${h.sha256}</code></p>` : ''}
</li>`;
}

export function renderVerify(chrome: Chrome, lang: string, input: { url?: string; text?: string }, result: { verification?: Verification; error?: string } | null): Html {
  const t = lang === 'fr' ? T.fr : T.en;
  const v = result?.verification;
  return layout(
    chrome,
    { lang, title: `${t.title} – ${chrome.site.name}`, description: t.intro, canonical: null, noindex: true, path: '/verify' },
    html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<form class="c2pa-verify" method="post" action="/verify${lang === 'fr' ? '' : `?lang=${lang}`}">
<p><label for="verify-url">${t.url}</label><br><input id="verify-url" name="url" type="url" size="60" value="${input.url ?? ''}"></p>
<p><label for="verify-text">${t.text}</label><br><textarea id="verify-text" name="text" rows="6" cols="60">${input.text ?? ''}</textarea></p>
<p><button type="submit">${t.check}</button></p>
</form>
${result ? html`<section class="c2pa-result" aria-labelledby="c2pa-result-heading"><h2 id="c2pa-result-heading">${t.result}</h2>
${result.error ? html`<p class="c2pa-error" role="alert">${result.error}</p>` : ''}
${v ? html`<p class="c2pa-status" data-status="${v.status}"><strong>${v.summary}</strong></p>
${v.failures.length ? html`<ul class="c2pa-failures">${v.failures.map((f) => html`<li><code>${f.code}</code>${f.explanation ? ` ${f.explanation}` : ''}</li>`)}</ul>` : ''}
${v.hops.length ? html`<h3>${t.chain}</h3><ol class="c2pa-chain">${v.hops.map((h) => hopItem(h, t))}</ol>` : ''}
${v.storeBytes ? html`<p>${t.size}: ${v.storeBytes} B</p>` : ''}` : ''}
</section>` : ''}`,
  );
}
