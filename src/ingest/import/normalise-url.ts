// Two links to the same original must be recognised as one: drop fragments, tracking parameters,
// default ports and trailing "index.html".
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|xtor|at_medium|at_campaign)$/i;

export function normaliseUrl(input: string): string {
  const u = new URL(input);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.hostname = u.hostname.toLowerCase();
  if (u.pathname.endsWith('/index.html') || u.pathname.endsWith('/index.php')) u.pathname = u.pathname.replace(/index\.(html|php)$/, '');
  return u.href;
}
