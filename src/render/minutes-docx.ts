import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Lang } from '../domain/language.ts';
import type { Minutes } from '../domain/meetings/minutes.ts';
import { htmlToText } from '../text/html.ts';
import { minutesLines } from './minutes.ts';

/** The minutes as a Word document the secretary can file (built by the docx library, no hand-written OOXML). */
export async function minutesDocx(m: Minutes, lang: Lang): Promise<Buffer> {
  const font = lang === 'zh' ? 'SimSun' : 'Calibri';
  const children = minutesLines(m, lang).map((line) => {
    const text = htmlToText(line.html);
    if (line.style === 'title') {
      return new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, size: 36, font })] });
    }
    if (line.style === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, bold: true, font })] });
    return new Paragraph({ children: text.split('\n').flatMap((part, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), new TextRun({ text: part, font })]) });
  });
  const doc = new Document({ creator: 'courtwall', title: htmlToText(minutesLines(m, lang)[0]!.html), sections: [{ children }] });
  return Packer.toBuffer(doc);
}
