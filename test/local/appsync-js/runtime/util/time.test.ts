// util.time: Java DateTimeFormatter patterns, zones (fixed and region, across DST), parsing.
import { describe, expect, it } from 'vitest';
import { freshRuntime } from '../modules.js';

const { time } = freshRuntime().util;
const at = Date.UTC(2018, 1, 6, 19, 1, 35, 749); // 2018-02-06T19:01:35.749Z, a Tuesday
const format = (pattern: string, zone?: string, millis = at) => time.epochMilliSecondsToFormatted(millis, pattern, zone);

describe('the examples of the AWS util.time documentation', () => {
  const now = 1517943695758; // 2018-02-06T19:01:35.758Z
  it('formats and converts', () => {
    expect(time.epochMilliSecondsToSeconds(now)).toBe(1517943695);
    expect(time.epochMilliSecondsToISO8601(now)).toBe('2018-02-06T19:01:35.758Z');
    expect(time.epochMilliSecondsToFormatted(now, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.epochMilliSecondsToFormatted(now, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
    expect(time.epochMilliSecondsToFormatted(now, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
  });

  it('parses', () => {
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')).toBe(1517476865180);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517505562000);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517505562000);
  });

  it('writes the AWSDate and AWSDateTime forms with an offset that has seconds', () => {
    const july = Date.UTC(2018, 6, 11, 22, 14, 45);
    expect(time.epochMilliSecondsToFormatted(july, 'yyyy-MM-dd[XXX]', '-07:00:30')).toBe('2018-07-11-07:00');
    expect(time.epochMilliSecondsToFormatted(july, "yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30')).toBe('2018-07-11T15:14:15-07:00:30');
  });
});

describe('formatting with Java patterns', () => {
  it.each([
    ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", undefined, '2018-02-06T19:01:35.749+0000'],
    ['EEE, d MMM yyyy HH:mm:ss Z', undefined, 'Tue, 6 Feb 2018 19:01:35 +0000'],
    ['EEE, d MMM yyyy HH:mm:ss Z', 'Asia/Kolkata', 'Wed, 7 Feb 2018 00:31:35 +0530'],
    ['yyyy-MM-dd HH:mm:ssXXX', 'America/Los_Angeles', '2018-02-06 11:01:35-08:00'],
    ['EEEE, MMMM d, yy h:mm a', 'America/Los_Angeles', 'Tuesday, February 6, 18 11:01 AM'],
    ['G u D k K H m s S SS n', undefined, 'AD 2018 37 19 7 19 1 35 7 74 749000000'],
    ["'quoted ''text''' [MM]", undefined, "quoted 'text' 02"],
    ['VV zzzz z O OOOO', 'Asia/Kolkata', 'Asia/Kolkata India Standard Time GMT+5:30 GMT+5:30 GMT+05:30'],
    ['X XX XXX x xx xxx ZZZZ ZZZZZ', undefined, 'Z Z Z +00 +0000 +00:00 GMT Z'],
    ['X XX XXX x xx xxx ZZZZ ZZZZZ', '+05:30', '+0530 +0530 +05:30 +0530 +0530 +05:30 GMT+05:30 +05:30'],
    ['Q QQQ QQQQ MMMMM EEEEE', undefined, '1 Q1 1st quarter F T'],
  ])('%s in %s', (pattern, zone, expected) => {
    expect(format(pattern, zone)).toBe(expected);
  });

  it('follows America/Los_Angeles across both DST changes of 2024', () => {
    const pattern = 'yyyy-MM-dd HH:mm z XXX';
    expect(format(pattern, 'America/Los_Angeles', Date.UTC(2024, 2, 10, 9, 59))).toBe('2024-03-10 01:59 PST -08:00');
    expect(format(pattern, 'America/Los_Angeles', Date.UTC(2024, 2, 10, 10, 0))).toBe('2024-03-10 03:00 PDT -07:00');
    expect(format(pattern, 'America/Los_Angeles', Date.UTC(2024, 10, 3, 8, 30))).toBe('2024-11-03 01:30 PDT -07:00');
    expect(format(pattern, 'America/Los_Angeles', Date.UTC(2024, 10, 3, 9, 30))).toBe('2024-11-03 01:30 PST -08:00');
  });

  it('uses US week fields for Y, w, e and W', () => {
    expect(format("YYYY-'W'ww e W", undefined, Date.UTC(2024, 11, 29))).toBe('2025-W01 1 5');
    expect(format("YYYY-'W'ww e", undefined, Date.UTC(2024, 0, 6))).toBe('2024-W01 7');
  });

  it('refuses what Java refuses', () => {
    expect(() => format('yyyy-MM-dd bb')).toThrow('Unknown pattern letter: b');
    expect(() => format('ddd')).toThrow('Too many pattern letters: d');
    expect(() => format('V')).toThrow('Pattern letter count must be 2: V');
    expect(() => format("'open")).toThrow('Pattern ends with an incomplete string literal');
    expect(() => format('yyyy', 'Mars/Olympus')).toThrow('Unknown time-zone ID: Mars/Olympus');
    expect(() => time.epochMilliSecondsToFormatted('soon', 'yyyy')).toThrow('Expected epoch milliseconds as a number');
  });
});

describe('parsing with Java patterns', () => {
  it.each([
    ['2018-02-01 17:21:42.001+0000', 'yyyy-MM-dd HH:mm:ss.SSSZ', undefined, Date.UTC(2018, 1, 1, 17, 21, 42, 1)],
    ['2018-02-01 17:21:42', 'yyyy-MM-dd HH:mm:ss', 'Asia/Kolkata', Date.UTC(2018, 1, 1, 11, 51, 42)],
    ['Tue, 6 Feb 2018 11:01:35 -0800', 'EEE, d MMM yyyy HH:mm:ss Z', 'Asia/Kolkata', at - 749],
    ['20240103', 'yyyyMMdd', undefined, Date.UTC(2024, 0, 3)],
    ['03/01/24 9:05 PM', 'dd/MM/yy h:mm a', undefined, Date.UTC(2024, 0, 3, 21, 5)],
    ['2024-07-01T12:00 America/Los_Angeles', "yyyy-MM-dd'T'HH:mm VV", undefined, Date.UTC(2024, 6, 1, 19)],
    ['2024-07-01T12:00Z', "yyyy-MM-dd'T'HH:mm[:ss]XXX", '+05:00', Date.UTC(2024, 6, 1, 12)],
    ['2024-07-01 GMT+5:30', 'yyyy-MM-dd O', undefined, Date.UTC(2024, 5, 30, 18, 30)],
    ['1 March 2024', 'd MMMM yyyy', undefined, Date.UTC(2024, 2, 1)],
  ])('%s with %s in %s', (text, pattern, zone, expected) => {
    expect(time.parseFormattedToEpochMilliSeconds(text, pattern, zone)).toBe(expected);
  });

  it('resolves a gap later and an overlap to the earlier offset, as java.time does', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2024-03-10 02:30', 'yyyy-MM-dd HH:mm', 'America/Los_Angeles')).toBe(
      Date.UTC(2024, 2, 10, 10, 30),
    );
    expect(time.parseFormattedToEpochMilliSeconds('2024-11-03 01:30', 'yyyy-MM-dd HH:mm', 'America/Los_Angeles')).toBe(
      Date.UTC(2024, 10, 3, 8, 30),
    );
  });

  it('names the index where the text stops matching', () => {
    expect(() => time.parseFormattedToEpochMilliSeconds('2018-2-01', 'yyyy-MM-dd')).toThrow(
      "Text '2018-2-01' could not be parsed at index 5",
    );
    expect(() => time.parseFormattedToEpochMilliSeconds('2018-02-01x', 'yyyy-MM-dd')).toThrow('unparsed text found at index 10');
  });
});

describe('ISO 8601 and epoch helpers', () => {
  it('converts between epoch and ISO 8601', () => {
    expect(time.epochMilliSecondsToISO8601(1517943695750)).toBe('2018-02-06T19:01:35.750Z');
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.750Z')).toBe(1517943695750);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-07T00:31:35.75+05:30')).toBe(1517943695750);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06')).toBe(Date.UTC(2018, 1, 6));
    expect(() => time.parseISO8601ToEpochMilliSeconds('2018-02-30')).toThrow('invalid date');
    expect(time.epochMilliSecondsToSeconds(1517943695750)).toBe(1517943695);
  });

  it('reads the clock', () => {
    const before = Date.now();
    const millis = time.nowEpochMilliSeconds();
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(Math.abs(time.nowEpochSeconds() - millis / 1000)).toBeLessThan(2);
    expect(Math.abs(time.parseISO8601ToEpochMilliSeconds(time.nowISO8601()) - millis)).toBeLessThan(2000);
    expect(time.nowFormatted('yyyy')).toBe(String(new Date().getUTCFullYear()));
    expect(time.nowFormatted('XXX', 'Asia/Kolkata')).toBe('+05:30');
  });
});
