import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, fields, list, text } from './doc-shape.ts';
import type { AgendaRepo, AgendaStudy, AgendaTopic } from './ports.ts';

export interface AgendaDoc {
  schemaVersion: number;
  topics: AgendaTopic[];
  studies: AgendaStudy[];
}

export const AGENDA_DOC: DocSpec<AgendaDoc> = {
  name: 'agenda',
  version: 1,
  defaults: () => ({ schemaVersion: 1, topics: [], studies: [] }),
  validate: shape({ topics: list(fields({ unit: text, week: text, text })), studies: list(fields({ unit: text, week: text, text })) }),
};

/** agenda.json: topics members add with /agenda add and the study item the secretary sets, per unit and week. */
export function createAgendaRepo(doc: JsonDoc<AgendaDoc>): AgendaRepo {
  return {
    topics: (unit, week) => doc.data.topics.filter((t) => t.unit === unit && t.week === week),
    addTopic: (topic) =>
      doc.update((d) => {
        d.topics.push(topic);
      }),
    study: (unit, week) => doc.data.studies.find((s) => s.unit === unit && s.week === week),
    setStudy: (study) =>
      doc.update((d) => {
        d.studies = d.studies.filter((s) => !(s.unit === study.unit && s.week === study.week));
        d.studies.push(study);
      }),
  };
}
