/** HTML validation of built pages with html-validate and the project's `.htmlvalidate.mjs`. */
import { HtmlValidate } from 'html-validate';
import config from '../../.htmlvalidate.mjs';

const validator = new HtmlValidate(config);

/** One line per problem: `file:line:column rule: message`. */
export async function validateHtml(source: string, filename: string): Promise<string[]> {
  const report = await validator.validateString(source, filename);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${filename}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}
