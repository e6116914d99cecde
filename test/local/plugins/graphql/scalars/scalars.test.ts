import { describe, expect, it } from 'vitest';
import type { AppSyncScalarName } from '../../../../../local/plugins/graphql/scalars/index.js';
import { nouns, stringCases } from './cases.js';
import { echoLiteral, echoVariable, output, run } from './harness.js';

const stringScalars = Object.entries(stringCases) as [AppSyncScalarName, { valid: string[]; invalid: string[] }][];

describe.each(stringScalars)('%s', (scalar, { valid, invalid }) => {
  it.each(valid)('accepts %j as a variable and as a literal, and returns it unchanged', (value) => {
    expect(echoVariable(scalar, value)).toEqual({ data: { [`echo${scalar}`]: value }, messages: [] });
    expect(echoLiteral(scalar, JSON.stringify(value))).toEqual({ data: { [`echo${scalar}`]: value }, messages: [] });
    expect(output(scalar, value)).toEqual({ data: { [`out${scalar}`]: value }, messages: [] });
  });

  it.each(invalid)('refuses %j as a variable, as a literal and as a resolver value, in AppSync words', (value) => {
    expect(echoVariable(scalar, value)).toEqual({
      data: undefined,
      messages: [`Variable 'v' has an invalid value. Unable to parse \`${value}\` as a valid ${nouns[scalar]}.`],
    });
    expect(echoLiteral(scalar, JSON.stringify(value))).toEqual({
      data: null,
      messages: [`Validation error of type WrongType: argument 'v' with value 'StringValue{value='${value}'}' is not a valid '${scalar}'`],
    });
    expect(output(scalar, value)).toEqual({
      data: { [`out${scalar}`]: null },
      messages: [`Can't serialize value (/out${scalar}) : Unable to serialize \`${value}\` as a valid ${nouns[scalar]}.`],
    });
  });

  it('refuses a number where a string is expected', () => {
    expect(echoVariable(scalar, 2019).messages).toEqual([
      `Variable 'v' has an invalid value. Unable to parse \`2019\` as a valid ${nouns[scalar]}.`,
    ]);
    expect(echoLiteral(scalar, '2019').messages).toEqual([
      `Validation error of type WrongType: argument 'v' with value 'IntValue{value=2019}' is not a valid '${scalar}'`,
    ]);
  });

  it('passes null through', () => {
    expect(echoVariable(scalar, null)).toEqual({ data: { [`echo${scalar}`]: null }, messages: [] });
  });
});

describe('AWSTimestamp', () => {
  it.each([0, 1700000000, -123, 4102444800])('accepts %d (not limited to 32 bits) as a variable, a literal and an output', (value) => {
    expect(echoVariable('AWSTimestamp', value)).toEqual({ data: { echoAWSTimestamp: value }, messages: [] });
    expect(echoLiteral('AWSTimestamp', String(value))).toEqual({ data: { echoAWSTimestamp: value }, messages: [] });
    expect(output('AWSTimestamp', value)).toEqual({ data: { outAWSTimestamp: value }, messages: [] });
  });

  it.each([
    [1.5, '1.5'],
    ['1700000000', '1700000000'],
    [true, 'true'],
  ])('refuses the variable %j', (value, shown) => {
    expect(echoVariable('AWSTimestamp', value).messages).toEqual([
      `Variable 'v' has an invalid value. Unable to parse \`${shown}\` as a valid Timestamp Object.`,
    ]);
    expect(output('AWSTimestamp', value).messages).toEqual([
      `Can't serialize value (/outAWSTimestamp) : Unable to serialize \`${shown}\` as a valid Timestamp Object.`,
    ]);
  });

  it.each([
    ['1.5', 'FloatValue{value=1.5}'],
    ['"17"', "StringValue{value='17'}"],
  ])('refuses the literal %s', (literal, printed) => {
    expect(echoLiteral('AWSTimestamp', literal).messages).toEqual([
      `Validation error of type WrongType: argument 'v' with value '${printed}' is not a valid 'AWSTimestamp'`,
    ]);
  });
});

describe('AWSJSON', () => {
  it.each([
    ['{"a":1,"b":[true,null]}', { a: 1, b: [true, null] }],
    ['[1,2]', [1, 2]],
    ['"text"', 'text'],
    ['3', 3],
    ['null', null],
  ])('parses the string %s before the resolver sees it (variable and literal)', (text, parsed) => {
    expect(run('query Q($v: AWSJSON) { seenAWSJSON(v: $v) }', { v: text })).toEqual({
      data: { seenAWSJSON: JSON.stringify(parsed) },
      messages: [],
    });
    expect(run(`{ seenAWSJSON(v: ${JSON.stringify(text)}) }`)).toEqual({ data: { seenAWSJSON: JSON.stringify(parsed) }, messages: [] });
  });

  it('serializes an object a resolver returns to a JSON string, and keeps a string as it is', () => {
    expect(output('AWSJSON', { a: 1, list: [1, 'x'] })).toEqual({ data: { outAWSJSON: '{"a":1,"list":[1,"x"]}' }, messages: [] });
    expect(output('AWSJSON', '{"already":"json"}')).toEqual({ data: { outAWSJSON: '{"already":"json"}' }, messages: [] });
    expect(output('AWSJSON', 42)).toEqual({ data: { outAWSJSON: '42' }, messages: [] });
  });

  it.each(['hello', '{a:1}', '', '{"a":1'])('refuses the invalid JSON text %j', (text) => {
    expect(echoVariable('AWSJSON', text).messages).toEqual([
      `Variable 'v' has an invalid value. Unable to parse \`${text}\` as a valid JSON Object.`,
    ]);
    expect(echoLiteral('AWSJSON', JSON.stringify(text)).messages).toEqual([
      `Validation error of type WrongType: argument 'v' with value 'StringValue{value='${text}'}' is not a valid 'AWSJSON'`,
    ]);
  });

  it('refuses an object literal, printed as graphql-java prints it', () => {
    expect(echoLiteral('AWSJSON', '{ upvotes: 10 }').messages).toEqual([
      "Validation error of type WrongType: argument 'v' with value 'ObjectValue{objectFields=[ObjectField{name='upvotes', value=IntValue{value=10}}]}' is not a valid 'AWSJSON'",
    ]);
  });

  it('refuses a variable that is not a string', () => {
    expect(echoVariable('AWSJSON', { a: 1 }).messages).toEqual([
      'Variable \'v\' has an invalid value. Unable to parse `{"a":1}` as a valid JSON Object.',
    ]);
  });
});

describe('where the bad value sits', () => {
  it('names the innermost input field of a variable, as AppSync does', () => {
    const outcome = run('mutation M($input: PhoneBook) { book(input: $input) }', { input: { phone: '1110004444' } });
    expect(outcome.messages).toEqual(["Variable 'phone' has an invalid value. Unable to parse `1110004444` as a valid phone number."]);
    const listed = run('query Q($input: PhoneBook) { book(input: $input) }', { input: { phones: ['206-555-0100', '1110004444'] } });
    expect(listed.messages).toEqual(["Variable 'phones' has an invalid value. Unable to parse `1110004444` as a valid phone number."]);
  });

  it('names the argument path of a literal inside an input object or list', () => {
    expect(run('{ book(input: { phone: "12" }) }').messages).toEqual([
      "Validation error of type WrongType: argument 'input.phone' with value 'StringValue{value='12'}' is not a valid 'AWSPhone'",
    ]);
    expect(run('{ book(input: { phones: ["206-555-0100", "12"] }) }').messages).toEqual([
      "Validation error of type WrongType: argument 'input.phones[1]' with value 'StringValue{value='12'}' is not a valid 'AWSPhone'",
    ]);
  });
});
