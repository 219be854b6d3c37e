/**
 * A minimal pull scanner for the XML inside an XLSX: tags with their attributes, and the text
 * between them. Namespace prefixes are dropped (`x:row` is `row`), entities decoded. No DTDs,
 * so no entity expansion: the only growth is what the (size-capped) part holds.
 */
export type XmlEvent =
  | { kind: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<([/?!]?)([\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;

export function* scanXml(xml: string): Generator<XmlEvent> {
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[5] !== undefined) {
      yield { kind: 'text', text: m[5] };
      continue;
    }
    const [, mark, rawName, attrs, slash] = m;
    if (mark === '?' || mark === '!') {
      // A comment or CDATA may hold '>' : skip to its real end.
      if (xml.startsWith('<!--', m.index)) re.lastIndex = Math.max(re.lastIndex, xml.indexOf('-->', m.index) + 3 || xml.length);
      else if (xml.startsWith('<![CDATA[', m.index)) {
        const end = xml.indexOf(']]>', m.index);
        yield { kind: 'text', text: xml.slice(m.index + 9, end < 0 ? xml.length : end).replace(/&/g, '&amp;') };
        re.lastIndex = end < 0 ? xml.length : end + 3;
      }
      continue;
    }
    const name = rawName!.slice(rawName!.indexOf(':') + 1);
    if (mark === '/') yield { kind: 'close', name };
    else yield { kind: 'open', name, attrs: attrs!, selfClosing: slash === '/' };
  }
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The attribute's decoded value; `name` without prefix matches any prefix (`r:id`). */
const attrPatterns = new Map<string, RegExp>();
export function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? '');
}
