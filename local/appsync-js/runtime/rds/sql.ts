/**
 * The `sql` tagged template: the static text is sent unchanged and every interpolated value
 * becomes a placeholder, so a dynamic value can never become SQL text.
 */
import { isStatement, makeStatement, text, value, type Part, type Statement } from './fragment.js';
import { moduleError } from '../module-error.js';

/** The `sql` export of `@aws-appsync/utils/rds`. */
export function sql(literals: TemplateStringsArray, ...values: unknown[]): Statement {
  if (!Array.isArray(literals) || literals.length !== values.length + 1) {
    // AWS's own (Java) text for a call that is not a tagged template.
    throw moduleError('java.lang.IllegalArgumentException: Unexpected argument passed to sql tagged template');
  }
  const parts: Part[] = [text(String(literals[0]))];
  values.forEach((item, index) => {
    if (isStatement(item)) throw moduleError('a statement cannot be interpolated into sql``; only values can');
    parts.push(value(item), text(String(literals[index + 1])));
  });
  return makeStatement(parts);
}
