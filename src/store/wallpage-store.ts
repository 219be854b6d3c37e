import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, bool, fields, list, optional, text } from './doc-shape.ts';
import type { WallLink, WallPageRepo } from './ports.ts';

export interface WallPageDoc {
  schemaVersion: number;
  public: boolean;
  links: WallLink[];
}

export const WALLPAGE_DOC: DocSpec<WallPageDoc> = {
  name: 'wallpage',
  version: 1,
  defaults: () => ({ schemaVersion: 1, public: false, links: [] }),
  validate: shape({ public: bool, links: list(fields({ id: text, hash: text, unit: optional(text) })) }),
};

export function createWallPageRepo(doc: JsonDoc<WallPageDoc>): WallPageRepo {
  return {
    links: () => doc.data.links,
    isPublic: () => doc.data.public,
    addLink: (link) => doc.update((d) => void d.links.push(link)),
    async revoke(unit) {
      const before = doc.data.links.length;
      await doc.update((d) => {
        d.links = unit === undefined ? [] : d.links.filter((l) => l.unit !== unit);
      });
      return before - doc.data.links.length;
    },
    setPublic: (on) => doc.update((d) => void (d.public = on)),
  };
}
