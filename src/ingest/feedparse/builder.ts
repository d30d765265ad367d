// Builds the feed record from XML events. The element semantics (which RSS/Atom/RDF/CDF element and
// which extension maps to which field, and the many lenient rules around them) follow Universal Feed
// Parser's well-tested behaviour so that our results can be checked against its test corpus.
// The record produced here is an internal, feedparser-shaped dictionary; model.ts turns it into Relais'
// ParsedFeed.
import { decodeHTMLStrict } from 'entities';
import { parseFeedDate } from './dates.ts';
import { fixC1 } from './decode.ts';
import { sanitizeFeedHtml } from './sanitize.ts';
import { ACCEPTABLE_ELEMENTS } from './sanitize-lists.ts';
import { makeSafeAbsoluteUri, urljoin } from './urls.ts';
import type { XmlAttr, XmlHandler } from './xml.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Dict = Record<string, any>;
type Frame = [string, boolean, string[]];

export const KNOWN_NAMESPACES: Record<string, string> = {
  '': '', 'http://backend.userland.com/rss': '', 'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0/': '', 'http://my.netscape.com/rdf/simple/0.9/': '', 'http://example.com/newformat#': '',
  'http://example.com/necho': '', 'http://purl.org/echo/': '', 'uri/of/echo/namespace#': '', 'http://purl.org/pie/': '',
  'http://purl.org/atom/ns#': '', 'http://www.w3.org/2005/Atom': '', 'http://purl.org/rss/1.0/modules/rss091#': '',
  'http://webns.net/mvcb/': 'admin', 'http://purl.org/rss/1.0/modules/aggregation/': 'ag',
  'http://purl.org/rss/1.0/modules/annotate/': 'annotate', 'http://media.tangent.org/rss/1.0/': 'audio',
  'http://backend.userland.com/blogChannelModule': 'blogChannel', 'http://creativecommons.org/ns#license': 'cc',
  'http://web.resource.org/cc/': 'cc', 'http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html': 'creativeCommons',
  'http://backend.userland.com/creativeCommonsRssModule': 'creativeCommons', 'http://purl.org/rss/1.0/modules/company': 'co',
  'http://purl.org/rss/1.0/modules/content/': 'content', 'http://my.theinfo.org/changed/1.0/rss/': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc', 'http://purl.org/dc/terms/': 'dcterms', 'http://purl.org/rss/1.0/modules/email/': 'email',
  'http://purl.org/rss/1.0/modules/event/': 'ev', 'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://freshmeat.net/rss/fm/': 'fm', 'http://xmlns.com/foaf/0.1/': 'foaf', 'http://www.w3.org/2003/01/geo/wgs84_pos#': 'geo',
  'http://www.georss.org/georss': 'georss', 'http://www.opengis.net/gml': 'gml', 'http://postneo.com/icbm/': 'icbm',
  'http://purl.org/rss/1.0/modules/image/': 'image', 'http://www.itunes.com/DTDs/PodCast-1.0.dtd': 'itunes',
  'http://example.com/DTDs/PodCast-1.0.dtd': 'itunes', 'http://purl.org/rss/1.0/modules/link/': 'l',
  'http://search.yahoo.com/mrss': 'media', 'http://search.yahoo.com/mrss/': 'media',
  'http://madskills.com/public/xml/rss/module/pingback/': 'pingback', 'http://prismstandard.org/namespaces/1.2/basic/': 'prism',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf', 'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
  'http://purl.org/rss/1.0/modules/reference/': 'ref', 'http://purl.org/rss/1.0/modules/richequiv/': 'reqv',
  'http://purl.org/rss/1.0/modules/search/': 'search', 'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://schemas.xmlsoap.org/soap/envelope/': 'soap', 'http://purl.org/rss/1.0/modules/servicestatus/': 'ss',
  'http://hacks.benhammersley.com/rss/streaming/': 'str', 'http://purl.org/rss/1.0/modules/subscription/': 'sub',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy', 'http://schemas.pocketsoap.com/rss/myDescModule/': 'szf',
  'http://purl.org/rss/1.0/modules/taxonomy/': 'taxo', 'http://purl.org/rss/1.0/modules/threading/': 'thr',
  'http://purl.org/rss/1.0/modules/textinput/': 'ti', 'http://madskills.com/public/xml/rss/module/trackback/': 'trackback',
  'http://wellformedweb.org/commentAPI/': 'wfw', 'http://purl.org/rss/1.0/modules/wiki/': 'wiki',
  'http://www.w3.org/1999/xhtml': 'xhtml', 'http://www.w3.org/1999/xlink': 'xlink',
  'http://www.w3.org/XML/1998/namespace': 'xml', 'http://podlove.org/simple-chapters': 'psc',
};
const MATCH_NS: Record<string, string> = Object.fromEntries(Object.entries(KNOWN_NAMESPACES).map(([k, v]) => [k.toLowerCase(), v]));
const CAN_BE_RELATIVE_URI = new Set(['comments', 'docs', 'href', 'icon', 'id', 'link', 'logo', 'url', 'wfw_comment', 'wfw_commentrss']);
const CAN_CONTAIN_MARKUP = new Set(['content', 'copyright', 'description', 'info', 'rights', 'subtitle', 'summary', 'tagline', 'title']);
const HTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);
const HTML_ELEMENTS = new Set(ACCEPTABLE_ELEMENTS);
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const EMAIL_RE = /(([a-zA-Z0-9_\-.+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?/;

export function mapContentType(t: string | undefined | null): string {
  const ct = (t ?? '').toLowerCase();
  if (ct === 'text' || ct === 'plain') return 'text/plain';
  if (ct === 'html') return 'text/html';
  if (ct === 'xhtml') return 'application/xhtml+xml';
  return ct;
}

export function looksLikeHtml(s: string): boolean {
  if (!(/<\/(\w+)>/.test(s) || /&#?\w+;/.test(s))) return false;
  for (const m of s.matchAll(/<\/?(\w+)/g)) if (!HTML_ELEMENTS.has(m[1].toLowerCase())) return false;
  for (const m of s.matchAll(/&(\w+);/g)) if (decodeHTMLStrict(`&${m[1]};`) === `&${m[1]};`) return false;
  return true;
}

/** Repairs UTF-8 that was decoded as ISO-8859-1 somewhere upstream (only when the result is valid UTF-8). */
function repairDoubleDecoded(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  try { return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(s, 'latin1')); } catch { return s; }
}

function b64decode(s: string): string | null {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  try { return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(clean, 'base64')); } catch { return null; }
}

function parsePscStart(start: string | undefined): number | null {
  const m = /^((\d{2}):)?(\d{2}):(\d{2})(\.(\d{3}))?$/.exec(start ?? '');
  if (!m) return null;
  return Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]) + Number(m[6] ?? 0) / 1000;
}

function geoCoords(value: string, swap = true, dims = 2): number[][] | null {
  const parts = value.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const nums = parts.map(Number);
  if (nums.some((n) => Number.isNaN(n))) return null;
  const out: number[][] = [];
  for (let i = 0; i + 1 < nums.length; i += dims === 3 ? 3 : 2) {
    const t = swap ? [nums[i + 1], nums[i]] : [nums[i], nums[i + 1]];
    if (dims === 3) { if (i + 2 >= nums.length) break; t.push(nums[i + 2]); }
    out.push(t);
  }
  return out;
}
const geoPoint = (v: string, swap = true, dims = 2): Dict | null => { const c = geoCoords(v, swap, dims); return c && c.length ? { type: 'Point', coordinates: c[0] } : null; };
const geoLine = (v: string, swap = true, dims = 2): Dict | null => { const c = geoCoords(v, swap, dims); return c ? { type: 'LineString', coordinates: c } : null; };
const geoPolygon = (v: string): Dict | null => { const c = geoCoords(v); return c && c.length >= 4 ? { type: 'Polygon', coordinates: [c] } : null; };
// Geographic CRSs (EPSG codes) whose axis order is lat/long: their coordinates are swapped to GeoJSON order.
const GEOG_CS = new Set<number>([
  3819, 3821, 3824, 3889, 3906, 4001, 4002, 4003, 4004, 4005, 4006, 4007, 4008, 4009, 4010, 4011, 4012, 4013,
  4014, 4015, 4016, 4018, 4019, 4020, 4021, 4022, 4023, 4024, 4025, 4027, 4028, 4029, 4030, 4031, 4032, 4033,
  4034, 4035, 4036, 4041, 4042, 4043, 4044, 4045, 4046, 4047, 4052, 4053, 4054, 4055, 4075, 4081, 4120, 4121,
  4122, 4123, 4124, 4125, 4126, 4127, 4128, 4129, 4130, 4131, 4132, 4133, 4134, 4135, 4136, 4137, 4138, 4139,
  4140, 4141, 4142, 4143, 4144, 4145, 4146, 4147, 4148, 4149, 4150, 4151, 4152, 4153, 4154, 4155, 4156, 4157,
  4158, 4159, 4160, 4161, 4162, 4163, 4164, 4165, 4166, 4167, 4168, 4169, 4170, 4171, 4172, 4173, 4174, 4175,
  4176, 4178, 4179, 4180, 4181, 4182, 4183, 4184, 4185, 4188, 4189, 4190, 4191, 4192, 4193, 4194, 4195, 4196,
  4197, 4198, 4199, 4200, 4201, 4202, 4203, 4204, 4205, 4206, 4207, 4208, 4209, 4210, 4211, 4212, 4213, 4214,
  4215, 4216, 4218, 4219, 4220, 4221, 4222, 4223, 4224, 4225, 4226, 4227, 4228, 4229, 4230, 4231, 4232, 4233,
  4234, 4235, 4236, 4237, 4238, 4239, 4240, 4241, 4242, 4243, 4244, 4245, 4246, 4247, 4248, 4249, 4250, 4251,
  4252, 4253, 4254, 4255, 4256, 4257, 4258, 4259, 4260, 4261, 4262, 4263, 4264, 4265, 4266, 4267, 4268, 4269,
  4270, 4271, 4272, 4273, 4274, 4275, 4276, 4277, 4278, 4279, 4280, 4281, 4282, 4283, 4284, 4285, 4286, 4287,
  4288, 4289, 4291, 4292, 4293, 4294, 4295, 4296, 4297, 4298, 4299, 4300, 4301, 4302, 4303, 4304, 4306, 4307,
  4308, 4309, 4310, 4311, 4312, 4313, 4314, 4315, 4316, 4317, 4318, 4319, 4322, 4324, 4326, 4463, 4470, 4475,
  4483, 4490, 4555, 4558, 4600, 4601, 4602, 4603, 4604, 4605, 4606, 4607, 4608, 4609, 4610, 4611, 4612, 4613,
  4614, 4615, 4616, 4617, 4618, 4619, 4620, 4621, 4622, 4623, 4624, 4625, 4626, 4627, 4628, 4629, 4630, 4631,
  4632, 4633, 4634, 4635, 4636, 4637, 4638, 4639, 4640, 4641, 4642, 4643, 4644, 4645, 4646, 4657, 4658, 4659,
  4660, 4661, 4662, 4663, 4664, 4665, 4666, 4667, 4668, 4669, 4670, 4671, 4672, 4673, 4674, 4675, 4676, 4677,
  4678, 4679, 4680, 4681, 4682, 4683, 4684, 4685, 4686, 4687, 4688, 4689, 4690, 4691, 4692, 4693, 4694, 4695,
  4696, 4697, 4698, 4699, 4700, 4701, 4702, 4703, 4704, 4705, 4706, 4707, 4708, 4709, 4710, 4711, 4712, 4713,
  4714, 4715, 4716, 4717, 4718, 4719, 4720, 4721, 4722, 4723, 4724, 4725, 4726, 4727, 4728, 4729, 4730, 4731,
  4732, 4733, 4734, 4735, 4736, 4737, 4738, 4739, 4740, 4741, 4742, 4743, 4744, 4745, 4746, 4747, 4748, 4749,
  4750, 4751, 4752, 4753, 4754, 4755, 4756, 4757, 4758, 4759, 4760, 4761, 4762, 4763, 4764, 4765, 4801, 4802,
  4803, 4804, 4805, 4806, 4807, 4808, 4809, 4810, 4811, 4813, 4814, 4815, 4816, 4817, 4818, 4819, 4820, 4821,
  4823, 4824, 4901, 4902, 4903, 4904, 4979
]);

export class FeedBuilder implements XmlHandler {
  feeddata: Dict = {};
  entries: Dict[] = [];
  version = '';
  /** A channel/feed element was seen (CDF and some odd feeds have no version). */
  sawFeedElement = false;
  namespacesInUse: Record<string, string> = {};
  private infeed = 0; private inentry = 0; private incontent = 0; private intextinput = 0; private inimage = 0;
  private inauthor = 0; private incontributor = 0; private inpublisher = 0; private insource = 0;
  private sourcedata: Dict = {};
  private contentparams: Dict = {};
  private summaryKey: string | null = null;
  private namespacemap: Record<string, string> = {};
  private elementstack: Frame[] = [];
  private basestack: string[] = [];
  private langstack: (string | null)[] = [];
  private svgOK = 0; private titleDepth = -1; private depth = 0; private hasContent = 0;
  private guidislink = false; private pscChaptersFlag = false;
  private propertyDepth = new WeakMap<Dict, Record<string, number>>();
  private baseuri: string;
  private lang: string | null;
  private decls: Dict = {};
  private inGeometry = '';
  private starts: Record<string, (a: Dict) => void> = {};
  private ends: Record<string, () => void> = {};

  constructor(baseuri: string, baselang: string | null) {
    this.baseuri = baseuri || '';
    this.lang = baselang;
    if (this.lang) this.feeddata.language = this.lang.replace(/_/g, '-');
    this.registerHandlers();
  }

  // ---------- SAX glue (the namespace-aware "strict" path) ----------
  startPrefixMapping(prefix: string | null, uri: string): void {
    if (!uri) return;
    this.trackNamespace(prefix || null, uri);
    if (prefix && uri === 'http://www.w3.org/1999/xlink') this.decls['xmlns:' + prefix] = uri;
  }

  private qualify(ns: string | null, local: string): string {
    let lowerns = (ns ?? '').toLowerCase();
    if (lowerns.includes('backend.userland.com/rss')) { ns = 'http://backend.userland.com/rss'; lowerns = ns; }
    const prefix = has(MATCH_NS, lowerns) ? MATCH_NS[lowerns] : null;
    let name = local.toLowerCase();
    if (prefix) name = prefix.toLowerCase() + ':' + name;
    else if (ns && prefix === null) {
      for (const [p, v] of Object.entries(this.namespacesInUse)) if (p && v === ns) { name = p + ':' + name; break; }
    }
    return name.toLowerCase();
  }

  startElement(ns: string | null, local: string, _qname: string, attrs: XmlAttr[]): void {
    const attrsD: Dict = this.decls; this.decls = {};
    if (local.toLowerCase() === 'math' && ns === 'http://www.w3.org/1998/Math/MathML') attrsD.xmlns = ns;
    if (local.toLowerCase() === 'svg' && ns === 'http://www.w3.org/2000/svg') attrsD.xmlns = ns;
    for (const a of attrs) {
      const p = has(MATCH_NS, (a.ns ?? '').toLowerCase()) ? MATCH_NS[(a.ns ?? '').toLowerCase()] : '';
      attrsD[(p ? p + ':' + a.local : a.local).toLowerCase()] = a.value;
    }
    for (const a of attrs) attrsD[a.local.toLowerCase()] = a.value;
    this.unknownStarttag(this.qualify(ns, local), Object.entries(attrsD));
  }

  endElement(ns: string | null, local: string): void {
    this.unknownEndtag(this.qualify(ns, local));
  }

  characters(text: string): void { this.handleData(text); }

  // ---------- generic element handling ----------
  private unknownStarttag(tag: string, rawAttrs: [string, string][]): void {
    this.depth++;
    const attrs: [string, string][] = rawAttrs.map(([k, v]) => { const lk = k.toLowerCase(); return [lk, lk === 'rel' || lk === 'type' ? v.toLowerCase() : v]; });
    const attrsD: Dict = Object.fromEntries(attrs);
    const baseAttr = (has(attrsD, 'xml:base') ? attrsD['xml:base'] : attrsD.base) || this.baseuri;
    if (this.baseuri) this.baseuri = makeSafeAbsoluteUri(this.baseuri, baseAttr) || this.baseuri;
    else this.baseuri = urljoin(this.baseuri, baseAttr);
    let lang: string | null = has(attrsD, 'xml:lang') ? attrsD['xml:lang'] : has(attrsD, 'lang') ? attrsD.lang : undefined;
    if (lang === '') lang = null;
    else if (lang === undefined) lang = this.lang;
    if (lang && (tag === 'feed' || tag === 'rss' || tag === 'rdf:RDF')) this.feeddata.language = lang.replace(/_/g, '-');
    this.lang = lang;
    this.basestack.push(this.baseuri);
    this.langstack.push(lang);
    for (const [k, v] of attrs) {
      if (k.startsWith('xmlns:')) this.trackNamespace(k.slice(6), v);
      else if (k === 'xmlns') this.trackNamespace(null, v);
    }
    if (this.incontent && !(this.contentparams.type ?? 'xml').endsWith('xml')) {
      if (tag === 'xhtml:div' || tag === 'div') return;
      this.contentparams.type = 'application/xhtml+xml';
    }
    if (this.incontent && this.contentparams.type === 'application/xhtml+xml') {
      let t = tag;
      if (t.includes(':')) {
        const i = t.indexOf(':'); const prefix = t.slice(0, i); t = t.slice(i + 1);
        const namespace = this.namespacesInUse[prefix] ?? '';
        if (t === 'math' && namespace === 'http://www.w3.org/1998/Math/MathML') attrs.push(['xmlns', namespace]);
        if (t === 'svg' && namespace === 'http://www.w3.org/2000/svg') attrs.push(['xmlns', namespace]);
      }
      if (t === 'svg') this.svgOK++;
      this.handleData(`<${t}${FeedBuilder.strattrs(attrs)}>`, false);
      return;
    }
    let prefix: string, suffix: string;
    if (tag.includes(':')) { const i = tag.indexOf(':'); prefix = tag.slice(0, i); suffix = tag.slice(i + 1); } else { prefix = ''; suffix = tag; }
    prefix = this.namespacemap[prefix] ?? prefix;
    if (prefix) prefix += '_';
    if (!prefix && !['title', 'link', 'description', 'name'].includes(tag)) this.intextinput = 0;
    if (!prefix && !['title', 'link', 'description', 'url', 'href', 'width', 'height'].includes(tag)) this.inimage = 0;
    const handler = this.starts[prefix + suffix];
    if (handler) { handler.call(this, attrsD); return; }
    const unknownTag = prefix + suffix;
    if (Object.keys(attrsD).length === 0) this.push(unknownTag, true);
    else this.getContext()[unknownTag] = attrsD;
  }

  private unknownEndtag(tag: string): void {
    let prefix: string, suffix: string;
    if (tag.includes(':')) { const i = tag.indexOf(':'); prefix = tag.slice(0, i); suffix = tag.slice(i + 1); } else { prefix = ''; suffix = tag; }
    prefix = this.namespacemap[prefix] ?? prefix;
    if (prefix) prefix += '_';
    if (suffix === 'svg' && this.svgOK) this.svgOK--;
    const handler = this.svgOK ? undefined : this.ends[prefix + suffix];
    if (handler) handler.call(this); else this.pop(prefix + suffix);
    let skipData = false;
    if (this.incontent && !(this.contentparams.type ?? 'xml').endsWith('xml')) {
      if (tag === 'xhtml:div' || tag === 'div') skipData = true;
      else this.contentparams.type = 'application/xhtml+xml';
    }
    if (!skipData && this.incontent && this.contentparams.type === 'application/xhtml+xml') {
      this.handleData(`</${tag.split(':').at(-1)}>`, false);
    }
    if (this.basestack.length) {
      this.basestack.pop();
      if (this.basestack.length && this.basestack.at(-1)) this.baseuri = this.basestack.at(-1) as string;
    }
    if (this.langstack.length) {
      this.langstack.pop();
      if (this.langstack.length) this.lang = this.langstack.at(-1) ?? null;
    }
    this.depth--;
  }

  private handleData(text: string, escape = true): void {
    if (!this.elementstack.length) return;
    if (escape && this.contentparams.type === 'application/xhtml+xml') text = xmlEscape(text);
    (this.elementstack.at(-1) as Frame)[2].push(text);
  }

  private static strattrs(attrs: [string, string][]): string {
    return attrs.map(([k, v]) => ` ${k}="${xmlEscape(v).replace(/"/g, '&quot;')}"`).join('');
  }

  private trackNamespace(prefix: string | null, uri: string): void {
    let loweruri = uri.toLowerCase();
    if (!this.version) {
      if (prefix === null && loweruri === 'http://my.netscape.com/rdf/simple/0.9/') this.version = 'rss090';
      else if (loweruri === 'http://purl.org/rss/1.0/') this.version = 'rss10';
      else if (loweruri === 'http://www.w3.org/2005/atom') this.version = 'atom10';
    }
    if (loweruri.includes('backend.userland.com/rss')) { uri = 'http://backend.userland.com/rss'; loweruri = uri; }
    if (has(MATCH_NS, loweruri)) {
      if (prefix !== null) this.namespacemap[prefix] = MATCH_NS[loweruri];
      this.namespacesInUse[MATCH_NS[loweruri]] = uri;
    } else this.namespacesInUse[prefix || ''] = uri;
  }

  private resolveUri(uri: string): string { return urljoin(this.baseuri || '', uri); }

  private push(element: string, expectingText: boolean | number): void {
    this.elementstack.push([element, !!expectingText, []]);
  }

  private pop(element: string, stripWhitespace = true): string | undefined {
    if (!this.elementstack.length) return undefined;
    if ((this.elementstack.at(-1) as Frame)[0] !== element) return undefined;
    const [, expectingText, frames] = this.elementstack.pop() as Frame;
    let pieces = frames;
    if (this.version === 'atom10' && (this.contentparams.type ?? 'text') === 'application/xhtml+xml') {
      while (pieces.length > 1 && !pieces.at(-1)?.trim()) pieces = pieces.slice(0, -1);
      while (pieces.length > 1 && !pieces[0].trim()) pieces = pieces.slice(1);
      if (pieces.length && (pieces[0] === '<div>' || pieces[0].startsWith('<div ')) && pieces.at(-1) === '</div>') {
        let depth = 0; let broke = false;
        for (const piece of pieces.slice(0, -1)) {
          if (piece.startsWith('</')) { depth--; if (depth === 0) { broke = true; break; } }
          else if (piece.startsWith('<') && !piece.endsWith('/>')) depth++;
        }
        if (!broke) pieces = pieces.slice(1, -1);
      }
    }
    let output = pieces.join('');
    if (stripWhitespace) output = output.trim();
    if (!expectingText) return output;
    if (this.contentparams.base64) { const d = b64decode(output); if (d !== null) output = d; }
    if (CAN_BE_RELATIVE_URI.has(element) && output) {
      if (element !== 'id' || this.guidislink) output = this.resolveUri(output);
    }
    if (!this.version.startsWith('atom') && this.contentparams.type === 'text/plain') {
      if (looksLikeHtml(output)) this.contentparams.type = 'text/html';
    }
    delete this.contentparams.mode;
    delete this.contentparams.base64;
    const isHtmlish = HTML_TYPES.has(mapContentType(this.contentparams.type ?? 'text/html'));
    if (isHtmlish && CAN_CONTAIN_MARKUP.has(element)) output = sanitizeFeedHtml(output, this.baseuri);
    output = fixC1(repairDoubleDecoded(output));
    if (element === 'category' || element === 'tags' || element === 'itunes_keywords') return output;
    if (element === 'title' && this.titleDepth > -1 && this.titleDepth <= this.depth) return output;
    if (this.inentry && !this.insource) {
      const entry = this.entries.at(-1) as Dict;
      if (element === 'content') {
        entry[element] ??= [];
        entry[element].push({ ...this.contentparams, value: output });
      } else if (element === 'link') {
        if (!this.inimage) {
          output = output.replace(/&amp;/g, '&').replace(/&([A-Za-z0-9_]+);/g, '&$1');
          // Only an alternate link may replace the entry's link (an href-less enclosure must not).
          if (!has(entry, 'link') || entry.links?.at(-1)?.rel === 'alternate') entry[element] = output;
          if (output) entry.links.at(-1).href = output;
        }
      } else {
        const el = element === 'description' ? 'summary' : element;
        let map = this.propertyDepth.get(entry);
        if (!map) { map = {}; this.propertyDepth.set(entry, map); }
        const old = map[el];
        if (old === undefined || this.depth <= old) { map[el] = this.depth; entry[el] = output; }
        if (this.incontent) entry[el + '_detail'] = { ...this.contentparams, value: output };
      }
    } else if (this.infeed || this.insource) {
      const context = this.getContext();
      const el = element === 'description' ? 'subtitle' : element;
      context[el] = output;
      if (el === 'link') {
        output = output.replace(/&([A-Za-z0-9_]+);/g, '&$1');
        context[el] = output;
        context.links.at(-1).href = output;
      } else if (this.incontent) context[el + '_detail'] = { ...this.contentparams, value: output };
    }
    return output;
  }

  private pushContent(tag: string, attrsD: Dict, defaultType: string, expectingText: boolean | number): void {
    this.incontent++;
    if (this.lang) this.lang = this.lang.replace(/_/g, '-');
    this.contentparams = { type: mapContentType(attrsD.type ?? defaultType), language: this.lang, base: this.baseuri };
    this.contentparams.base64 = this.isBase64(attrsD);
    this.push(tag, expectingText);
  }

  private popContent(tag: string): string | undefined {
    const value = this.pop(tag);
    this.incontent--;
    this.contentparams = {};
    return value;
  }

  private isBase64(attrsD: Dict): boolean {
    if ((attrsD.mode ?? '') === 'base64') return true;
    const t: string = this.contentparams.type;
    return !(t.startsWith('text/') || t.endsWith('+xml') || t.endsWith('/xml'));
  }

  private static enforceHref(attrsD: Dict): Dict {
    const href = attrsD.url ?? attrsD.uri ?? attrsD.href;
    if (href) { delete attrsD.url; delete attrsD.uri; attrsD.href = href; }
    return attrsD;
  }

  private mapToStandardPrefix(name: string): string {
    const i = name.indexOf(':');
    if (i < 0) return name;
    const p = name.slice(0, i);
    return (this.namespacemap[p] ?? p) + ':' + name.slice(i + 1);
  }
  private getAttribute(attrsD: Dict, name: string): string | undefined { return attrsD[this.mapToStandardPrefix(name)]; }

  private save(key: string, value: unknown, overwrite = false): void {
    const context = this.getContext();
    if (overwrite || !has(context, key)) context[key] = value;
  }

  private getContext(): Dict {
    if (this.insource) return this.sourcedata;
    if (this.inimage && has(this.feeddata, 'image')) return this.feeddata.image;
    if (this.intextinput) return this.feeddata.textinput;
    if (this.inentry) return this.entries.at(-1) as Dict;
    return this.feeddata;
  }

  private saveAuthor(key: string, value: unknown, prefix = 'author'): void {
    const context = this.getContext();
    context[prefix + '_detail'] ??= {};
    context[prefix + '_detail'][key] = value;
    this.syncAuthorDetail();
    context.authors ??= [{}];
    context.authors.at(-1)[key] = value;
  }

  private saveContributor(key: string, value: unknown): void {
    const context = this.getContext();
    context.contributors ??= [{}];
    context.contributors.at(-1)[key] = value;
  }

  private syncAuthorDetail(key = 'author'): void {
    const context = this.getContext();
    const list = context[key + 's'];
    const detail: Dict = list && list.length ? list.at(-1) : {};
    if (Object.keys(detail).length) {
      const { name, email } = detail;
      if (name && email) context[key] = `${name} (${email})`;
      else if (name) context[key] = name;
      else if (email) context[key] = email;
    } else {
      let author: string | undefined = context[key]; let email: string | undefined;
      if (!author) return;
      const m = author.length <= 1024 ? EMAIL_RE.exec(author) : null;
      if (m) {
        email = m[0];
        author = author.replace(email, '').replace('()', '').replace('<>', '').replace('&lt;&gt;', '').trim();
        if (author && author[0] === '(') author = author.slice(1);
        if (author && author.at(-1) === ')') author = author.slice(0, -1);
        author = author.trim();
      }
      if (author || email) { if (!has(context, key + '_detail')) context[key + '_detail'] = detail; }
      if (author) detail.name = author;
      if (email) detail.email = email;
    }
  }

  private addTag(term: unknown, scheme: unknown, label: unknown): void {
    const context = this.getContext();
    context.tags ??= [];
    const tags: Dict[] = context.tags;
    if (!term && !scheme && !label) return;
    const value = { term: term ?? null, scheme: scheme ?? null, label: label ?? null };
    if (!tags.some((t) => t.term === value.term && t.scheme === value.scheme && t.label === value.label)) tags.push(value);
  }

  // ---------- element handlers ----------
  private registerHandlers(): void {
    const S = this.starts; const E = this.ends;
    const startLink = (a: Dict): void => {
      a.rel ??= 'alternate';
      if (a.rel === 'self') a.type ??= 'application/atom+xml'; else a.type ??= 'text/html';
      const context = this.getContext();
      a = FeedBuilder.enforceHref(a);
      if (has(a, 'href')) a.href = this.resolveUri(a.href);
      const expecting = this.infeed || this.inentry || this.insource;
      context.links ??= [];
      if (!(this.inentry && this.inimage)) context.links.push({ ...a });
      if (has(a, 'href')) {
        if (a.rel === 'alternate' && HTML_TYPES.has(mapContentType(a.type))) context.link = a.href;
      } else this.push('link', expecting);
    };
    const startUpdated = (): void => this.push('updated', 1);
    const endUpdated = (): void => { const v = this.pop('updated'); this.save('updated_parsed', parseFeedDate(v), true); };
    const startPublished = (): void => this.push('published', 1);
    const endPublished = (): void => { const v = this.pop('published'); this.save('published_parsed', parseFeedDate(v), true); };
    const cdfCommon = (a: Dict): void => {
      if (has(a, 'lastmod')) { startUpdated(); (this.elementstack.at(-1) as Frame)[2] = [a.lastmod]; endUpdated(); }
      if (has(a, 'href')) { startLink({}); (this.elementstack.at(-1) as Frame)[2] = [a.href]; this.pop('link'); }
    };
    S.rss = (a) => {
      const map: Record<string, string> = { '0.91': 'rss091u', '0.92': 'rss092', '0.93': 'rss093', '0.94': 'rss094' };
      if (!this.version || !this.version.startsWith('rss')) {
        const v = a.version ?? '';
        this.version = map[v] ?? (v.startsWith('2.') ? 'rss20' : 'rss');
      }
    };
    S.channel = (a) => { this.infeed = 1; this.sawFeedElement = true; cdfCommon(a); };
    S.feed = (a) => {
      this.infeed = 1; this.sawFeedElement = true;
      if (!this.version) this.version = ({ '0.1': 'atom01', '0.2': 'atom02', '0.3': 'atom03' } as Record<string, string>)[a.version] ?? 'atom';
    };
    E.channel = E.feed = () => { this.infeed = 0; };
    S.image = () => {
      const context = this.getContext();
      if (!this.inentry) context.image ??= {};
      this.inimage = 1; this.titleDepth = -1; this.push('image', 0);
    };
    E.image = () => { this.pop('image'); this.inimage = 0; };
    S.textinput = () => {
      const context = this.getContext();
      context.textinput ??= {};
      this.intextinput = 1; this.titleDepth = -1; this.push('textinput', 0);
    };
    E.textinput = () => { this.pop('textinput'); this.intextinput = 0; };
    S.author = S.managingeditor = S.dc_author = S.dc_creator = S.itunes_author = () => {
      this.inauthor = 1; this.push('author', 1);
      const context = this.getContext();
      context.authors ??= []; context.authors.push({});
    };
    E.author = E.managingeditor = E.dc_author = E.dc_creator = E.itunes_author = () => {
      this.pop('author'); this.inauthor = 0; this.syncAuthorDetail();
    };
    S.contributor = () => {
      this.incontributor = 1;
      const context = this.getContext();
      context.contributors ??= []; context.contributors.push({});
      this.push('contributor', 0);
    };
    E.contributor = () => { this.pop('contributor'); this.incontributor = 0; };
    S.dc_contributor = () => {
      this.incontributor = 1;
      const context = this.getContext();
      context.contributors ??= []; context.contributors.push({});
      this.push('name', 0);
    };
    const endName = (): void => {
      const value = this.pop('name');
      if (this.inpublisher) this.saveAuthor('name', value, 'publisher');
      else if (this.inauthor) this.saveAuthor('name', value);
      else if (this.incontributor) this.saveContributor('name', value);
      else if (this.intextinput) this.getContext().name = value;
    };
    S.name = S.itunes_name = () => this.push('name', 0);
    E.name = E.itunes_name = endName;
    E.dc_contributor = () => { endName(); this.incontributor = 0; };
    for (const dim of ['width', 'height']) {
      S[dim] = () => this.push(dim, 0);
      E[dim] = () => {
        const raw = this.pop(dim) ?? '';
        const value = /^\s*[+-]?\d+\s*$/.test(raw) ? parseInt(raw, 10) : 0;
        if (this.inimage) this.getContext()[dim] = value;
      };
    }
    S.url = S.homepage = S.uri = () => this.push('href', 1);
    E.url = E.homepage = E.uri = () => {
      const value = this.pop('href');
      if (this.inauthor) this.saveAuthor('href', value);
      else if (this.incontributor) this.saveContributor('href', value);
    };
    S.email = S.itunes_email = () => this.push('email', 0);
    E.email = E.itunes_email = () => {
      const value = this.pop('email');
      if (this.inpublisher) this.saveAuthor('email', value, 'publisher');
      else if (this.inauthor) this.saveAuthor('email', value);
      else if (this.incontributor) this.saveContributor('email', value);
    };
    S.subtitle = S.tagline = S.itunes_subtitle = (a) => this.pushContent('subtitle', a, 'text/plain', 1);
    E.subtitle = E.tagline = E.itunes_subtitle = () => { this.popContent('subtitle'); };
    S.rights = S.copyright = S.dc_rights = (a) => this.pushContent('rights', a, 'text/plain', 1);
    E.rights = E.copyright = E.dc_rights = () => { this.popContent('rights'); };
    S.item = S.entry = (a) => {
      this.entries.push({});
      this.push('item', 0);
      this.inentry = 1; this.guidislink = false; this.titleDepth = -1;
      const id = this.getAttribute(a, 'rdf:about');
      if (id) this.getContext().id = id;
      cdfCommon(a);
    };
    E.item = E.entry = () => { this.pop('item'); this.inentry = 0; this.hasContent = 0; };
    S.language = S.dc_language = () => this.push('language', 1);
    E.language = E.dc_language = () => { this.lang = this.pop('language') ?? null; };
    S.webmaster = S.dc_publisher = () => this.push('publisher', 1);
    E.webmaster = E.dc_publisher = () => { this.pop('publisher'); this.syncAuthorDetail('publisher'); };
    S.published = S.issued = S.pubdate = S.dcterms_issued = startPublished;
    E.published = E.issued = E.pubdate = E.dcterms_issued = endPublished;
    S.updated = S.modified = S.lastbuilddate = S.dc_date = S.dcterms_modified = startUpdated;
    E.updated = E.modified = E.lastbuilddate = E.dc_date = E.dcterms_modified = endUpdated;
    S.created = S.dcterms_created = () => this.push('created', 1);
    E.created = E.dcterms_created = () => { const v = this.pop('created'); this.save('created_parsed', parseFeedDate(v), true); };
    S.expirationdate = () => this.push('expired', 1);
    E.expirationdate = () => { this.save('expired_parsed', parseFeedDate(this.pop('expired')), true); };
    S.dcterms_valid = () => this.push('validity', 1);
    E.dcterms_valid = () => {
      for (const detail of (this.pop('validity') ?? '').split(';')) {
        const i = detail.indexOf('=');
        if (i < 0) continue;
        const key = detail.slice(0, i), value = detail.slice(i + 1);
        if (key === 'start' || key === 'end') {
          this.save(`validity_${key}`, value, true);
          this.save(`validity_${key}_parsed`, parseFeedDate(value), true);
        }
      }
    };
    const startCategory = (a: Dict): void => {
      this.addTag(a.term, a.scheme ?? a.domain, a.label);
      this.push('category', 1);
    };
    const endCategory = (): void => {
      const value = this.pop('category');
      if (!value) return;
      const tags: Dict[] = this.getContext().tags;
      if (value && tags.length && !tags.at(-1)?.term) (tags.at(-1) as Dict).term = value;
      else this.addTag(value, null, null);
    };
    S.category = S.keywords = S.dc_subject = startCategory;
    E.category = E.keywords = E.dc_subject = E.itunes_category = E.media_category = endCategory;
    S.cloud = (a) => { this.getContext().cloud = { ...a }; };
    S.link = startLink;
    E.link = () => { this.pop('link'); };
    S.guid = S.id = (a) => { this.guidislink = (a.ispermalink ?? 'true') === 'true'; this.push('id', 1); };
    E.guid = E.id = () => {
      const value = this.pop('id');
      this.save('guidislink', this.guidislink && !has(this.getContext(), 'link'));
      if (this.guidislink) this.save('link', value);
    };
    const startTitle = (a: Dict): void => {
      if (this.svgOK) { this.unknownStarttagRaw('title', a); return; }
      this.pushContent('title', a, 'text/plain', this.infeed || this.inentry || this.insource);
    };
    const endTitle = (): void => {
      if (this.svgOK) return;
      const value = this.popContent('title');
      if (!value) return;
      this.titleDepth = this.depth;
    };
    S.title = S.dc_title = S.media_title = startTitle;
    E.title = E.dc_title = endTitle;
    E.media_title = () => { const d = this.titleDepth; endTitle(); this.titleDepth = d; };
    const startDescription = (a: Dict): void => {
      const context = this.getContext();
      if (has(context, 'summary') && !this.hasContent) { this.summaryKey = 'content'; startContent(a); }
      else this.pushContent('description', a, 'text/html', this.infeed || this.inentry || this.insource);
    };
    const endDescription = (): void => {
      if (this.summaryKey === 'content') endContent(); else this.popContent('description');
      this.summaryKey = null;
    };
    S.description = S.dc_description = S.media_description = startDescription;
    E.description = E.dc_description = E.media_description = E.abstract = endDescription;
    S.abstract = (a) => this.pushContent('description', a, 'text/plain', this.infeed || this.inentry || this.insource);
    S.info = S.feedburner_browserfriendly = (a) => this.pushContent('info', a, 'text/plain', 1);
    E.info = E.feedburner_browserfriendly = () => { this.popContent('info'); };
    S.generator = (a) => {
      if (Object.keys(a).length) { a = FeedBuilder.enforceHref(a); if (has(a, 'href')) a.href = this.resolveUri(a.href); }
      this.getContext().generator_detail = { ...a };
      this.push('generator', 1);
    };
    E.generator = () => {
      const value = this.pop('generator');
      const context = this.getContext();
      if (has(context, 'generator_detail')) context.generator_detail.name = value;
    };
    S.summary = S.itunes_summary = (a) => {
      const context = this.getContext();
      if (has(context, 'summary') && !this.hasContent) { this.summaryKey = 'content'; startContent(a); }
      else { this.summaryKey = 'summary'; this.pushContent('summary', a, 'text/plain', 1); }
    };
    E.summary = E.itunes_summary = () => {
      if (this.summaryKey === 'content') endContent(); else this.popContent(this.summaryKey ?? 'summary');
      this.summaryKey = null;
    };
    S.enclosure = (a) => {
      a = FeedBuilder.enforceHref(a);
      if (typeof a.href === 'string' && a.href) a.href = this.resolveUri(a.href); // feedparser leaves these relative
      const context = this.getContext();
      a.rel = 'enclosure';
      context.links ??= []; context.links.push({ ...a });
    };
    S.source = (a) => {
      if (has(a, 'url')) this.sourcedata.href = a.url;
      this.push('source', 1); this.insource = 1; this.titleDepth = -1;
    };
    E.source = () => {
      this.insource = 0;
      const value = this.pop('source');
      if (value) this.sourcedata.title = value;
      this.getContext().source = structuredClone(this.sourcedata);
      this.sourcedata = {};
    };
    const startContent = (a: Dict): void => {
      this.hasContent = 1;
      this.pushContent('content', a, 'text/plain', 1);
      if (a.src) this.contentparams.src = a.src;
      this.push('content', 1);
    };
    const endContent = (): void => {
      const ct = mapContentType(this.contentparams.type);
      const copyToSummary = ct === 'text/plain' || HTML_TYPES.has(ct);
      const value = this.popContent('content');
      if (copyToSummary) this.save('summary', value);
    };
    S.content = startContent;
    S.body = S.xhtml_body = (a) => this.pushContent('content', a, 'application/xhtml+xml', 1);
    S.content_encoded = S.fullitem = (a) => { this.hasContent = 1; this.pushContent('content', a, 'text/html', 1); };
    E.content = E.body = E.xhtml_body = E.content_encoded = E.fullitem = endContent;
    S.newlocation = () => this.push('newlocation', 1);
    E.newlocation = () => {
      const url = this.pop('newlocation') ?? '';
      const context = this.getContext();
      if (context !== this.feeddata) return;
      context.newlocation = makeSafeAbsoluteUri(this.baseuri, url.trim());
    };
    S.tags = () => this.push('tags', 1);
    E.tags = () => { for (const t of (this.pop('tags') ?? '').split(',')) this.addTag(t.trim(), null, null); };
    // iTunes
    S.itunes_owner = () => { this.inpublisher = 1; this.push('publisher', 0); };
    E.itunes_owner = () => { this.pop('publisher'); this.inpublisher = 0; this.syncAuthorDetail('publisher'); };
    E.itunes_keywords = () => {
      for (const t of (this.pop('itunes_keywords') ?? '').split(',')) if (t.trim()) this.addTag(t.trim(), 'http://www.itunes.com/', null);
    };
    S.itunes_category = (a) => { this.addTag(a.text, 'http://www.itunes.com/', null); this.push('category', 1); };
    S.itunes_image = S.itunes_link = (a) => {
      this.push('itunes_image', 0);
      if (a.href) this.getContext().image = { href: a.href };
      else if (a.url) this.getContext().image = { href: a.url };
    };
    E.itunes_block = () => {
      const value = this.pop('itunes_block', false);
      this.getContext().itunes_block = value === 'yes' || value === 'Yes' ? 1 : 0;
    };
    E.itunes_explicit = () => {
      const value = this.pop('itunes_explicit', false) ?? '';
      this.getContext().itunes_explicit = ['yes', 'true'].includes(value) ? true : ['no', 'false', 'clean'].includes(value) ? false : null;
    };
    // Media RSS
    S.media_category = (a) => { a.scheme ??= 'http://search.yahoo.com/mrss/category_schema'; startCategory(a); };
    E.media_keywords = () => { for (const t of (this.pop('media_keywords') ?? '').split(',')) if (t.trim()) this.addTag(t.trim(), null, null); };
    S.media_group = () => { /* transparent */ };
    S.media_rating = (a) => { const c = this.getContext(); if (!has(c, 'media_rating')) c.media_rating = a; this.push('rating', 1); };
    E.media_rating = () => { const r = this.pop('rating'); if (r && r.trim()) this.getContext().media_rating.content = r; };
    S.media_credit = (a) => { const c = this.getContext(); c.media_credit ??= []; c.media_credit.push(a); this.push('credit', 1); };
    E.media_credit = () => { const r = this.pop('credit'); if (r && r.trim()) this.getContext().media_credit.at(-1).content = r; };
    S.media_restriction = (a) => { const c = this.getContext(); if (!has(c, 'media_restriction')) c.media_restriction = a; this.push('restriction', 1); };
    E.media_restriction = () => {
      const r = this.pop('restriction');
      if (r && r.trim()) this.getContext().media_restriction.content = r.split(' ').map((x) => x.trim().toLowerCase());
    };
    S.media_license = (a) => { const c = this.getContext(); if (!has(c, 'media_license')) c.media_license = a; this.push('license', 1); };
    E.media_license = () => { const r = this.pop('license'); if (r && r.trim()) this.getContext().media_license.content = r; };
    S.media_content = (a) => { const c = this.getContext(); c.media_content ??= []; c.media_content.push(a); };
    S.media_thumbnail = (a) => { const c = this.getContext(); c.media_thumbnail ??= []; this.push('url', 1); c.media_thumbnail.push(a); };
    E.media_thumbnail = () => {
      const url = this.pop('url');
      const c = this.getContext();
      if (url && url.trim() && !has(c.media_thumbnail.at(-1), 'url')) c.media_thumbnail.at(-1).url = url;
    };
    S.media_player = (a) => { this.push('media_player', 0); this.getContext().media_player = { ...a }; };
    E.media_player = () => { const v = this.pop('media_player'); this.getContext().media_player.content = v; };
    // Podlove Simple Chapters
    S.psc_chapters = (a) => {
      const c = this.getContext();
      if (!has(c, 'psc_chapters')) { this.pscChaptersFlag = true; c.psc_chapters = { ...a, chapters: [] }; }
    };
    E.psc_chapters = () => { this.pscChaptersFlag = false; };
    S.psc_chapter = (a) => {
      if (!this.pscChaptersFlag) return;
      const start = this.getAttribute(a, 'start');
      const secs = parsePscStart(start);
      this.getContext().psc_chapters.chapters.push({ ...a, start_parsed: secs === null ? null : { __timedelta_seconds__: secs } });
    };
    // Creative Commons
    S.cc_license = (a) => {
      const value = this.getAttribute(a, 'rdf:resource');
      const link: Dict = { rel: 'license' };
      if (value) link.href = value;
      const c = this.getContext(); c.links ??= []; c.links.push(link);
    };
    S.creativecommons_license = S.creativeCommons_license = () => this.push('license', 1);
    E.creativecommons_license = E.creativeCommons_license = () => {
      const value = this.pop('license');
      const c = this.getContext();
      const link: Dict = { rel: 'license' };
      if (value) link.href = value;
      c.links ??= []; c.links.push(link);
      delete c.license;
    };
    // Admin
    S.admin_generatoragent = (a) => {
      this.push('generator', 1);
      const value = this.getAttribute(a, 'rdf:resource');
      if (value) (this.elementstack.at(-1) as Frame)[2].push(value);
      this.pop('generator');
      this.getContext().generator_detail = { href: value };
    };
    S.admin_errorreportsto = (a) => {
      this.push('errorreportsto', 1);
      const value = this.getAttribute(a, 'rdf:resource');
      if (value) (this.elementstack.at(-1) as Frame)[2].push(value);
      this.pop('errorreportsto');
    };
    // GeoRSS (simple and GML)
    const where = (): Dict => { const c = this.getContext(); c.where ??= {}; return c.where; };
    const saveWhere = (g: Dict | null): void => { if (g) Object.assign(where(), g); };
    const startGeom = (): void => { this.push('geometry', 0); this.getContext().where = {}; };
    S.georss_point = S.georss_line = S.georss_polygon = S.georss_box = startGeom;
    E.georss_point = () => saveWhere(geoPoint(this.pop('geometry') ?? ''));
    E.georss_line = () => saveWhere(geoLine(this.pop('geometry') ?? ''));
    E.georss_polygon = () => saveWhere(geoPolygon(this.pop('geometry') ?? ''));
    E.georss_box = () => { const c = geoCoords(this.pop('geometry') ?? ''); saveWhere(c ? { type: 'Box', coordinates: c } : null); };
    S.where = S.georss_where = () => { this.push('where', 0); this.getContext().where = {}; };
    E.where = E.georss_where = () => { this.pop('where'); };
    const srs = (a: Dict): void => {
      const dims = parseInt(a.srsdimension ?? '2', 10);
      const w = where(); w.srsName = a.srsname ?? null; w.srsDimension = Number.isNaN(dims) ? 2 : dims;
    };
    const swapFor = (): boolean => {
      const name = where().srsName;
      if (typeof name === 'string' && name.includes('EPSG')) return GEOG_CS.has(parseInt(name.split(':').at(-1) as string, 10));
      return true;
    };
    S.gml_point = (a) => { srs(a); this.inGeometry = 'point'; this.push('geometry', 0); };
    S.gml_linestring = (a) => { srs(a); this.inGeometry = 'linestring'; this.push('geometry', 0); };
    S.gml_polygon = (a) => { srs(a); this.push('geometry', 0); };
    S.gml_exterior = () => { this.push('geometry', 0); };
    S.gml_linearring = () => { this.inGeometry = 'polygon'; this.push('geometry', 0); };
    S.gml_pos = S.gml_poslist = () => this.push('pos', 0);
    E.gml_pos = () => {
      const v = this.pop('pos') ?? '';
      saveWhere(geoPoint(v, swapFor(), Number(where().srsDimension ?? 2)));
    };
    E.gml_poslist = () => {
      const v = this.pop('pos') ?? ''; const dims = Number(where().srsDimension ?? 2); const swap = swapFor();
      if (this.inGeometry === 'linestring') saveWhere(geoLine(v, swap, dims));
      else if (this.inGeometry === 'polygon') { const l = geoLine(v, swap, dims); if (l) saveWhere({ type: 'Polygon', coordinates: [l.coordinates] }); }
    };
    E.gml_point = E.gml_linestring = E.gml_linearring = E.gml_exterior = E.gml_polygon = () => {
      this.inGeometry = ''; this.pop('geometry');
    };
  }

  private unknownStarttagRaw(tag: string, a: Dict): void {
    this.unknownStarttag(tag, Object.entries(a));
  }
}
